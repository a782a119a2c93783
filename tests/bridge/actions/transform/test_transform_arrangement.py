"""/roo/transform ... arrangement 1: an arrangement clip transformed in place (the new clip at the
same start and length cuts the old one), one undo step brings it back, the take records the start
beat; Live before 12.1.10 refused with nothing written. Real daemon, real Remote Script."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bridge import protocol
from bridge.history import Store, open_store
from livesim.host import LiveHost
from livesim.live_set import ClipDesc, SetDesc, TrackDesc
from tests.bridge.harness import Client, running_daemon

RIFF = ((48, 0.0, 1.0, 90, 0), (51, 1.0, 1.0, 90, 0), (55, 2.0, 2.0, 90, 0))
VERSE = (ClipDesc(0, "verse bass", 8.0, RIFF),)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path / "files")
    yield s
    s.close()


def start(version: tuple[int, int, int]) -> LiveHost:
    tracks = (TrackDesc("midi", "Keys"), TrackDesc("midi", "Bass", arrangement=VERSE))
    return LiveHost(SetDesc(tracks=tracks), port=0, version=version).start_in_thread()


def transform(client: Client, *args: object) -> tuple[str, str]:
    client.send(protocol.TRANSFORM, *args)
    _, state, _, message = client.wait_final(30)
    return str(state), str(message)


def rows(live: LiveHost) -> list[tuple[float, float, str, list[tuple[int, float]]]]:
    def read() -> list[tuple[float, float, str, list[tuple[int, float]]]]:
        return [
            (
                c.start_time,
                c.end_time,
                c.name,
                sorted((n.pitch, n.start_time) for n in c.get_all_notes_extended()),
            )
            for c in live.song.tracks[1].arrangement_clips
        ]

    return live.call(read)


def test_a_transpose_replaces_the_arrangement_clip_in_place(store: Store) -> None:
    live = start((12, 3, 6))
    try:
        before = rows(live)
        steps = live.call(lambda: live.doc.undo_steps)
        with running_daemon(live_port=live.port, history=store) as daemon:
            client = Client(daemon.port)
            try:
                state, said = transform(
                    client, "transpose", "track", 1, "slot", 0, "semitones", 2, "arrangement", 1
                )
                assert (
                    state == "done"
                    and "transpose of track 2 'Bass', the clip 'verse bass' at bar 1.1" in said
                ), said
            finally:
                client.close()
        after = rows(live)
        assert [(a, b) for a, b, _, _ in after] == [(0.0, 8.0)]  # one clip, in the old one's place
        assert after[0][3] == [(p + 2, t) for p, t in before[0][3]]
        assert live.call(lambda: live.doc.undo_steps) == steps + 1
        take = store.get(store.takes()[0].take_id)
        assert take.live == {"track": 1, "start_beats": 0.0, "length_beats": 8.0, "note_count": 3}
        assert live.call(lambda: [s.has_clip for s in live.song.tracks[1].clip_slots]) == [False] * 8
        live.call(live.song.undo)
        assert rows(live) == before
    finally:
        live.stop()


def test_live_before_12_1_10_is_refused_and_the_clip_kept() -> None:
    live = start((12, 1, 0))
    try:
        before = rows(live)
        with running_daemon(live_port=live.port) as daemon:
            client = Client(daemon.port)
            try:
                state, said = transform(client, "retrograde", "track", 1, "slot", 0, "arrangement", 1)
                assert state == "failed" and "12.1.10" in said, said
                state, said = transform(client, "retrograde", "track", 1, "slot", 3, "arrangement", 1)
                assert state == "failed" and "arrangement clip 3 on track 2 'Bass' is out of range" in said, (
                    said
                )
            finally:
                client.close()
        assert rows(live) == before
    finally:
        live.stop()


def test_a_transform_in_place_is_filed_under_the_take_that_was_there(store: Store) -> None:
    live = start((12, 3, 6))
    try:
        with running_daemon(live_port=live.port, history=store) as daemon:
            client = Client(daemon.port)
            try:
                client.send(protocol.GENERATE, "bass", "arrangement", 1, "at", 16.0, "bars", 2, "seed", 4)
                _, state, _, said = client.wait_final(30)
                assert state == "done" and "at bar 5.1" in str(said), said
                made = store.takes()[0]
                assert made.live["start_beats"] == 16.0
                # the generated clip is the track's second arrangement clip (the verse is the first)
                state, said = transform(
                    client, "transpose", "track", 1, "slot", 1, "semitones", 3, "arrangement", 1
                )
                assert state == "done" and "at bar 5.1" in said, said
                # the verse clip was no take: its transform is a root
                state, said = transform(
                    client, "transpose", "track", 1, "slot", 0, "semitones", 1, "arrangement", 1
                )
                assert state == "done", said
            finally:
                client.close()
        newest = store.takes()
        verse, moved = store.get(newest[0].take_id), store.get(newest[1].take_id)
        assert moved.action == "transform" and moved.parent_id == made.take_id
        assert verse.action == "transform" and verse.parent_id is None
    finally:
        live.stop()
