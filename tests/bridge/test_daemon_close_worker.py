"""Closing the daemon while it holds the model worker: the close ends the worker process and leaves
nothing running, whether the worker is idle (it exits on request, without its slow teardown) or
still running a step that never hears its cancel (it is stopped, so no more work happens after).

Whole path: the real daemon on its own loop (as `roo serve` runs it; its Ctrl-C ends in the same
``Daemon.aclose``), the in-memory Live, the real worker process running tests/bridge/worker_targets.
The harness raises when a close passes its hang guard (``bridge.embedded.CLOSE_S``).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bridge.daemon import Daemon
from bridge.jobs.board import Job
from bridge.jobs.worker import get_worker
from livesim.host import LiveHost
from tests.bridge.harness import running_daemon
from tests.bridge.test_cancel_in_flight import until

HERE = Path(__file__).resolve().parent


@pytest.fixture
def live(monkeypatch: pytest.MonkeyPatch) -> Iterator[LiveHost]:
    monkeypatch.syspath_prepend(str(HERE))  # the spawned worker imports worker_targets by name
    host = LiveHost(port=0).start_in_thread()
    yield host
    host.stop()


def submit(daemon: Daemon, target: str, **kwargs: Any) -> Job:
    """A job on the daemon's board whose work is one call of ``target`` in the model worker."""
    app = daemon.app
    assert app is not None

    async def work(job: Job) -> str:
        return repr(await get_worker(app).call(job, target, **kwargs))

    async def on_loop() -> Job:
        return app.jobs.submit("test", ("127.0.0.1", 9), work)

    return asyncio.run_coroutine_threadsafe(on_loop(), app.loop).result(10)


def worker_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("roo-worker")]


def test_an_idle_worker_exits_on_request_at_close_without_its_slow_teardown(live: LiveHost) -> None:
    with running_daemon(live_port=live.port) as daemon:
        job = submit(daemon, "worker_targets:slow_exit", seconds=120.0)
        until(lambda: job.state == "done", f"the job did not end: {job.state} {job.message}", 120)
        assert daemon.app is not None and daemon.app.worker is not None
        process = daemon.app.worker._proc.process
    # the worker left without its 120 s teardown, on its own: an exit code 0, not a kill's signal
    assert not process.is_alive() and process.exitcode == 0, process.exitcode
    assert worker_threads() == []


def test_a_worker_still_running_a_cancelled_step_is_stopped_at_close(live: LiveHost, tmp_path: Path) -> None:
    marker = tmp_path / "step"
    with running_daemon(live_port=live.port) as daemon:
        job = submit(daemon, "worker_targets:hold", marker=str(marker), seconds=3.0)
        until(lambda: Path(f"{marker}.started").exists(), "the worker never started the step", 120)
        assert daemon.app is not None and daemon.app.worker is not None
        process = daemon.app.worker._proc.process
    assert job.state == "cancelled", (job.state, job.message)
    assert not process.is_alive() and worker_threads() == []
    # the step (3 s) never finished: the worker did no more work once the daemon had closed
    assert not Path(f"{marker}.finished").exists()
