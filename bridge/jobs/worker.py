"""One persistent worker process for heavy model work, fed by a queue; models stay loaded in it.

API for actions (the whole of it)::

    from bridge.jobs.worker import get_worker
    worker = get_worker(app)                  # created on first use, stored on app.worker
    value = await worker.call(job, "engines.separation.jobs:separate_file", path="/a.wav", ...)

``call`` runs ``function(**kwargs, progress=cb)`` in the worker process and returns its value.
- The target is ``"package.module:function"``, imported inside the worker; keyword arguments and
  the return value must be picklable (pass file paths rather than long arrays).
- ``cb(fraction, message)`` (fraction 0..1) forwards progress to ``job.report``; once the job is
  cancelled, the next ``cb`` call raises ``engines.errors.JobCancelled`` inside the worker, so
  call it often (at least every second or so). While waiting, the daemon repeats the last
  progress at least once a second, so ``/roo/status`` stays alive during long steps.
- A RooError raised in the worker comes back as the same class with the same message; any
  other exception comes back as RooError naming its type. If the process dies (out of memory,
  segfault) the job fails with a message saying so and the next call starts a fresh worker.
- Jobs run one at a time, in the order ``call`` was awaited. Module-level caches in the target
  modules (``@functools.cache`` on a loader) therefore keep models loaded between jobs.
- ``worker.close()`` stops the process (the App does this on shutdown).
- Scripts that create a Worker need the usual ``if __name__ == "__main__":`` guard: the spawn
  method imports the main module again in the worker.

The process is started with the ``spawn`` method (safe with CUDA and on macOS/Windows) at a
lower scheduling priority, so the daemon's event loop keeps answering while models run; the
process and the thread that reads its answers are in ``bridge.jobs.link``.
"""

from __future__ import annotations

import asyncio
import pickle
import time
from typing import TYPE_CHECKING, Any

from bridge.jobs.link import Pending, WorkerProcess
from bridge.jobs.process import NICE_INCREMENT
from engines.errors import JobCancelled, RooError

if TYPE_CHECKING:
    from bridge.jobs.board import Job

HEARTBEAT_S = 0.5  # with no news for this long, the last progress is re-sent (gaps stay under 0.75 s)
CANCEL_GRACE_S = 30.0  # a cancelled job that does not stop within this is ended by killing the worker
STOP_WAIT_S = 5.0  # at close, how long an idle worker may take to exit on request before it is killed


def get_worker(app: Any) -> Worker:
    """The app's worker, created (not yet started: that happens on the first call) if needed."""
    if app.worker is None:
        app.worker = Worker()
    worker: Worker = app.worker
    return worker


class Worker:
    """Runs ``module:function`` targets in one persistent process, one job at a time."""

    def __init__(
        self, *, cancel_grace_s: float = CANCEL_GRACE_S, nice_increment: int = NICE_INCREMENT
    ) -> None:
        self.cancel_grace_s = cancel_grace_s
        self.nice_increment = nice_increment  # 0 for benchmarks against processes at normal priority
        self._proc: WorkerProcess | None = None
        self._pending: dict[int, Pending] = {}
        self._next_id = 0
        self._order: asyncio.Lock | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._closed = False

    @property
    def pid(self) -> int | None:
        """The worker process id while one runs (None before the first call or after a crash)."""
        return self._proc.process.pid if self._proc is not None else None

    async def call(self, job: Job, target: str, **kwargs: Any) -> Any:
        """Run ``target(**kwargs, progress=cb)`` in the worker for ``job``; see the module doc."""
        if self._closed:
            raise RooError("the model worker was closed; restart the daemon")
        if ":" not in target:
            raise RooError(f"worker target {target!r} must look like 'package.module:function'")
        try:
            payload_kwargs = pickle.dumps(kwargs)
        except (pickle.PicklingError, TypeError, AttributeError) as exc:
            raise RooError(f"arguments for {target} cannot be sent to the worker: {exc}") from exc
        if self._order is None:
            self._order = asyncio.Lock()
        await self._order.acquire()
        loop = asyncio.get_running_loop()
        self._next_id += 1
        rid = self._next_id
        pending = Pending(rid, job, target, loop, loop.create_future())
        release_now = True
        try:
            job.check_cancelled()
            proc = await asyncio.to_thread(self._ensure_started)  # spawning takes ms: not on the loop
            self._pending[rid] = pending
            proc.rids.add(rid)
            proc.requests.put(pickle.dumps((rid, target, payload_kwargs)))
            while not pending.future.done():
                await asyncio.wait({pending.future}, timeout=HEARTBEAT_S / 2)
                if job.cancelled:
                    proc.cancelled_id.value = rid
                self._heartbeat(pending)
            return pending.future.result()
        except asyncio.CancelledError:
            if rid in self._pending and not pending.future.done():
                release_now = False
                self._proc_cancel(rid)
                pending.future.add_done_callback(_retrieve)  # nobody awaits a cancelled job's answer
                task = loop.create_task(self._wait_cancelled(rid, pending))
                self._tasks.add(task)
                task.add_done_callback(self._tasks.discard)
            raise
        finally:
            if release_now:
                self._pending.pop(rid, None)
                self._order.release()

    def close(self) -> None:
        """Stop the worker process now: an idle one exits on request (``STOP_WAIT_S`` at most, then it
        is killed); one still running a request (its job was cancelled, and a step that calls no
        progress never hears it) is killed at once, so it does no more work after the daemon's close."""
        self._closed = True
        for task in list(self._tasks):
            task.cancel()
        proc, self._proc = self._proc, None
        if proc is None:
            return
        busy = any(rid in self._pending for rid in proc.rids)
        if not busy:
            proc.requests.put(None)
            proc.process.join(timeout=STOP_WAIT_S)
        if proc.process.is_alive():
            proc.process.kill()
            proc.process.join(timeout=5.0)
        proc.requests.close()
        proc.reader.join(timeout=5.0)

    def _ensure_started(self) -> WorkerProcess:
        if self._proc is None or not self._proc.process.is_alive():
            self._proc = WorkerProcess(self._pending, self.nice_increment)
        return self._proc

    def _proc_cancel(self, rid: int) -> None:
        if self._proc is not None:
            self._proc.cancelled_id.value = rid

    async def _wait_cancelled(self, rid: int, pending: Pending) -> None:
        """After a cancel, hold the queue until the worker has stopped that job (or kill it)."""
        assert self._order is not None
        try:
            await asyncio.wait({pending.future}, timeout=self.cancel_grace_s)
            if not pending.future.done() and self._proc is not None:
                self._proc.process.kill()  # the reader thread then reports the death
                await asyncio.wait({pending.future}, timeout=10.0)
        finally:
            self._pending.pop(rid, None)
            self._order.release()

    def _heartbeat(self, pending: Pending) -> None:
        now = time.monotonic()
        if now - pending.last_report_s < HEARTBEAT_S or pending.future.done():
            return
        pending.last_report_s = now
        elapsed = now - pending.started_s
        try:
            pending.job.report(pending.fraction, f"{pending.message} ({elapsed:.0f} s)")
        except JobCancelled:
            self._proc_cancel(pending.rid)


def _retrieve(future: asyncio.Future[Any]) -> None:
    if not future.cancelled():
        future.exception()
