"""A generated song carries the automation its genre asks for (presets/genres/*.yaml ``automation``):
house asks for a filter rise into each chorus on the chords and the bass ducked on every beat in
each chorus. Written as clip envelopes in the scenes and on the arrangement clips, recorded with
each clip's take; ``automation 0`` leaves them out. Real daemon, real Remote Script."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bridge import protocol
from bridge.history import Store, open_store
from engines.automation import genre_moves
from engines.preset_files import presets_dir
from livesim.host import LiveHost
from livesim.live_set import SetDesc, TrackDesc
from tests.bridge.harness import Client, running_daemon

NAMES = ("Drums", "Bass", "Chords", "Melody")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path / "files")
    yield s
    s.close()


def song(store: Store, *options: object) -> tuple[LiveHost, str]:
    host = LiveHost(SetDesc(tracks=tuple(TrackDesc("midi", n) for n in NAMES)), port=0, version=(12, 3, 6))
    host.start_in_thread()
    host.call(lambda: host.song.tracks[2].insert_device("Auto Filter"))
    with running_daemon(live_port=host.port, history=store) as daemon:
        client = Client(daemon.port)
        try:
            client.send(protocol.GENERATE, "song", "genre", "house", "seed", 5, "replace", 1, *options)
            _, state, _, message = client.wait_final(60)
            assert state == "done", message
        finally:
            client.close()
    return host, str(message)


def frequency(song: Any) -> Any:
    return next(p for p in song.tracks[2].devices[0].parameters if p.name == "Frequency")


def read(host: LiveHost, clip: Any, param: Any, times: list[float]) -> list[float] | None:
    def values() -> list[float] | None:
        env = clip.automation_envelope(param)
        return None if env is None else [env.value_at_time(t) for t in times]

    return host.call(values)


def test_a_house_song_rises_into_each_chorus_and_ducks_its_bass(store: Store) -> None:
    host, message = song(store)
    try:
        assert "automation: chords Auto Filter 'Frequency' rise into each chorus" in message, message
        names = host.call(lambda: [s.name for s in host.song.scenes])
        sections = [n for n in names if n]
        choruses = [i for i, n in enumerate(sections) if n == "chorus"]
        assert choruses and all(i > 0 for i in choruses)
        slots = host.call(lambda: [s.clip for s in host.song.tracks[2].clip_slots])
        param = host.call(lambda: frequency(host.song))
        for i, section in enumerate(sections):
            clip = slots[i]
            if clip is None:
                continue
            length = host.call(lambda c=clip: c.length)
            got = read(host, clip, param, [0.0, length / 2, length - 0.01])
            if i + 1 in choruses:  # the section before a chorus: a rise from 25% to the top
                assert got is not None and got[0] == pytest.approx(0.25) and got[1] < got[2], (section, got)
                assert got[2] == pytest.approx(1.0, abs=0.01)
            else:
                assert got is None, (section, got)
        # the bass in each chorus: ducked on every beat (0.85 on the beat, 0.6 between)
        bass = host.call(lambda: [s.clip for s in host.song.tracks[1].clip_slots])
        volume = host.call(lambda: host.song.tracks[1].mixer_device.volume)
        for i in choruses:
            assert read(host, bass[i], volume, [0.0, 0.5, 1.0]) == pytest.approx([0.85, 0.6, 0.85])
        # and on the arrangement clips of the same sections: one per rise in the scenes
        before = choruses[0] - 1
        arranged = host.call(
            lambda: sorted(host.song.tracks[2].arrangement_clips, key=lambda c: c.start_time)
        )
        rising = []
        for clip in arranged:
            length = host.call(lambda c=clip: c.length)
            got = read(host, clip, param, [0.0, length - 0.01])
            if got is not None:
                assert got == pytest.approx([0.25, 1.0], abs=0.01)
                rising.append(host.call(lambda c=clip: c.start_time))
        assert len(rising) == len([i for i in choruses if slots[i - 1] is not None])
        # each clip's take keeps the envelope it carries
        takes = [store.get(t.take_id) for t in store.takes(limit=200)]
        held = [
            t
            for t in takes
            if t.part == "chords" and t.live.get("slot") == before and t.live.get("envelopes")
        ]
        assert len(held) == 1, [t.live for t in takes if t.part == "chords"]
        (env,) = held[0].live["envelopes"]
        assert (env["device"], env["parameter"], env["shape"]) == ("Auto Filter", "Frequency", "rise")
        assert (env["start"], env["end"]) == pytest.approx((0.25, 1.0))
        on_arrangement = [
            t
            for t in takes
            if t.part == "chords" and t.live.get("start_beats") == rising[0] and "slot" not in t.live
        ]
        assert len(on_arrangement) == 1 and on_arrangement[0].live["envelopes"][0]["shape"] == "rise"
    finally:
        host.stop()


def test_automation_0_leaves_them_out(store: Store) -> None:
    host, message = song(store, "automation", 0)
    try:
        assert "automation:" not in message, message

        def any_envelope() -> bool:
            clips = [s.clip for t in host.song.tracks for s in t.clip_slots if s.clip is not None]
            clips += [c for t in host.song.tracks for c in t.arrangement_clips]
            return any(c.has_envelopes for c in clips)

        assert host.call(any_envelope) is False
    finally:
        host.stop()


def test_a_genre_whose_automation_is_refused_fails_before_anything_is_written(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    presets = tmp_path / "presets"
    shutil.copytree(presets_dir(), presets)
    with (presets / "genres" / "reggae.yaml").open("a", encoding="utf-8") as f:
        f.write(
            "automation:\n  - {part: chords, device: mixer, parameter: volume, shape: wobble, in: verse}\n"
        )
    monkeypatch.setenv("MUSEAROO_PRESETS", str(presets))
    genre_moves.cache_clear()
    host = LiveHost(SetDesc(tracks=tuple(TrackDesc("midi", n) for n in NAMES)), port=0).start_in_thread()
    try:
        with running_daemon(live_port=host.port, history=store) as daemon:
            client = Client(daemon.port)
            try:
                client.send(protocol.GENERATE, "song", "genre", "reggae", "seed", 1, "replace", 1)
                _, state, _, message = client.wait_final(60)
            finally:
                client.close()
        assert state == "failed" and "reggae.yaml: automation[0]: shape 'wobble'" in str(message), message
        clips = host.call(lambda: [s.has_clip for t in host.song.tracks for s in t.clip_slots])
        assert (
            not any(clips)
            and host.call(lambda: [len(t.arrangement_clips) for t in host.song.tracks]) == [0] * 4
        )
    finally:
        host.stop()
        genre_moves.cache_clear()
