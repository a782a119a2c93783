"""/roo/separate makes one audio track per stem; when placing the stems then fails or is cancelled, the
new tracks still empty are deleted again (/roo/live/delete_tracks), the error says which were deleted
and which were kept, and the stems' take says where its stems are. Through the real daemon (with its
model worker) and the real Remote Script in the in-memory Live."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile as sf

from bridge import protocol
from bridge.history import Store, open_store
from bridge.live.client import LiveClient
from engines.errors import LiveError
from engines.separation.random_model import save_random_model
from livesim.host import LiveHost
from tests.bridge.actions.separate.test_separate_request import RATE, live_with, separate, track_names
from tests.bridge.harness import Client, running_daemon

BEFORE = ["Keys", "Mix", "Loop", "After"]
STEM_TRACKS = ["Mix drums", "Mix bass", "Mix other", "Mix vocals"]  # made as tracks 2..5, after Mix


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_random_model(tmp_path_factory.mktemp("model"), "tiny", seed=5)


@pytest.fixture(scope="module")
def song_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rng = np.random.default_rng(9)
    path = tmp_path_factory.mktemp("audio") / "Song Mix.wav"
    sf.write(path, (0.2 * rng.standard_normal((2 * RATE + 11, 2))).clip(-1, 1), RATE, subtype="PCM_24")
    return path


@pytest.fixture
def live(song_file: Path) -> Iterator[LiveHost]:
    host = live_with(song_file)
    yield host
    host.stop()


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("MUSEAROO_STEMS_DIR", str(tmp_path / "stems"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    return open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path)


def separate_mix(live: LiveHost, store: Store, model_dir: Path) -> tuple[str, str]:
    """Separate the Mix clip (track 2, scene 2); the final state and message."""
    with running_daemon(live_port=live.port, history=store) as daemon:
        client = Client(daemon.port)
        try:
            status, _result = separate(client, 1, 1, str(model_dir))
        finally:
            client.close()
    return str(status[1]), str(status[3])


def stems_take_live(store: Store) -> dict[str, Any]:
    takes = store.takes(part="stems")
    assert len(takes) == 1, takes
    return dict(takes[0].live)


def refuse_import(monkeypatch: pytest.MonkeyPatch, landed: int) -> None:
    """The first ``landed`` stems land in Live; the next import is refused."""
    imported = LiveClient.import_audio
    calls: list[int] = []

    async def import_audio(self: LiveClient, track: int, *args: Any) -> tuple[int, int]:
        calls.append(track)
        if len(calls) <= landed:
            return await imported(self, track, *args)
        raise LiveError(f"track {track}: Live refused the audio file (forced by the test)")

    monkeypatch.setattr(LiveClient, "import_audio", import_audio)


def test_a_refused_first_stem_takes_every_new_track_back(
    live: LiveHost, store: Store, model_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refuse_import(monkeypatch, landed=0)
    state, message = separate_mix(live, store, model_dir)
    assert state == "failed" and message.startswith("track 2: Live refused the audio file"), message
    assert track_names(live) == BEFORE
    told = "; ".join(
        f"the new track {3 + i} {STEM_TRACKS[i]!r} it made was deleted again" for i in (3, 2, 1, 0)
    )
    assert f"(forced by the test); {told}" in message, message
    assert stems_take_live(store) == {}  # the stem files are kept; no track holds them


def test_stems_placed_before_the_failure_keep_their_tracks_and_the_empty_ones_go(
    live: LiveHost, store: Store, model_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refuse_import(monkeypatch, landed=2)
    state, message = separate_mix(live, store, model_dir)
    assert state == "failed" and message.startswith("track 4: Live refused the audio file"), message
    assert track_names(live) == [*BEFORE[:2], *STEM_TRACKS[:2], *BEFORE[2:]]
    assert [live.clip_properties(t, 1) is not None for t in (2, 3)] == [True, True]
    assert (
        "; the new track 6 'Mix vocals' it made was deleted again; the new track 5 'Mix other' it made was "
        "deleted again; the new track 4 'Mix bass' was kept: deleting it failed (" in message
    ), message
    assert "(track 4 'Mix bass' holds a clip: nothing deleted)" in message, message
    kept_too = "; the new track 3 'Mix drums' was kept too: a new track after it was kept; 1 take(s) made"
    assert kept_too in message, message
    assert stems_take_live(store) == {"track": 2, "slot": 1, "tracks": 2}


def test_a_separate_cancelled_while_placing_stems_takes_the_tracks_back(
    live: LiveHost, store: Store, model_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def slow(self: LiveClient, track: int, *args: Any) -> tuple[int, int]:
        await asyncio.sleep(30.0)  # cancelled long before
        raise AssertionError("not cancelled")

    monkeypatch.setattr(LiveClient, "import_audio", slow)
    with running_daemon(live_port=live.port, history=store) as daemon:
        client = Client(daemon.port)
        try:
            client.send(protocol.SEPARATE, 1, 1, str(model_dir))
            job_id = client.wait_for(protocol.STATUS)[0]
            end = time.monotonic() + 60.0
            while track_names(live) != [*BEFORE[:2], *STEM_TRACKS, *BEFORE[2:]]:  # made: cancel from here on
                assert time.monotonic() < end, track_names(live)
                time.sleep(0.01)
            client.send(protocol.CANCEL, job_id)
            _job, state, _progress, message = client.wait_final(timeout=20.0)
        finally:
            client.close()
    assert state == "cancelled", message
    assert "cancelled; the new track " in message and "it made was deleted again" in message, message
    assert track_names(live) == BEFORE
    assert stems_take_live(store) == {}


def test_a_cancel_that_came_while_the_tracks_were_made_stops_before_the_first_stem(
    live: LiveHost, store: Store, model_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The race the test above can meet: a cancel reaching the daemon while create_tracks is on its
    way. Live ran it, so the write returns (what landed is known) and the task goes on, its cancel
    consumed; only the job's cancel flag is left. The stems must not be imported after that."""
    made_tracks = LiveClient.create_tracks
    imports: list[int] = []
    daemons: list[Any] = []

    async def made_then_cancelled(self: LiveClient, *args: Any) -> int:
        first = await made_tracks(self, *args)
        for job in daemons[0].app.jobs.jobs.values():  # as a cancel absorbed by the landed write leaves it
            job.cancel_event.set()
        return first

    async def imported(self: LiveClient, track: int, *args: Any) -> tuple[int, int]:
        imports.append(track)
        await asyncio.sleep(30.0)
        raise AssertionError("imported after the cancel")

    monkeypatch.setattr(LiveClient, "create_tracks", made_then_cancelled)
    monkeypatch.setattr(LiveClient, "import_audio", imported)
    with running_daemon(live_port=live.port, history=store) as daemon:
        daemons.append(daemon)
        client = Client(daemon.port)
        try:
            client.send(protocol.SEPARATE, 1, 1, str(model_dir))
            _job, state, _progress, message = client.wait_final(timeout=120.0)
        finally:
            client.close()
    assert state == "cancelled" and imports == [], (state, message, imports)
    assert "cancelled; the new track " in message and "it made was deleted again" in message, message
    assert track_names(live) == BEFORE
