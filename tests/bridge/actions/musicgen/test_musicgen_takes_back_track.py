"""/roo/musicgen makes a new audio track for its loop when none is named; when importing the loop then
fails, the track, still empty, is deleted again (/roo/live/delete_tracks) and the error says so; a
track a first take landed in is kept, and the error says why. Through the real daemon, a tiny random
MusicGen in the real model worker and the real Remote Script in the in-memory Live."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bridge.live.client import LiveClient
from engines.errors import LiveError
from engines.musicgen.random_model import save_random_model
from livesim.host import LiveHost
from tests.bridge.actions.musicgen.test_musicgen_action import musicgen
from tests.bridge.harness import Client, running_daemon

NAME = "MusicGen lofi drum beat"


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_random_model(tmp_path_factory.mktemp("musicgen-take-back"), seed=21)


@pytest.fixture
def live(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[LiveHost]:
    monkeypatch.setenv("MUSEAROO_LOOPS_DIR", str(tmp_path))
    monkeypatch.setenv("OMP_NUM_THREADS", "1")  # the spawned worker: tiny model, shared cores
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    host = LiveHost(port=0).start_in_thread()
    yield host
    host.stop()


def track_names(live: LiveHost) -> list[str]:
    return live.call(lambda: [t.name for t in live.song.tracks])


def refuse_imports(monkeypatch: pytest.MonkeyPatch, landed: int) -> None:
    """The first ``landed`` imports land in Live; the next is refused."""
    imported = LiveClient.import_audio
    calls: list[int] = []

    async def import_audio(self: LiveClient, track: int, *args: Any) -> tuple[int, int]:
        calls.append(track)
        if len(calls) <= landed:
            return await imported(self, track, *args)
        raise LiveError(f"track {track}: Live refused the audio file (forced by the test)")

    monkeypatch.setattr(LiveClient, "import_audio", import_audio)


def generate_loop(live: LiveHost, tiny: Path, *args: object) -> tuple[str, str, int]:
    """Send /roo/musicgen; the final state and message, and where the new track goes."""
    selected = live.call(lambda: live.song.view.selected_track)
    new_track = 1 + next(i for i, t in enumerate(live.call(lambda: list(live.song.tracks))) if t is selected)
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            (_job, state, _progress, message), _result = musicgen(
                client, "lofi drum beat", 1, "model", str(tiny), "seed", 4, *args
            )
        finally:
            client.close()
    return str(state), str(message), new_track


def test_a_refused_import_takes_the_new_track_back(
    live: LiveHost, tiny: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = track_names(live)
    refuse_imports(monkeypatch, landed=0)
    state, message, track = generate_loop(live, tiny)
    assert track_names(live) == before
    assert state == "failed" and message.startswith(f"track {track}: Live refused the audio file"), message
    assert message.endswith(f"; the new track {track + 1} {NAME!r} it made was deleted again"), message


def test_a_track_a_first_take_landed_in_is_kept_and_the_error_says_why(
    live: LiveHost, tiny: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = track_names(live)
    refuse_imports(monkeypatch, landed=1)
    state, message, track = generate_loop(live, tiny, "variations", 2)
    assert state == "failed", message
    assert track_names(live) == [*before[:track], NAME, *before[track:]]
    assert f"; the new track {track + 1} {NAME!r} was kept: deleting it failed (" in message, message
    assert f"(track {track + 1} {NAME!r} holds a clip: nothing deleted)" in message, message
