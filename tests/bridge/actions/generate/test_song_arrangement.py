"""Whole path: /roo/generate song writes scenes and, on Live 12.1.10+ with replace 1, the arrangement."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from bridge import protocol
from livesim.application import Version
from livesim.host import LiveHost
from livesim.readers import note_rows
from tests.bridge.harness import Client, running_daemon

PARTS = ("drums", "bass", "chords", "melody")


@contextmanager
def generate_song(version: Version) -> Iterator[tuple[LiveHost, str]]:
    host = LiveHost(port=0, version=version).start_in_thread()
    try:
        with running_daemon(live_port=host.port) as daemon:
            client = Client(daemon.port)
            try:
                client.send(protocol.GENERATE, "song", "genre", "pop", "seed", 2, "replace", 1)
                _job, state, _progress, message = client.wait_final(timeout=30.0)
                assert state == "done", message
                yield host, str(message)
            finally:
                client.close()
        assert host.errors == []
    finally:
        host.stop()


def part_tracks(message: str) -> dict[str, int]:
    """Each part's track index as the done message says it (the track rule: "drums -> track 1 '1-MIDI' (...)": 0)."""
    found = {part: int(track) - 1 for part, track in re.findall(r"(\w+) -> track (\d+) '", message)}
    assert set(found) == set(PARTS) and len(set(found.values())) == len(PARTS), message  # each its own
    return found


def scene_names(host: LiveHost) -> list[str]:
    return host.call(lambda: [s.name for s in host.song.scenes])


def scene_clips(
    host: LiveHost, track: int
) -> list[tuple[float, str, list[tuple[int, float, float, int, int]]] | None]:
    """(length_beats, name, notes) of the clip in each scene of a track (None where empty)."""

    def read() -> list[tuple[float, str, list[tuple[int, float, float, int, int]]] | None]:
        out: list[tuple[float, str, list[tuple[int, float, float, int, int]]] | None] = []
        for slot in host.song.tracks[track].clip_slots:
            clip = slot.clip
            out.append(None if clip is None else (clip.length, clip.name, note_rows(clip)))
        return out

    return host.call(read)


def test_song_goes_into_scenes_and_the_arrangement() -> None:
    with generate_song((12, 3, 6)) as (host, message):
        tracks = part_tracks(message)
        sections = [n for n in scene_names(host) if n]
        assert len(sections) >= 3
        scenes = {part: scene_clips(host, track)[: len(sections)] for part, track in tracks.items()}
        # a section's length is that of its scene's clips; sections follow each other from beat 0
        starts, lengths = [], []
        for i in range(len(sections)):
            found = {c[0] for c in (scenes[p][i] for p in PARTS) if c is not None}
            assert len(found) == 1, f"scene {i} clips differ in length: {found}"
            starts.append(sum(lengths))
            lengths.append(found.pop())
        assert f"arrangement written from beat 0 to {sum(lengths):g}" in message
        for part, track in tracks.items():
            expected = [
                (starts[i], lengths[i], clip[1], clip[2])
                for i, clip in enumerate(scenes[part])
                if clip is not None
            ]
            assert expected, f"no scene clip for {part}"
            assert host.arrangement_clips(track) == expected
        first = [host.arrangement_clips(track)[0][0] for track in tracks.values()]
        assert min(first) == 0.0
        # a named cue point at each section's start; the song time is where it was
        cues = host.call(lambda: [(c.time, c.name) for c in host.song.cue_points])
        assert cues == list(zip(starts, sections, strict=True))
        assert "a cue point at each section (" in message
        assert host.call(lambda: host.song.current_song_time) == 0.0


def test_older_live_gets_scenes_only() -> None:
    with generate_song((12, 1, 0)) as (host, message):
        assert "arrangement not written: Live 12.1.0 is older than 12.1.10 (scenes only)" in message
        assert "sections in scenes" in message
        tracks = part_tracks(message)
        assert all(any(scene_clips(host, track)) for track in tracks.values())
        assert all(host.arrangement_clips(track) == [] for track in tracks.values())


def test_song_progress_only_rises_and_reaches_one_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from bridge.jobs import board as jobs

    monkeypatch.setattr(jobs, "MIN_REPORT_INTERVAL_S", 0.0)  # every report goes out: none is hidden
    host = LiveHost(port=0, version=(12, 3, 6)).start_in_thread()
    try:
        with running_daemon(live_port=host.port) as daemon:
            client = Client(daemon.port)
            client.send(protocol.GENERATE, "song", "genre", "rock", "seed", 3, "replace", 1)
            progress = []
            end = time.monotonic() + 120.0
            while True:
                assert time.monotonic() < end, f"the song did not finish within 120 s: {progress}"
                _job, state, fraction, message = client.wait_for(protocol.STATUS, timeout=30.0)
                progress.append(float(fraction))
                if state in protocol.FINAL_STATES:
                    break
            client.close()
        assert state == "done", message
    finally:
        host.stop()
    assert len(progress) > 8  # the sections' parts and scenes were all reported
    assert progress == sorted(progress), progress
    assert progress.count(1.0) == 1 and progress[-1] == 1.0
