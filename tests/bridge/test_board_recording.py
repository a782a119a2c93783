"""A job's takes that cannot be recorded: the job still ends as its work did, saying NOT recorded
and why (issue 31: a clip in Live must never end in a silent failure or an unretrieved task)."""

from __future__ import annotations

import asyncio

from bridge.jobs.board import Job
from engines.errors import InvalidValue
from tests.bridge.test_jobs import Draft, run_board


async def overflowing(job: Job) -> str:
    raise OverflowError("Python int too large to convert to SQLite INTEGER")


def test_a_done_job_whose_recording_fails_ends_done_with_the_reason() -> None:
    async def landed(job: Job) -> str:
        job.takes.append(Draft(name="bass", message=""))
        return "bass: 7 notes in track 2, scene 1"

    sent = run_board(landed, record=overflowing)
    state, message = sent[-1][1], sent[-1][3]
    assert state == "done", sent[-1]
    assert message == (
        "bass: 7 notes in track 2, scene 1; NOT recorded in the take history: "
        "OverflowError: Python int too large to convert to SQLite INTEGER"
    )


def test_a_failed_job_whose_takes_cannot_be_kept_says_so() -> None:
    async def wrote_then_failed(job: Job) -> str:
        job.takes.append(Draft(name="drums", message=""))
        raise InvalidValue("the second part failed")

    sent = run_board(wrote_then_failed, record=overflowing)
    assert sent[-1][1] == "failed"
    assert sent[-1][3] == (
        "the second part failed; 1 take(s) made before the failure NOT recorded: "
        "OverflowError: Python int too large to convert to SQLite INTEGER"
    )


def test_a_cancelled_job_whose_takes_cannot_be_kept_says_why() -> None:
    async def wrote_then_waited(job: Job) -> str:
        job.takes.append(Draft(name="drums", message=""))
        await asyncio.sleep(5)
        return "never"

    sent = run_board(wrote_then_waited, cancel_after_s=0.05, record=overflowing)
    assert sent[-1][1] == "cancelled"
    assert (
        "1 take(s) written before the cancel NOT recorded: OverflowError: Python int too large" in sent[-1][3]
    )
