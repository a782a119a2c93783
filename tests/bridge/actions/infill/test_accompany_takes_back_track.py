"""/roo/accompany makes a new MIDI track for its part when no track holds the part; when writing into it
then fails, the track, still empty, is deleted again (/roo/live/delete_tracks) and the error says so; a
track a first take landed in is kept, and the error says why. Through the real daemon, a tiny random
MIDI-GPT checkpoint in the real model worker and the real Remote Script in the in-memory Live."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bridge import protocol
from bridge.live.client import LiveClient
from engines.errors import LiveError
from engines.infill.random_model import save_random_checkpoint
from livesim.host import LiveHost
from tests.bridge.actions.infill.test_infill_action import finish, the_set
from tests.bridge.harness import Client, running_daemon

BEFORE = ["Melody", "Drums", "Keys", "Audio"]  # no Bass track: accompany bass makes track 4 'Bass'


@pytest.fixture(scope="module")
def ckpt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_random_checkpoint(tmp_path_factory.mktemp("midigpt") / "tiny.safetensors", seed=5)


@pytest.fixture
def live(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[LiveHost]:
    monkeypatch.setenv("OMP_NUM_THREADS", "1")  # the spawned worker: tiny model, shared cores
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    host = LiveHost(the_set(bass_track=False), port=0).start_in_thread()
    yield host
    host.stop()


def track_names(live: LiveHost) -> list[str]:
    return live.call(lambda: [t.name for t in live.song.tracks])


def refuse_writes(live: LiveHost, monkeypatch: pytest.MonkeyPatch, landed: int) -> list[list[str]]:
    """The first ``landed`` writes land in Live, the next is refused; the track names at each write."""
    write = LiveClient.write
    seen: list[list[str]] = []

    async def refused(self: LiveClient, clip: Any, expect: Any = None) -> tuple[int, int, int]:
        seen.append(track_names(live))
        if len(seen) <= landed:
            return await write(self, clip, expect)
        raise LiveError(f"track {clip.track} slot {clip.slot}: Live refused the write (forced by the test)")

    monkeypatch.setattr(LiveClient, "write", refused)
    return seen


def accompany(live: LiveHost, ckpt: Path, *args: Any) -> tuple[str, str]:
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            client.send(protocol.ACCOMPANY, "bass", "model", str(ckpt), "seed", 3, *args)
            (_, state, _, message), _results = finish(client, "accompany")
        finally:
            client.close()
    return str(state), str(message)


def test_a_refused_write_takes_the_new_track_back(
    live: LiveHost, ckpt: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = refuse_writes(live, monkeypatch, landed=0)
    state, message = accompany(live, ckpt)
    assert seen == [[*BEFORE, "Bass"]] and track_names(live) == BEFORE
    assert state == "failed" and message.startswith("track 4 slot 0: Live refused the write"), message
    assert message.endswith("; the new track 5 'Bass' it made was deleted again"), message


def test_a_track_a_first_take_landed_in_is_kept_and_the_error_says_why(
    live: LiveHost, ckpt: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refuse_writes(live, monkeypatch, landed=1)
    state, message = accompany(live, ckpt, "variations", 2)
    assert state == "failed" and track_names(live) == [*BEFORE, "Bass"], message
    assert live.clip_properties(4, 0) is not None  # the first take stays
    assert "; the new track 5 'Bass' was kept: deleting it failed (" in message, message
    assert "(track 5 'Bass' holds a clip: nothing deleted)" in message, message
