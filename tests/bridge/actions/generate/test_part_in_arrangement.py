"""Issue 43, first slice: /roo/generate <part> arrangement 1 writes the part into the Arrangement
at the loop brace (or at/bars), refuses a region over a clip unless replace 1 (the new clip then
cuts what lies under it), one undo step, the take records track and start beat; Live before
12.1.10 is refused with nothing written. Through the real daemon and the real Remote Script in
the in-memory Live."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bridge import protocol
from bridge.history import Store, open_store
from livesim.host import LiveHost
from livesim.live_set import SetDesc, TrackDesc
from tests.bridge.harness import Client, running_daemon


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path / "files")
    yield s
    s.close()


def host(version: tuple[int, int, int] = (12, 3, 6)) -> LiveHost:
    tracks = (TrackDesc("midi", "Drums"), TrackDesc("midi", "Bass"), TrackDesc("midi", "Keys"))
    return LiveHost(SetDesc(tracks=tracks), port=0, version=version).start_in_thread()


def ask(client: Client, *args: object) -> tuple[str, str]:
    client.send(protocol.GENERATE, *args)
    _, state, _, message = client.wait_final(30)
    return str(state), str(message)


def spans(live: LiveHost, track: int) -> list[tuple[float, float]]:
    return [(c.start_time, c.end_time) for c in live.call(lambda: live.song.tracks[track].arrangement_clips)]


def test_a_part_lands_at_the_loop_brace_and_its_take_says_where(store: Store) -> None:
    live = host()
    try:

        def brace() -> None:
            live.song.loop_start, live.song.loop_length = 8.0, 16.0

        live.call(brace)
        steps = live.call(lambda: live.doc.undo_steps)
        with running_daemon(live_port=live.port, history=store) as daemon:
            client = Client(daemon.port)
            try:
                state, said = ask(client, "bass", "arrangement", 1, "key", "E minor", "seed", 3)
                assert state == "done", said
                assert "in the Arrangement on track 2 at bar 3.1" in said, said
                assert spans(live, 1) == [(8.0, 24.0)]
                assert live.call(lambda: live.doc.undo_steps) == steps + 1
                clip = live.call(lambda: live.song.tracks[1].arrangement_clips[0])
                notes = live.call(clip.get_all_notes_extended)
                assert notes and all(0.0 <= n.start_time < 16.0 for n in notes)
                take = store.get(store.takes()[0].take_id)
                assert take.live == {
                    "track": 1,
                    "start_beats": 8.0,
                    "length_beats": 16.0,
                    "note_count": len(notes),
                }
                assert take.context["bars"] == 4 and take.context["key"] == "E minor"

                # over it without replace: refused, naming the clip; nothing changes
                state, said = ask(client, "bass", "arrangement", 1, "at", 20.0, "bars", 2)
                assert state == "failed" and "over bars 6.1..8.1" in said and "replace 1" in said, said
                assert spans(live, 1) == [(8.0, 24.0)]
                # with replace 1 the new clip cuts the one under it
                state, said = ask(client, "bass", "arrangement", 1, "at", 20.0, "bars", 2, "replace", 1)
                assert state == "done", said
                assert spans(live, 1) == [(8.0, 20.0), (20.0, 28.0)]
                # at without arrangement is refused before anything
                state, said = ask(client, "bass", "at", 4.0)
                assert state == "failed" and "arrangement 1" in said, said
            finally:
                client.close()
    finally:
        live.stop()


def test_live_before_12_1_10_is_refused_naming_the_version_and_nothing_is_written(store: Store) -> None:
    live = host((12, 1, 0))
    try:
        with running_daemon(live_port=live.port, history=store) as daemon:
            client = Client(daemon.port)
            try:
                state, said = ask(client, "chords", "arrangement", 1)
                assert state == "failed" and "12.1.10" in said and "12.1.0" in said, said
            finally:
                client.close()
        assert all(spans(live, t) == [] for t in range(3))
        assert live.call(lambda: [s.has_clip for t in live.song.tracks for s in t.clip_slots]) == [False] * 24
        assert store.count() == 0
    finally:
        live.stop()


def test_a_vary_by_words_remakes_the_arrangement_part_where_it_lies(store: Store) -> None:
    live = host()
    try:
        with running_daemon(live_port=live.port, history=store) as daemon:
            client = Client(daemon.port)
            try:
                state, said = ask(client, "bass", "arrangement", 1, "at", 16.0, "bars", 2, "seed", 5)
                assert state == "done", said
                first = live.call(lambda: live.song.tracks[1].arrangement_clips[0].get_all_notes_extended())
                steps = live.call(lambda: live.doc.undo_steps)
                client.send(protocol.COMMAND, "vary the bass")
                _, state, _, said = client.wait_final(30)
                assert state == "done" and "in the Arrangement on track 2 at bar 5.1" in str(said), said
                assert spans(live, 1) == [(16.0, 24.0)]  # in place: no second clip, no session clip
                again = live.call(lambda: live.song.tracks[1].arrangement_clips[0].get_all_notes_extended())
                assert [(n.pitch, n.start_time) for n in again] != [(n.pitch, n.start_time) for n in first]
                assert live.call(lambda: live.doc.undo_steps) == steps + 1
                assert not live.call(lambda: any(s.has_clip for t in live.song.tracks for s in t.clip_slots))
                assert [
                    t.live.get("start_beats") for t in map(store.get, (s.take_id for s in store.takes()))
                ] == [
                    16.0,
                    16.0,
                ]
                client.send(protocol.COMMAND, "three variations of the bass")
                _, state, _, said = client.wait_final(30)
                assert state == "failed" and "one at a time" in str(said), said
            finally:
                client.close()
    finally:
        live.stop()


def test_an_arrangement_take_is_recalled_where_it_came_from_or_where_asked(store: Store) -> None:
    live = host()
    try:
        with running_daemon(live_port=live.port, history=store) as daemon:
            client = Client(daemon.port)

            def recall(*args: object) -> tuple[str, str]:
                client.send(protocol.HISTORY_RECALL, *args)
                _, state, _, message = client.wait_final(30)
                return str(state), str(message)

            try:
                assert ask(client, "bass", "arrangement", 1, "at", 8.0, "bars", 2)[0] == "done"
                take = store.takes()[0].take_id
                notes = store.get(take).notes
                state, said = recall(take)  # where it came from: a clip is there now
                assert state == "failed" and "over bars 3.1..5.1" in said, said
                state, said = recall(take, "at", 40.0)
                assert state == "done" and "in the Arrangement on track 2 at bar 11.1" in said, said
                assert spans(live, 1) == [(8.0, 16.0), (40.0, 48.0)]
                state, said = recall(take, "replace", 1)
                assert state == "done" and "at bar 3.1" in said, said
                assert spans(live, 1) == [(8.0, 16.0), (40.0, 48.0)]
                state, said = recall(take, "slot", 2)
                assert state == "done" and "track 2, scene 3" in said, said
                clip = live.call(lambda: live.song.tracks[1].clip_slots[2].clip)
                assert len(live.call(clip.get_all_notes_extended)) == len(notes or [])
                state, said = recall(take, "slot", 1, "at", 4.0)
                assert state == "failed" and "expected one place" in said, said
                newest = store.get(store.takes()[0].take_id)
                assert newest.parent_id == take
            finally:
                client.close()
    finally:
        live.stop()
