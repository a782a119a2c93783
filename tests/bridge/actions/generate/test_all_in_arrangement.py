"""Issue 43: /roo/generate all arrangement 1 writes every part on its own track at the loop brace in
one undo step; a region over a clip is refused on any track (nothing written) unless replace 1; the
tracks made for it are taken back when the write fails; Live before 12.1.10 is refused. Through the
real daemon and the real Remote Script in the in-memory Live."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bridge import protocol
from bridge.history import Store, open_store
from bridge.live.client import LiveClient
from engines.errors import LiveError
from livesim.host import LiveHost
from livesim.live_set import SetDesc, TrackDesc
from tests.bridge.harness import Client, running_daemon


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path / "files")
    yield s
    s.close()


def host(tracks: tuple[TrackDesc, ...], version: tuple[int, int, int] = (12, 3, 6)) -> LiveHost:
    return LiveHost(SetDesc(tracks=tracks), port=0, version=version).start_in_thread()


FOUR = (
    TrackDesc("midi", "Drums"),
    TrackDesc("midi", "Bass"),
    TrackDesc("midi", "Keys"),
    TrackDesc("midi", "Lead"),
)


def ask(client: Client, *args: object) -> tuple[str, str]:
    client.send(protocol.GENERATE, *args)
    _, state, _, message = client.wait_final(30)
    return str(state), str(message)


def spans(live: LiveHost) -> list[list[tuple[float, float]]]:
    return live.call(
        lambda: [[(c.start_time, c.end_time) for c in t.arrangement_clips] for t in live.song.tracks]
    )


def test_every_part_lands_on_its_own_track_at_the_loop_brace_in_one_undo_step(store: Store) -> None:
    live = host(FOUR)
    try:

        def brace() -> None:
            live.song.loop_start, live.song.loop_length = 8.0, 16.0

        live.call(brace)
        steps = live.call(lambda: live.doc.undo_steps)
        with running_daemon(live_port=live.port, history=store) as daemon:
            client = Client(daemon.port)
            try:
                state, said = ask(client, "all", "arrangement", 1, "key", "A minor", "seed", 4)
                assert state == "done", said
                assert "16 beats in the Arrangement at bar 3.1" in said, said
                assert spans(live) == [[(8.0, 24.0)]] * 4
                assert live.call(lambda: live.doc.undo_steps) == steps + 1
                assert not live.call(lambda: any(s.has_clip for t in live.song.tracks for s in t.clip_slots))
                takes = [store.get(s.take_id) for s in store.takes()]
                assert sorted((t.part, t.live["track"], t.live["start_beats"]) for t in takes) == [
                    ("bass", 1, 8.0), ("chords", 2, 8.0), ("drums", 0, 8.0), ("melody", 3, 8.0),
                ]  # fmt: skip
                for take in takes:
                    clip = live.call(lambda t=take: live.song.tracks[t.live["track"]].arrangement_clips[0])
                    assert take.live["note_count"] == len(live.call(clip.get_all_notes_extended)) > 0

                # "vary the bass" remakes the bass where it lies, in place
                client.send(protocol.COMMAND, "vary the bass")
                _, state, _, said = client.wait_final(30)
                assert state == "done" and "in the Arrangement on track 2 at bar 3.1" in str(said), said
                assert spans(live) == [[(8.0, 24.0)]] * 4
                assert store.count() == 5

                # over them without replace: refused naming a clip, nothing written anywhere
                state, said = ask(client, "all", "arrangement", 1, "at", 20.0, "bars", 2)
                assert state == "failed" and "over bars 6.1..8.1" in said and "replace 1" in said, said
                assert spans(live) == [[(8.0, 24.0)]] * 4
                assert store.count() == 5
                # with replace 1 each new clip cuts the one under it
                state, said = ask(client, "all", "arrangement", 1, "at", 20.0, "bars", 2, "replace", 1)
                assert state == "done", said
                assert spans(live) == [[(8.0, 20.0), (20.0, 28.0)]] * 4
                # song is still refused with arrangement 1 before anything
                state, said = ask(client, "song", "arrangement", 1)
                assert state == "failed" and "song" in said, said
            finally:
                client.close()
    finally:
        live.stop()


def test_a_failed_write_takes_back_the_tracks_it_made(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    live = host((TrackDesc("midi", "Bass"), TrackDesc("audio", "Vox")))
    seen: list[list[str]] = []

    async def refused(self: LiveClient, *args: Any, **kwargs: Any) -> Any:
        seen.append(live.call(lambda: [t.name for t in live.song.tracks]))
        raise LiveError("Live refused the write (forced by the test)")

    monkeypatch.setattr(LiveClient, "write_arrangement_clips", refused)
    try:
        with running_daemon(live_port=live.port, history=store) as daemon:
            client = Client(daemon.port)
            try:
                state, said = ask(client, "all", "arrangement", 1, "bars", 1)
            finally:
                client.close()
        assert seen == [["Bass", "Vox", "Drums", "Chords", "Melody"]]
        assert live.call(lambda: [t.name for t in live.song.tracks]) == ["Bass", "Vox"]
        assert state == "failed" and "forced by the test" in said, said
        assert "the new track 3 'Drums' it made was deleted again" in said, said
        assert store.count() == 0
    finally:
        live.stop()


def test_live_before_12_1_10_is_refused_and_nothing_is_written(store: Store) -> None:
    live = host(FOUR, (12, 1, 0))
    try:
        with running_daemon(live_port=live.port, history=store) as daemon:
            client = Client(daemon.port)
            try:
                state, said = ask(client, "all", "arrangement", 1)
            finally:
                client.close()
        assert state == "failed" and "12.1.10" in said and "12.1.0" in said, said
        assert spans(live) == [[]] * 4
        assert store.count() == 0
    finally:
        live.stop()


def test_after_a_restart_a_vary_remakes_an_arrangement_part_where_it_lies(store: Store) -> None:
    live = host(FOUR)
    try:
        with running_daemon(live_port=live.port, history=store) as daemon:
            client = Client(daemon.port)
            try:
                state, said = ask(client, "all", "arrangement", 1, "at", 16.0, "bars", 2, "seed", 5)
                assert state == "done", said
            finally:
                client.close()
        with running_daemon(live_port=live.port, history=store) as daemon:  # a new daemon: the store says
            client = Client(daemon.port)
            try:
                client.send(protocol.COMMAND, "vary the chords")
                _, state, _, said = client.wait_final(30)
                assert state == "done" and "in the Arrangement on track 3 at bar 5.1" in str(said), said
            finally:
                client.close()
        assert spans(live) == [[(16.0, 24.0)]] * 4
        assert not live.call(lambda: any(s.has_clip for t in live.song.tracks for s in t.clip_slots))
    finally:
        live.stop()
