"""Issue 43: /roo/infill, /roo/continue and /roo/accompany with arrangement 1 work on arrangement
clips (source_track T source_at BEAT): infill rewrites bars inside the clip in place (one undo step),
continue writes a new clip right after it (a clip in the way refused unless replace 1), accompany
writes a new part on another track over the source's region; a beat with no clip is refused naming
it, nothing written. Through the real daemon, a tiny random MIDI-GPT checkpoint in the real model
worker and the real Remote Script in the in-memory Live."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bridge import protocol
from bridge.history import Store, open_store
from bridge.live.client import LiveClient
from engines.errors import LiveError
from engines.infill.random_model import save_random_checkpoint
from livesim.host import LiveHost
from livesim.live_set import ClipDesc, SetDesc, TrackDesc
from tests.bridge.actions.infill.test_infill_action import DRUMS, MELODY, finish, outside
from tests.bridge.harness import Client, running_daemon


@pytest.fixture(scope="module")
def ckpt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_random_checkpoint(tmp_path_factory.mktemp("midigpt") / "tiny.safetensors", seed=5)


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))


@pytest.fixture
def live() -> Iterator[LiveHost]:
    """Melody (a 4-bar arrangement clip at beat 8), Drums (a 1-bar one at beat 8), Bass (empty)."""
    tracks = (
        TrackDesc("midi", "Melody", arrangement=(ClipDesc(0, "riff", 16.0, MELODY, start=8.0),)),
        TrackDesc("midi", "Drums", arrangement=(ClipDesc(0, "beat", 16.0, DRUMS, start=8.0),)),
        TrackDesc("midi", "Bass"),
    )
    host = LiveHost(SetDesc(tracks=tracks), port=0).start_in_thread()
    yield host
    host.stop()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path / "files")
    yield s
    s.close()


def spans(live: LiveHost, track: int) -> list[tuple[float, float]]:
    return [(c.start_time, c.end_time) for c in live.call(lambda: live.song.tracks[track].arrangement_clips)]


def rows(live: LiveHost, track: int, index: int) -> list[tuple[int, float, float, int, int]]:
    def read() -> list[tuple[int, float, float, int, int]]:
        clip = live.song.tracks[track].arrangement_clips[index]
        return sorted(
            (n.pitch, n.start_time, n.duration, int(n.velocity), int(n.mute))
            for n in clip.get_all_notes_extended()
        )

    return live.call(read)


def test_infill_continue_and_accompany_work_on_arrangement_clips(
    env: None, live: LiveHost, ckpt: Path, store: Store
) -> None:
    before = rows(live, 0, 0)
    steps = live.call(lambda: live.doc.undo_steps)
    model = ("model", str(ckpt))
    with running_daemon(live_port=live.port, history=store) as daemon:
        client = Client(daemon.port)
        try:
            client.send(protocol.INFILL, 0, 0, "bars", "2-3", "arrangement", 1, "source_track", 0,
                        "source_at", 12.0, *model, "seed", 3)  # fmt: skip
            (_, state, _, message), _ = finish(client, "infill")
            assert state == "done" and "bars 2-3 rewritten in place" in message, message
            # the source clip as the Remote Script names it too (places.py): track, its name, clip, start
            assert message.startswith("infill of track 1 'Melody', the clip 'riff' at bar 3.1: "), message
            assert spans(live, 0) == [(8.0, 24.0)]
            after = rows(live, 0, 0)
            assert outside(after, 4.0, 12.0) == outside(before, 4.0, 12.0)  # the muted note too
            assert [r for r in after if 4.0 <= r[1] < 12.0] != [r for r in before if 4.0 <= r[1] < 12.0]
            assert live.call(lambda: live.doc.undo_steps) == steps + 1
            assert not live.call(lambda: any(s.has_clip for t in live.song.tracks for s in t.clip_slots))

            client.send(
                protocol.CONTINUE, 0, 0, "bars", 2, "arrangement", 1, "source_at", 9.0, *model, "seed", 1
            )
            (_, state, _, message), results = finish(client, "continue")
            assert state == "done" and "at bar 7.1" in message, message
            assert message.startswith("continue of track 1 'Melody', the clip 'riff' at bar 3.1: "), message
            assert [(r["track"], r["slot"], r["start_beats"], r["length_beats"]) for r in results] == [
                (0, -1, 24.0, 8.0)
            ]
            assert spans(live, 0) == [(8.0, 24.0), (24.0, 32.0)]
            # again: the new bars would lie over the clip just made
            client.send(
                protocol.CONTINUE, 0, 0, "bars", 2, "arrangement", 1, "source_at", 9.0, *model, "seed", 2
            )
            (_, state, _, message), _ = finish(client, "continue")
            assert state == "failed" and "over bars 7.1..9.1" in message and "replace 1" in message, message
            assert spans(live, 0) == [(8.0, 24.0), (24.0, 32.0)]

            client.send(protocol.ACCOMPANY, "bass", "arrangement", 1, "source_track", 0, "source_at", 8.0,
                        *model, "seed", 4)  # fmt: skip
            (_, state, _, message), _ = finish(client, "accompany")
            assert state == "done" and "on track 3 at bar 3.1" in message, message
            heard = "from track 1 'Melody', the clip 'riff' at bar 3.1; track 2 'Drums', the clip 'beat' at bar 3.1"
            assert heard in message, message  # arrangement clips, not "scene 1" (round 38)
            assert spans(live, 2) == [(8.0, 24.0)] and spans(live, 1) == [(8.0, 24.0)]

            # a beat where the track holds no clip: refused naming it, nothing written
            client.send(protocol.INFILL, 0, 0, "arrangement", 1, "source_at", 40.0, *model)
            (_, state, _, message), _ = finish(client, "infill")
            assert state == "failed" and "no arrangement clip at bar 11.1 (beat 40)" in message, message
        finally:
            client.close()
    assert spans(live, 0) == [(8.0, 24.0), (24.0, 32.0)]
    takes = [store.get(t.take_id) for t in store.takes()]
    assert sorted((t.action, t.live["track"], t.live["start_beats"]) for t in takes) == [
        ("accompany", 2, 8.0), ("continue", 0, 24.0), ("infill", 0, 8.0),
    ]  # fmt: skip


def test_live_before_12_1_10_is_refused_naming_it_before_anything_is_made(
    env: None, ckpt: Path, store: Store
) -> None:
    tracks = (
        TrackDesc("midi", "Melody", arrangement=(ClipDesc(0, "riff", 16.0, MELODY, start=8.0),)),
        TrackDesc("audio", "Vox"),
    )
    live = LiveHost(SetDesc(tracks=tracks), port=0, version=(12, 1, 0)).start_in_thread()
    try:
        before = rows(live, 0, 0)
        with running_daemon(live_port=live.port, history=store) as daemon:
            client = Client(daemon.port)
            try:
                client.send(protocol.INFILL, 0, 0, "arrangement", 1, "source_at", 8.0, "model", str(ckpt))
                (_, state, _, message), _ = finish(client, "infill")
                assert state == "failed" and "12.1.10" in message and "12.1.0" in message, message
                client.send(protocol.ACCOMPANY, "bass", "arrangement", 1, "source_track", 0, "source_at", 8.0,
                            "model", str(ckpt))  # fmt: skip
                (_, state, _, message), _ = finish(client, "accompany")
                assert state == "failed" and "12.1.10" in message, message
            finally:
                client.close()
        assert live.call(lambda: [t.name for t in live.song.tracks]) == ["Melody", "Vox"]
        assert spans(live, 0) == [(8.0, 24.0)] and rows(live, 0, 0) == before
        assert store.count() == 0
    finally:
        live.stop()


def test_a_failed_accompany_takes_back_the_track_it_made(
    env: None, ckpt: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    tracks = (TrackDesc("midi", "Melody", arrangement=(ClipDesc(0, "riff", 16.0, MELODY, start=8.0),)),)
    live = LiveHost(SetDesc(tracks=tracks), port=0).start_in_thread()

    async def refused(self: LiveClient, *args: Any, **kwargs: Any) -> Any:
        raise LiveError("Live refused the write (forced by the test)")

    monkeypatch.setattr(LiveClient, "write_arrangement_clip", refused)
    try:
        with running_daemon(live_port=live.port, history=store) as daemon:
            client = Client(daemon.port)
            try:
                # nothing plays at beat 40 (bar 11.1): refused before MIDI-GPT runs, nothing made
                client.send(protocol.ACCOMPANY, "bass", "arrangement", 1, "at", 40.0, "model", str(ckpt))
                (_, state, _, message), _ = finish(client, "accompany")
                assert state == "failed" and "plays at bar 11.1: expected" in message, message
                client.send(protocol.ACCOMPANY, "bass", "arrangement", 1, "at", 8.0, "model", str(ckpt))
                (_, state, _, message), _ = finish(client, "accompany")
                assert state == "failed" and "forced by the test" in message, message
                assert "the new track 2 'Bass' it made was deleted again" in message, message
            finally:
                client.close()
        assert live.call(lambda: [t.name for t in live.song.tracks]) == ["Melody"]
        assert store.count() == 0
    finally:
        live.stop()
