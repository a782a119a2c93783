"""Jobs: every daemon request becomes one, reported on /roo/status until a final state.

A job's work is a coroutine ``work(job) -> str`` (the done message). Progress may be reported
from any thread through ``job.report(fraction, message)``; it is bridged onto the event loop
and rate-limited to what the client needs (final states always go out). Cancelling sets
``job.cancel_event`` (checked by engines through their progress callback) and cancels the task.
Takes an action wrote into Live (``job.takes``) are committed by ``record`` before "done" is sent,
and before "failed" or "cancelled" too; a job whose work is done ends "done" even when recording
fails, saying "NOT recorded" with the reason (what it wrote is in Live). A cancel that comes after the last write had left for Live
(it landed) ends the job "done", saying it was too late to cancel: nothing lands after "cancelled".
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from bridge import protocol
from engines.errors import JobCancelled, RooError

log = logging.getLogger(__name__)

Address = tuple[str, int]
SendStatus = Callable[[Address, "Job"], None]
Record = Callable[["Job"], Awaitable[str]]  # commits job.takes; returns what to add to the done message
MIN_REPORT_INTERVAL_S = 0.05  # progress messages closer than this are coalesced


@dataclass(eq=False)
class Job:
    id: int
    kind: str
    client: Address
    state: str = "queued"
    progress: float = 0.0
    message: str = ""
    cancel_event: threading.Event = field(default_factory=threading.Event)
    created_s: float = field(default_factory=time.monotonic)
    finished_s: float | None = None  # monotonic s when it reached a final state
    takes: list[Any] = field(default_factory=list)  # bridge.history.TakeDraft, one per write into Live
    command: str = ""  # the typed or spoken command that started the job, if any
    results: list[tuple[str, str]] = field(default_factory=list)  # (kind, whole JSON) each /roo/result
    reported_s: float | None = None  # Unix s of the progress report being sent now (None: a state change)
    _board: JobBoard | None = field(default=None, repr=False)
    _task: asyncio.Task[None] | None = field(default=None, repr=False)
    _last_report_s: float = 0.0
    _recorded: bool = False

    @property
    def elapsed_s(self) -> float:
        """Seconds from the request to its final state (to now while it runs)."""
        end = self.finished_s if self.finished_s is not None else time.monotonic()
        return end - self.created_s

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()

    def check_cancelled(self) -> None:
        """Raise JobCancelled if the user cancelled; call between steps of long work."""
        if self.cancel_event.is_set():
            raise JobCancelled(f"job {self.id} ({self.kind}) was cancelled")

    def report(self, fraction: float, message: str = "") -> None:
        """Report progress 0..1 from any thread; raises JobCancelled once the job is cancelled."""
        self.check_cancelled()
        board = self._board
        if board is not None:
            board.report_threadsafe(self, fraction, message)


class JobBoard:
    """Creates jobs, runs their work on the loop and sends every state change to the client."""

    def __init__(
        self, loop: asyncio.AbstractEventLoop, send_status: SendStatus, record: Record | None = None
    ) -> None:
        self._loop = loop
        self._record = record
        self._loop_thread = threading.get_ident()  # the board is made on the loop's thread
        self._send_status = send_status
        self._ids = itertools.count(1)
        self.jobs: dict[int, Job] = {}
        self.counts = {state: 0 for state in protocol.JOB_STATES}

    def submit(self, kind: str, client: Address, work: Callable[[Job], Awaitable[str]]) -> Job:
        job = Job(next(self._ids), kind, client, _board=self)
        self.jobs[job.id] = job
        self._set(job, "queued", 0.0, f"{kind} queued")
        job._task = self._loop.create_task(self._run(job, work))
        self._forget_old()
        return job

    def fail_now(self, kind: str, client: Address, message: str) -> Job:
        """A request that is refused before any work starts still gets a job and a failed status."""
        job = Job(next(self._ids), kind, client, _board=self)
        self.jobs[job.id] = job
        self._set(job, "failed", 0.0, message)
        return job

    def cancel(self, job_id: int) -> bool:
        job = self.jobs.get(job_id)
        if job is None or job.state in protocol.FINAL_STATES:
            return False
        if job.cancel_event.is_set():
            return True  # being cancelled (a write on its way waits for Live's answer): once is enough
        job.cancel_event.set()
        if job._task is not None:
            job._task.cancel()
        return True

    def report_threadsafe(self, job: Job, fraction: float, message: str) -> None:
        at = time.time()  # when the work reported, before the hop onto the loop
        if threading.get_ident() == self._loop_thread:
            self._progress(job, fraction, message, at)
        else:
            self._loop.call_soon_threadsafe(self._progress, job, fraction, message, at)

    def _progress(self, job: Job, fraction: float, message: str, at: float | None = None) -> None:
        if job.state != "running":
            return
        now = time.monotonic()
        if now - job._last_report_s < MIN_REPORT_INTERVAL_S and fraction < 1.0:
            job.progress, job.message = fraction, message or job.message
            return
        job._last_report_s = now
        job.reported_s = at
        try:
            self._set(job, "running", max(0.0, min(1.0, fraction)), message or job.message)
        finally:
            job.reported_s = None

    async def _run(self, job: Job, work: Callable[[Job], Awaitable[str]]) -> None:
        self._set(job, "running", 0.0, f"{job.kind} started")
        recorded = ""
        try:
            done_message = await work(job)
            if job.takes and self._record is not None:
                job._recorded = True
                recorded = await self._recording(job)
        except (asyncio.CancelledError, JobCancelled) as exc:
            # what the job undid on its way out (bridge/actions/place/made: the tracks it took back)
            undone = "".join(f"; {note}" for note in getattr(exc, "__notes__", ()))
            message = f"{job.kind} cancelled{undone}"
            self._set(job, "cancelled", job.progress, message + await self._keep_cancelled(job))
        except RooError as exc:
            self._set(job, "failed", job.progress, str(exc) + await self._keep(job))
        except Exception as exc:  # a bug or a library failure: report it, keep serving
            log.exception("job %s (%s) crashed", job.id, job.kind)
            message = f"{job.kind} failed: {type(exc).__name__}: {exc}"
            self._set(job, "failed", job.progress, message + await self._keep(job))
        else:
            if job.cancelled:  # the cancel came after the last step had left: what it made stands
                late = "it was already written into Live" if job.takes else "it had already finished"
                self._set(job, "done", 1.0, f"{done_message}{recorded} (too late to cancel: {late})")
            else:
                self._set(job, "done", 1.0, done_message + recorded)

    async def _recording(self, job: Job) -> str:
        """``record`` of a job whose work is done: what it wrote is in Live, so the job ends "done"
        whatever the recording does; a failure (any, not only the store's) is said in the message."""
        assert self._record is not None
        try:
            return await self._record(job)
        except (asyncio.CancelledError, JobCancelled):
            raise
        except Exception as exc:  # the log has its traceback; the client the reason
            log.exception("job %s (%s): its takes were not recorded", job.id, job.kind)
            return f"; NOT recorded in the take history: {_reason(exc)}"

    async def _keep_cancelled(self, job: Job) -> str:
        """A cancelled job's takes already written into Live are recorded, each saying so."""
        if not job.takes or self._record is None:
            return "; nothing was written"
        for draft in job.takes:
            draft.message = draft.message or f"written before job {job.id} ({job.kind}) was cancelled"
        recording = asyncio.ensure_future(self._record(job))
        try:
            while True:  # a cancel still due to this task (or a second one) must not stop the recording
                try:
                    told = await asyncio.shield(recording)
                    break
                except asyncio.CancelledError:
                    continue
            return f"; {len(job.takes)} take(s) written before the cancel kept in the history{told}"
        except Exception as exc:  # the cancel being reported matters more; the log has this one
            log.exception("job %s: recording its takes after a cancel failed", job.id)
            return f"; {len(job.takes)} take(s) written before the cancel NOT recorded: {_reason(exc)}"

    async def _keep(self, job: Job, when: str = "before the failure") -> str:
        """Takes a failed or cancelled job had already written into Live are recorded too: nothing
        made is lost."""
        if not job.takes or self._record is None or job._recorded:
            return ""
        job._recorded = True
        try:
            return f"; {len(job.takes)} take(s) made {when} kept in the history" + await self._record(job)
        except Exception as exc:  # the failure being reported matters more; the log has this one
            log.exception("job %s: recording its takes after a failure failed", job.id)
            return f"; {len(job.takes)} take(s) made {when} NOT recorded: {_reason(exc)}"

    def _set(self, job: Job, state: str, progress: float, message: str) -> None:
        job.state, job.progress, job.message = state, progress, message
        if state in protocol.FINAL_STATES and job.finished_s is None:
            job.finished_s = time.monotonic()
        if state in protocol.FINAL_STATES or state == "queued":
            self.counts[state] += 1
        self._send_status(job.client, job)

    def _forget_old(self, keep: int = 500) -> None:
        if len(self.jobs) <= keep:
            return
        for job_id in sorted(self.jobs)[: len(self.jobs) - keep]:
            if self.jobs[job_id].state in protocol.FINAL_STATES:
                del self.jobs[job_id]


def _reason(exc: BaseException) -> str:
    """A failure as a message says it: ours by their text, others with their type."""
    return str(exc) if isinstance(exc, RooError) else f"{type(exc).__name__}: {exc}"
