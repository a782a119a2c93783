"""Pre-generation in idle time, through the real daemon, the in-memory Live and the tiny MusicGen model."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bridge import protocol
from bridge.daemon import Daemon
from bridge.jobs import Job
from bridge.prepare import Ready, describe, prepare_enabled
from engines.musicgen.random_model import save_random_model
from livesim.host import LiveHost
from tests.bridge.harness import Client, running_daemon


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_random_model(tmp_path_factory.mktemp("prepare"), seed=21)


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


def files_in(live: LiveHost) -> set[str]:
    """The file of every audio clip in the Live set's slots."""
    tracks, scenes = live.call(lambda: (len(live.song.tracks), len(live.song.scenes)))
    cells = [live.clip_properties(t, s) for t in range(tracks) for s in range(scenes)]
    return {str(p["file_path"]) for p in cells if p and p.get("file_path")}


def a_prepared_take(daemon: Daemon, client: Client, tiny: Path) -> Ready:
    """The prepared next take of a 1-bar loop (the loop made first if it was not the last job)."""
    assert daemon.app is not None and daemon.preparer is not None
    last = daemon.app.song.last_generate.get("musicgen")
    made = 0  # a take prepared before this loop was made is not its next one
    if last is None or (last["prompt"], last["bars"]) != ("lofi", 1):
        job, state, _, message = job_final(
            client, protocol.MUSICGEN, "lofi", 1, "model", str(tiny), "seed", 4
        )
        assert state == "done", message
        made = int(str(job))
    preparer = daemon.preparer
    until("a prepared take", lambda: preparer.ready is not None and preparer.ready.job_id > made)
    assert preparer.ready is not None
    return preparer.ready


def test_vary_lands_the_prepared_take_and_a_tempo_change_discards_the_next(
    session: tuple[LiveHost, Daemon], client: Client, tiny: Path
) -> None:
    live, daemon = session
    ready = a_prepared_take(daemon, client, tiny)
    preparer, served = daemon.preparer, list(daemon.preparer.served) if daemon.preparer else []
    assert preparer is not None and ready.path.exists()
    assert "ready for 'vary'" in describe(daemon.app)
    _, state, _, message = job_final(client, protocol.COMMAND, "give me another")
    assert state == "done", message
    assert "(prepared)" in str(message), message
    assert f"(seed {ready.result['seed']})" in str(message)
    assert preparer.served == [*served, ready.job_id]
    assert str(ready.path) in files_in(live)

    until("the next prepared take", lambda: preparer.ready is not None)
    following = preparer.ready
    assert following is not None and following.job_id != ready.job_id
    tempo = live.call(lambda: live.song.tempo)
    live.call(lambda: setattr(live.song, "tempo", 100.0 if tempo != 100.0 else 105.0))
    until("the discard", lambda: any(j == following.job_id for j, _ in preparer.discarded), 20)
    assert dict(preparer.discarded)[following.job_id] == "the tempo or time signature changed"
    assert not following.path.exists()  # never landed: the speculative file goes


def test_a_vary_of_two_takes_lands_the_prepared_take_first_and_renders_one(
    session: tuple[LiveHost, Daemon], client: Client, tiny: Path
) -> None:
    live, daemon = session
    ready = a_prepared_take(daemon, client, tiny)
    before, preparer = files_in(live), daemon.preparer
    assert preparer is not None
    served = list(preparer.served)
    _, state, _, message = job_final(client, protocol.COMMAND, "two variations")
    assert state == "done" and "(prepared)" in str(message), message
    assert "2 takes of a 1-bar loop" in str(message)
    assert f"(seeds {ready.result['seed']}, " in str(message)  # the prepared take comes first
    assert preparer.served == [*served, ready.job_id]
    landed = files_in(live) - before
    assert str(ready.path) in landed and len(landed) == 2  # both takes, the prepared one of them


def preparing(daemon: Daemon) -> bool:
    job = daemon.preparer.job if daemon.preparer is not None else None
    return job is not None and job.state == "running" and job.progress > 0  # past its start


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveHost, Daemon]]:
    """The in-memory Live and one daemon with pre-generation on (0.2 s of idle time), shared by the
    module's tests so that its model worker starts once. Each test asks for the loop whose next take
    it needs (``a_prepared_take``, ``a_running_preparation``): made only where it was not the last job."""
    host = LiveHost(port=0).start_in_thread()
    with pytest.MonkeyPatch.context() as env:
        env.setenv("MUSEAROO_LOOPS_DIR", str(tmp_path_factory.mktemp("loops")))
        for name, value in (("OMP_NUM_THREADS", "1"), ("HF_HUB_OFFLINE", "1"), ("MUSEAROO_PREPARE", "1")):
            env.setenv(name, value)
        env.setenv("MUSEAROO_PREPARE_IDLE_S", "0.2")
        try:
            with running_daemon(live_port=host.port) as daemon:
                yield host, daemon
        finally:
            host.stop()


@pytest.fixture
def client(session: tuple[LiveHost, Daemon]) -> Iterator[Client]:
    """A client of the test's own: a status a test before it left unread is not taken for its job's."""
    own = Client(session[1].port)
    yield own
    own.close()


def a_running_preparation(daemon: Daemon, client: Client, tiny: Path) -> Job:
    """The preparation of the 8-bar loop's next take, running (the loop made first if it was not the last)."""
    assert daemon.app is not None and daemon.preparer is not None
    last = daemon.app.song.last_generate.get("musicgen")
    if last is None or (last["prompt"], last["bars"]) != ("lofi", 8):
        _, state, _, message = job_final(client, protocol.MUSICGEN, "lofi", 8, "model", str(tiny), "seed", 4)
        assert state == "done", message
    until("a preparation running", lambda: preparing(daemon))
    assert daemon.preparer.job is not None
    return daemon.preparer.job


def test_a_tempo_change_cancels_a_running_preparation(
    session: tuple[LiveHost, Daemon], client: Client, tiny: Path
) -> None:
    live, daemon = session
    prep = a_running_preparation(daemon, client, tiny)
    tempo = live.call(lambda: live.song.tempo)
    live.call(lambda: setattr(live.song, "tempo", 90.0 if tempo != 90.0 else 95.0))
    until("the preparation to end", lambda: prep.state in protocol.FINAL_STATES, 60)
    assert prep.state == "cancelled"
    assert daemon.preparer is not None
    assert (prep.id, "the tempo or time signature changed") in daemon.preparer.cancelled


def test_real_work_cancels_a_running_preparation_and_runs(
    session: tuple[LiveHost, Daemon], client: Client, tiny: Path
) -> None:
    daemon = session[1]
    prep = a_running_preparation(daemon, client, tiny)
    _, state, _, message = job_final(client, protocol.MUSICGEN, "drums", 1, "model", str(tiny), "seed", 5)
    assert state == "done", message
    assert "(prepared)" not in str(message)
    assert daemon.preparer is not None
    assert prep.state == "cancelled" and (prep.id, "real work arrived") in daemon.preparer.cancelled
    assert daemon.preparer.ready is None or daemon.preparer.ready.job_id != prep.id
