"""The job board: states in order, progress bridged from threads, cancel, failures kept apart."""

from __future__ import annotations

import asyncio
import threading
from types import SimpleNamespace
from typing import Any

from bridge.jobs import board as board_module
from bridge.jobs.board import Job, JobBoard
from engines.errors import InvalidValue

CLIENT = ("127.0.0.1", 9)


def run_board(
    work: Any, *, cancel_after_s: float | None = None, record: Any = None
) -> list[tuple[int, str, float, str]]:
    sent: list[tuple[int, str, float, str]] = []

    async def main() -> None:
        board = JobBoard(
            asyncio.get_running_loop(),
            lambda to, job: sent.append((job.id, job.state, job.progress, job.message)),
            record,
        )
        job = board.submit("test", CLIENT, work)
        if cancel_after_s is not None:
            await asyncio.sleep(cancel_after_s)
            assert board.cancel(job.id)
            assert not board.cancel(9999)
        assert job._task is not None
        await asyncio.wait([job._task])

    asyncio.run(main())
    return sent


def test_states_go_queued_running_done() -> None:
    async def work(job: Job) -> str:
        job.report(0.5, "half")
        return "finished"

    sent = run_board(work)
    assert [s[1] for s in sent] == ["queued", "running", "running", "done"]
    assert sent[2][2:] == (0.5, "half") and sent[-1][2:] == (1.0, "finished")


def test_progress_from_a_worker_thread_reaches_the_loop(monkeypatch: Any) -> None:
    # Every report goes out here: a loaded CI box once ran the loop's two hops 50 ms apart and
    # the board coalesced them, as it should; coalescing has its own test below.
    monkeypatch.setattr(board_module, "MIN_REPORT_INTERVAL_S", 0.0)

    async def work(job: Job) -> str:
        def heavy() -> None:
            for i in range(3):
                job.report(i / 3, f"step {i} on {threading.current_thread().name}")
                threading.Event().wait(0.06)

        await asyncio.get_running_loop().run_in_executor(None, heavy)
        return "ok"

    sent = run_board(work)
    running = [s for s in sent if s[1] == "running" and s[3].startswith("step")]
    assert len(running) == 3 and all("MainThread" not in s[3] for s in running)


def test_reports_closer_than_the_interval_are_coalesced_but_the_last_state_is_kept(
    monkeypatch: Any,
) -> None:
    monkeypatch.setattr(board_module, "MIN_REPORT_INTERVAL_S", 3600.0)  # nothing is far enough apart

    async def work(job: Job) -> str:
        for i in range(5):
            job.report(i / 5, f"step {i}")
        assert (job.progress, job.message) == (0.8, "step 4")  # held on the job, not sent
        return "ok"

    sent = run_board(work)
    steps = [s for s in sent if s[1] == "running" and s[3].startswith("step")]
    assert [s[3] for s in steps] == ["step 0"] and sent[-1][1:] == ("done", 1.0, "ok")


def test_roo_error_fails_with_its_message_and_a_crash_names_the_type() -> None:
    async def bad(job: Job) -> str:
        raise InvalidValue("bars 0 is out of range: expected 1..256")

    async def crash(job: Job) -> str:
        raise KeyError("oops")

    assert run_board(bad)[-1][1:] == ("failed", 0.0, "bars 0 is out of range: expected 1..256")
    final = run_board(crash)[-1]
    assert final[1] == "failed" and "KeyError" in final[3]


def test_cancel_ends_cancelled_and_sets_the_event_engines_check() -> None:
    seen: list[bool] = []

    async def slow(job: Job) -> str:
        try:
            await asyncio.sleep(5)
        finally:
            seen.append(job.cancelled)
        return "never"

    sent = run_board(slow, cancel_after_s=0.05)
    assert sent[-1][1] == "cancelled" and seen == [True]


class Draft(SimpleNamespace):
    """What the board needs of a take: a message it may fill in, and a name for the test to read."""


async def recorded(job: Job) -> str:
    return f"; recorded {', '.join(t.name for t in job.takes)}"


def test_a_cancelled_job_keeps_the_takes_it_had_written() -> None:
    async def two_parts(job: Job) -> str:
        job.takes.append(Draft(name="drums-take", message=""))  # the first part landed in Live
        await asyncio.sleep(5)  # cancelled while the second is made
        return "never"

    sent = run_board(two_parts, cancel_after_s=0.05, record=recorded)
    assert sent[-1][1] == "cancelled", sent[-1]
    assert "1 take(s) written before the cancel kept in the history; recorded drums-take" in sent[-1][3]


def test_a_cancel_after_the_last_write_left_ends_done_too_late() -> None:
    async def landed(job: Job) -> str:
        try:
            await asyncio.sleep(5)  # the write on its way; Live says it ran after the cancel came
        except asyncio.CancelledError:
            task = asyncio.current_task()
            assert task is not None
            task.uncancel()
        job.takes.append(Draft(name="bass-take", message=""))
        return "bass: 12 notes"

    sent = run_board(landed, cancel_after_s=0.05, record=recorded)
    assert sent[-1][1] == "done", sent[-1]
    assert (
        sent[-1][3]
        == "bass: 12 notes; recorded bass-take (too late to cancel: it was already written into Live)"
    )
