"""Pre-generation in idle time, through the real daemon, the in-memory Live and the tiny MusicGen model."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bridge import protocol
from bridge.daemon import Daemon
from bridge.prepare import describe, prepare_enabled
from engines.musicgen.random_model import save_random_model
from livesim.host import LiveHost
from tests.bridge.harness import Client, running_daemon


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_random_model(tmp_path_factory.mktemp("prepare"), seed=21)


@pytest.fixture
def live() -> Iterator[LiveHost]:
    host = LiveHost(port=0).start_in_thread()
    yield host
    host.stop()


@pytest.fixture
def on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MUSEAROO_LOOPS_DIR", str(tmp_path))
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("MUSEAROO_PREPARE", "1")
    monkeypatch.setenv("MUSEAROO_PREPARE_IDLE_S", "0.2")


def until(what: str, check: Callable[[], bool], timeout_s: float = 240) -> None:
    end = time.monotonic() + timeout_s
    while not check():
        if time.monotonic() > end:
            raise AssertionError(f"waited {timeout_s} s for {what}")
        time.sleep(0.05)


def job_final(client: Client, address: str, *args: object) -> list[object]:
    client.send(address, *args)
    return client.wait_final(240)


def test_the_setting_turns_it_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MUSEAROO_PREPARE", "0")
    assert not prepare_enabled() and prepare_enabled(True)
    monkeypatch.setenv("MUSEAROO_PREPARE", "1")
    assert prepare_enabled() and not prepare_enabled(False)


def test_vary_lands_the_prepared_take_and_a_tempo_change_discards_the_next(
    live: LiveHost, tiny: Path, on: None
) -> None:
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            _, state, _, message = job_final(
                client, protocol.MUSICGEN, "lofi", 1, "model", str(tiny), "seed", 4
            )
            assert state == "done", message
            preparer = daemon.preparer
            assert preparer is not None
            until("a prepared take", lambda: preparer.ready is not None)
            ready = preparer.ready
            assert ready is not None and ready.path.exists()
            assert "ready for 'vary'" in describe(daemon.app)
            _, state, _, message = job_final(client, protocol.COMMAND, "give me another")
            assert state == "done", message
            assert "(prepared)" in str(message), message
            assert f"(seed {ready.result['seed']})" in str(message)
            assert preparer.served == [ready.job_id]
            tracks, scenes = live.call(lambda: (len(live.song.tracks), len(live.song.scenes)))
            cells = [live.clip_properties(t, s) for t in range(tracks) for s in range(scenes)]
            landed = [p for p in cells if p]
            assert any(p.get("file_path") == str(ready.path) for p in landed)

            until("the next prepared take", lambda: preparer.ready is not None)
            following = preparer.ready
            assert following is not None and following.job_id != ready.job_id
            live.call(lambda: setattr(live.song, "tempo", 100.0))
            until("the discard", lambda: any(j == following.job_id for j, _ in preparer.discarded), 20)
            assert dict(preparer.discarded)[following.job_id] == "the tempo or time signature changed"
            assert not following.path.exists()  # never landed: the speculative file goes
        finally:
            client.close()


def preparing(daemon: Daemon) -> bool:
    job = daemon.preparer.job if daemon.preparer is not None else None
    return job is not None and job.state == "running" and job.progress > 0  # past its start


def test_real_work_cancels_a_running_preparation_and_runs(live: LiveHost, tiny: Path, on: None) -> None:
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            _, state, _, message = job_final(
                client, protocol.MUSICGEN, "lofi", 8, "model", str(tiny), "seed", 4
            )
            assert state == "done", message
            until("a preparation running", lambda: preparing(daemon))
            assert daemon.preparer is not None and daemon.preparer.job is not None
            prep = daemon.preparer.job
            _, state, _, message = job_final(
                client, protocol.MUSICGEN, "drums", 1, "model", str(tiny), "seed", 5
            )
            assert state == "done", message
            assert "(prepared)" not in str(message)
            assert prep.state == "cancelled" and (prep.id, "real work arrived") in daemon.preparer.cancelled
            assert daemon.preparer.ready is None or daemon.preparer.ready.job_id != prep.id
        finally:
            client.close()


def test_a_tempo_change_cancels_a_running_preparation(live: LiveHost, tiny: Path, on: None) -> None:
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            _, state, _, message = job_final(
                client, protocol.MUSICGEN, "lofi", 8, "model", str(tiny), "seed", 4
            )
            assert state == "done", message
            until("a preparation running", lambda: preparing(daemon))
            assert daemon.preparer is not None and daemon.preparer.job is not None
            prep = daemon.preparer.job
            live.call(lambda: setattr(live.song, "tempo", 90.0))
            until("the preparation to end", lambda: prep.state in protocol.FINAL_STATES, 60)
            assert prep.state == "cancelled"
            assert (prep.id, "the tempo or time signature changed") in daemon.preparer.cancelled
        finally:
            client.close()


def test_a_vary_of_two_takes_lands_the_prepared_take_first_and_renders_one(
    live: LiveHost, tiny: Path, on: None
) -> None:
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            _, state, _, message = job_final(
                client, protocol.MUSICGEN, "lofi", 1, "model", str(tiny), "seed", 4
            )
            assert state == "done", message
            preparer = daemon.preparer
            assert preparer is not None
            until("a prepared take", lambda: preparer.ready is not None)
            ready = preparer.ready
            assert ready is not None
            _, state, _, message = job_final(client, protocol.COMMAND, "two variations")
            assert state == "done" and "(prepared)" in str(message), message
            assert "2 takes of a 1-bar loop" in str(message)
            assert f"(seeds {ready.result['seed']}, " in str(message)  # the prepared take comes first
            assert preparer.served == [ready.job_id]
            tracks, scenes = live.call(lambda: (len(live.song.tracks), len(live.song.scenes)))
            files = {
                p.get("file_path")
                for t in range(tracks)
                for s in range(scenes)
                if (p := live.clip_properties(t, s))
            }
            assert str(ready.path) in files and len(files - {None}) == 3  # the first loop and both takes
        finally:
            client.close()
