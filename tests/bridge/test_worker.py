"""The model worker process: results, progress, errors, cancel, queue order, crash recovery."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bridge.jobs.board import Job, JobBoard
from bridge.jobs.worker import Worker, get_worker
from engines.errors import AudioFileError, RooError

HERE = Path(__file__).resolve().parent
Status = tuple[int, str, float, str]


@pytest.fixture
def worker(monkeypatch: pytest.MonkeyPatch) -> Iterator[Worker]:
    monkeypatch.syspath_prepend(str(HERE))  # the spawned process imports worker_targets by name
    w = Worker(cancel_grace_s=20.0)
    yield w
    w.close()


def run_jobs(
    scenario: Callable[[JobBoard, list[Status]], Awaitable[Any]],
) -> tuple[Any, list[Status]]:
    """Run ``scenario(board, statuses)`` on a fresh loop; statuses collects every /roo/status."""
    statuses: list[Status] = []

    async def main() -> Any:
        loop = asyncio.get_running_loop()
        board = JobBoard(
            loop, lambda to, job: statuses.append((job.id, job.state, job.progress, job.message))
        )
        return await scenario(board, statuses)

    return asyncio.run(main()), statuses


def submit(board: JobBoard, worker: Worker, target: str, **kwargs: Any) -> Job:
    async def work(job: Job) -> str:
        return repr(await worker.call(job, target, **kwargs))

    return board.submit("test", ("127.0.0.1", 9), work)


async def finish(job: Job) -> Job:
    assert job._task is not None
    await job._task
    return job


async def until(condition: Callable[[], bool], timeout_s: float = 60.0) -> None:
    for _ in range(int(timeout_s / 0.02)):
        if condition():
            return
        await asyncio.sleep(0.02)
    raise AssertionError("condition not reached")


def test_get_worker_creates_once_and_starts_lazily() -> None:
    class FakeApp:
        worker: Any = None

    app = FakeApp()
    first = get_worker(app)
    assert app.worker is first and get_worker(app) is first
    assert first.pid is None  # no process until the first call
    first.close()


def test_results_come_back_and_the_process_persists(worker: Worker) -> None:
    async def scenario(board: JobBoard, statuses: list[Status]) -> list[Any]:
        out = []
        for a in (2, 5):
            job = Job(0, "t", ("127.0.0.1", 9))
            out.append(await worker.call(job, "worker_targets:add", a=a, b=3))
        return out

    (first, second), _ = run_jobs(scenario)
    assert first["sum"] == 5 and second["sum"] == 8
    assert first["pid"] == second["pid"] == worker.pid
    assert (first["calls_in_this_process"], second["calls_in_this_process"]) == (1, 2)


def test_progress_reaches_the_job_status(worker: Worker) -> None:
    async def scenario(board: JobBoard, statuses: list[Status]) -> Job:
        return await finish(submit(board, worker, "worker_targets:steps", count=6, step_s=0.15))

    job, statuses = run_jobs(scenario)
    assert job.state == "done" and job.message == "6"
    running = [s for s in statuses if s[1] == "running" and s[3].startswith("step ")]
    assert running, statuses
    assert all(0.0 <= s[2] < 1.0 for s in running)
    assert [s[2] for s in running] == sorted(s[2] for s in running)


def test_a_long_silent_step_still_gets_status_heartbeats(worker: Worker) -> None:
    async def scenario(board: JobBoard, statuses: list[Status]) -> Job:
        return await finish(submit(board, worker, "worker_targets:silent", seconds=2.5))

    job, statuses = run_jobs(scenario)
    assert job.state == "done"
    beats = [s for s in statuses if s[1] == "running" and s[3].endswith(" s)")]
    assert len(beats) >= 2, statuses


def test_roo_errors_keep_their_class_and_message(worker: Worker) -> None:
    async def scenario(board: JobBoard, statuses: list[Status]) -> BaseException:
        job = Job(0, "t", ("127.0.0.1", 9))
        with pytest.raises(AudioFileError) as info:
            await worker.call(job, "worker_targets:bad_file", path="/x/song.mp9")
        return info.value

    error, _ = run_jobs(scenario)
    assert type(error) is AudioFileError
    assert str(error) == "/x/song.mp9: not a WAV file (expected RIFF header)"


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("worker_targets:library_bug", "library_bug failed in the model worker: KeyError: 'missing_key'"),
        ("worker_targets:unpicklable_result", "unpicklable_result failed in the model worker: "),
        ("worker_targets:no_such_function", "cannot be imported"),
    ],
)
def test_other_failures_become_roo_errors_and_the_worker_keeps_serving(
    worker: Worker, target: str, expected: str
) -> None:
    async def scenario(board: JobBoard, statuses: list[Status]) -> tuple[str, int, dict[str, int]]:
        job = Job(0, "t", ("127.0.0.1", 9))
        with pytest.raises(RooError) as info:
            await worker.call(job, target)
        pid = worker.pid
        after = await worker.call(job, "worker_targets:add", a=1, b=1)
        assert pid is not None
        return str(info.value), pid, after

    (message, pid, after), _ = run_jobs(scenario)
    assert expected in message
    assert after["sum"] == 2 and after["pid"] == pid


def test_cancel_stops_the_work_inside_the_worker(worker: Worker, tmp_path: Path) -> None:
    log = tmp_path / "log.txt"

    async def scenario(board: JobBoard, statuses: list[Status]) -> tuple[Job, dict[str, int]]:
        job = submit(board, worker, "worker_targets:steps", count=2000, step_s=0.01, log=str(log), name="A")
        await until(lambda: job.progress > 0.005)
        pid = worker.pid
        assert board.cancel(job.id)
        await finish(job)
        after = await worker.call(Job(0, "t", ("127.0.0.1", 9)), "worker_targets:add", a=1, b=2)
        assert after["pid"] == pid  # stopped through the cancel flag, not by killing the process
        return job, after

    (job, after), _ = run_jobs(scenario)
    assert job.state == "cancelled"
    lines = log.read_text().splitlines()
    assert lines[0] == "A start" and "A end" not in lines
    assert len(lines) < 1000  # stopped mid-way, and before the next job ran
    assert after["sum"] == 3


def test_jobs_run_one_at_a_time_in_queue_order_and_a_queued_cancel_never_runs(
    worker: Worker, tmp_path: Path
) -> None:
    log = tmp_path / "log.txt"

    async def scenario(board: JobBoard, statuses: list[Status]) -> list[Job]:
        jobs = [
            submit(board, worker, "worker_targets:steps", count=3, step_s=0.05, log=str(log), name=name)
            for name in "ABCD"
        ]
        await asyncio.sleep(0)
        assert board.cancel(jobs[2].id)  # C is still queued behind A and B
        for job in jobs:
            await finish(job)
        return jobs

    jobs, _ = run_jobs(scenario)
    assert [j.state for j in jobs] == ["done", "done", "cancelled", "done"]
    names = [line.split()[0] for line in log.read_text().splitlines()]
    assert names == ["A"] * 5 + ["B"] * 5 + ["D"] * 5


@pytest.mark.parametrize(("how", "expected"), [("kill", "SIGKILL"), ("segfault", "SIGSEGV")])
def test_a_dead_worker_fails_the_job_and_the_next_call_starts_fresh(
    worker: Worker, how: str, expected: str
) -> None:
    async def scenario(board: JobBoard, statuses: list[Status]) -> tuple[Job, int, dict[str, int]]:
        first = await worker.call(Job(0, "t", ("127.0.0.1", 9)), "worker_targets:add", a=0, b=0)
        job = await finish(submit(board, worker, "worker_targets:die", how=how))
        after = await worker.call(Job(0, "t", ("127.0.0.1", 9)), "worker_targets:add", a=4, b=4)
        return job, first["pid"], after

    (job, old_pid, after), _ = run_jobs(scenario)
    assert job.state == "failed"
    assert expected in job.message and "die" in job.message and "fresh worker" in job.message
    assert after["sum"] == 8 and after["pid"] != old_pid and after["calls_in_this_process"] == 1


def test_close_stops_the_process(worker: Worker) -> None:
    async def scenario(board: JobBoard, statuses: list[Status]) -> None:
        await worker.call(Job(0, "t", ("127.0.0.1", 9)), "worker_targets:add", a=0, b=0)

    run_jobs(scenario)
    assert worker._proc is not None
    process = worker._proc.process
    worker.close()
    assert not process.is_alive() and process.exitcode == 0
    with pytest.raises(RooError, match="closed"):
        asyncio.run(worker.call(Job(0, "t", ("127.0.0.1", 9)), "worker_targets:add", a=0, b=0))
