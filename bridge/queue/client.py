"""The daemon's (and the CLI's) end of the worker queue: the same ``call`` as the in-process worker.

``QueueWorker(url).call(job, target, **kwargs)`` sends the job to a ``roo worker`` through
Celery and returns what the local target returns, with its files landed at the daemon's paths.
While it waits it blocks (off the event loop, ``calls.POLL_S`` at a time) on the list where the worker
pushes the job's answer, so a finished job is seen at once; between waits it reads the task state,
forwards the worker's progress with ``(on worker NAME)`` appended (so ``/roo/status`` says where a
job runs) and repeats it at least every ``HEARTBEAT_S``. Failures are named and never hang:

- Redis unreachable (at submit or mid-job): ``QueueUnreachable`` "worker queue unreachable at
  URL", or the local worker runs the job when ``fallback_local``; the next job tries Redis again.
- The running worker's registry entry expires (killed, crashed): ``WorkerLost``, and with
  ``retries`` the job is sent again once per retry (a live worker takes it).
- Cancel: the job's cancel key (checked by the worker's progress callback) and a revoke, set
  before the job's failure or cancel is reported (acknowledged); ``cancel_note`` says whether
  the queue was told.
- Heartbeat: while it waits the client renews ``musearoo:alive:<task>`` every ``CLIENT_BEAT_S``
  (expiring after ``CLIENT_GONE_S``) and its input blobs' expiry: a client that goes away without
  a word (killed, Redis gone so the cancel key could not be set) leaves a job the worker stops,
  and input files that expire.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bridge.queue import blobs
from bridge.queue.calls import QueueCalls
from bridge.queue.follow import forget, progress_of
from bridge.queue.jobspec import Spec, daemon_targets, spec_for
from bridge.queue.settings import CLIENT_BEAT_S, redact
from engines.errors import QueueUnreachable, WorkerLost

TIMINGS_KEPT = 50
HEARTBEAT_S = 0.5


class QueueWorker(QueueCalls):
    """Runs worker targets on the Celery queue at ``url``; see the module doc."""

    def __init__(self, url: str, *, fallback_local: bool = False, retries: int = 0) -> None:
        self.url = url
        self.fallback_local = fallback_local
        self.retries = max(0, retries)
        self._celery: Any = None
        self._redis: Any = None
        self._local: Any = None
        self._cleanups: set[asyncio.Future[None]] = set()
        self._unsent_cancels: set[str] = set()  # given up while Redis was gone: sent when it is back
        self.cancel_note = ""  # after a job was given up: whether the queue was told to stop it
        # where the newest jobs' seconds went (the worker's timing plus submit, wait and landing here)
        self.timings: deque[dict[str, float]] = deque(maxlen=TIMINGS_KEPT)

    async def call(self, job: Any, target: str, **kwargs: Any) -> Any:
        spec = spec_for(target)
        try:
            for attempt in range(self.retries + 1):
                try:
                    return await self._attempt(job, target, spec, kwargs)
                except WorkerLost as exc:
                    if attempt == self.retries:
                        raise
                    job.report(job.progress, f"{exc}; sending it again (retry {attempt + 1})")
        except QueueUnreachable as exc:
            if not self.fallback_local:
                raise
            job.report(job.progress, f"{exc}; running it on the local worker")
            from bridge.jobs.worker import Worker

            self._local = self._local or Worker()
            return await self._local.call(job, target, **kwargs)
        raise AssertionError("unreachable")

    def describe(self) -> str:
        fallback = ", local fallback" if self.fallback_local else ""
        return f"the worker queue at {redact(self.url)} ({self.retries} retries{fallback})"

    def close(self) -> None:
        if self._local is not None:
            self._local.close()
        if self._celery is not None:
            self._celery.close()

    # --- one attempt, on the loop ---

    async def _attempt(self, job: Any, target: str, spec: Spec, kwargs: dict[str, Any]) -> Any:
        job.check_cancelled()
        started = time.perf_counter()
        task_id = uuid.uuid4().hex  # known before the submit: a cancel during it still names the job
        inputs: list[blobs.Descriptor] = []  # filled while they are stored
        beat = asyncio.ensure_future(self._heartbeat(task_id, inputs))
        try:
            await self._io(self._submit, task_id, target, spec, kwargs, inputs)
            timing = {"submit_s": round(time.perf_counter() - started, 4)}
            value = await self._follow(job, target, spec, kwargs, task_id, timing)
            timing["total_s"] = round(time.perf_counter() - started, 4)
            self.timings.append(timing)
            return value
        except BaseException:
            beat.cancel()
            # told before the failure or cancel is reported: once it is, the job does not run on
            loop = asyncio.get_running_loop()
            cleanup = loop.run_in_executor(None, self._abandon, task_id, inputs)
            self._cleanups.add(cleanup)
            cleanup.add_done_callback(self._cleanups.discard)
            await asyncio.shield(cleanup)
            raise
        finally:
            beat.cancel()

    async def _heartbeat(self, task_id: str, inputs: list[blobs.Descriptor]) -> None:
        """Renew the client's heartbeat (and the inputs' expiry) until cancelled; Redis errors are the
        follow loop's to report, so they are skipped here."""
        while True:
            try:
                await asyncio.to_thread(self._beat, task_id, list(inputs))
            except Exception:
                pass
            await asyncio.sleep(CLIENT_BEAT_S)

    async def _follow(
        self,
        job: Any,
        target: str,
        spec: Spec,
        kwargs: dict[str, Any],
        task_id: str,
        timing: dict[str, float],
    ) -> Any:
        function = target.rsplit(":", 1)[-1]
        shown: tuple[float, str] = (-1.0, "")
        shown_s = 0.0
        fraction, message = 0.0, "waiting for a queue worker"
        waiting_since = time.monotonic()
        early: dict[str, asyncio.Future[Path]] = {}  # files announced ahead of the answer, landing
        answer: Any = None
        try:
            while True:  # the state first (a status at once), then wait up to POLL_S for the answer
                job.check_cancelled()
                # A file just announced: the worker is alive and sending, so the next announcement
                # (or the answer) is waited for at once, without reading the task's state first
                # (once the status has said which worker runs the job: a short job says it too).
                heard = answer is not None and "file" in answer and "(on worker " in message
                answer = None
                if not heard:
                    status, info, alive = await self._io(self._poll, task_id)
                    if status == "SUCCESS":
                        answer = info
                    else:
                        fraction, message = progress_of(function, status, info, alive, (fraction, message))
                        if status == "PENDING":
                            message = f"waiting for a queue worker ({time.monotonic() - waiting_since:.0f} s)"
                        now = time.monotonic()
                        if (fraction, message) != shown or now - shown_s >= HEARTBEAT_S:
                            job.report(fraction, message)
                            shown, shown_s = (fraction, message), now
                if answer is None:
                    answer = await self._io(self._wait_answer, task_id)
                if answer is not None and "file" in answer:  # a file ahead of the answer: land it now
                    name = str(answer["file"])
                    place = daemon_targets(spec, kwargs, [name])[name]
                    early[name] = asyncio.ensure_future(
                        self._io(blobs.land, self._redis, answer["desc"], place)
                    )
                elif answer is not None:
                    worker = answer.get("worker") if isinstance(answer, dict) else None
                    if worker and "(on worker " not in message:  # done before a poll saw it run
                        job.report(fraction, f"ran (on worker {worker})")  # still said where it ran
                    landed = {name: await future for name, future in early.items()}
                    return await self._io(self._finish, target, spec, kwargs, task_id, answer, timing, landed)
        except BaseException:
            forget(early)
            raise

    async def _io(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Run blocking Redis work in a thread; a connection failure is QueueUnreachable."""
        from kombu.exceptions import OperationalError
        from redis.exceptions import ConnectionError as RedisConnectionError
        from redis.exceptions import TimeoutError as RedisTimeout

        try:
            return await asyncio.to_thread(fn, *args)
        except (RedisConnectionError, RedisTimeout, OperationalError, ConnectionError) as exc:
            raise QueueUnreachable(f"worker queue unreachable at {redact(self.url)}: {exc}") from exc
