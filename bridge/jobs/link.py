"""The daemon's end of the model worker process: spawning it, and the thread that reads its answers.

``WorkerProcess`` starts ``bridge.jobs.process.worker_main`` with the ``spawn`` method and a
reader thread. The reader settles each request's ``Pending`` future on that request's event
loop (thread-safely), forwards progress to the job, and when the process dies fails every
request it was sent with a message that names how it died (``death_message``).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import pickle
import signal
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from bridge.jobs.process import rebuild_error, worker_main
from engines.errors import JobCancelled, RooError

if TYPE_CHECKING:
    from multiprocessing.context import SpawnProcess
    from multiprocessing.queues import Queue

    from bridge.jobs.board import Job

_CTX = multiprocessing.get_context("spawn")


@dataclass(eq=False)
class Pending:
    """One request in flight: its job, target, the loop that awaits it and the last progress."""

    rid: int
    job: Job
    target: str
    loop: asyncio.AbstractEventLoop
    future: asyncio.Future[Any]
    fraction: float = 0.0
    message: str = "starting the model worker"
    started_s: float = field(default_factory=time.monotonic)
    last_report_s: float = field(default_factory=time.monotonic)


class WorkerProcess:
    """One running worker process with its request queue, result pipe and reader thread.

    ``pending`` is the owner's table of requests by id, read (never changed) by the reader.
    """

    def __init__(self, pending: dict[int, Pending], nice_increment: int) -> None:
        self.requests: Queue[bytes | None] = _CTX.Queue()
        receive, send = _CTX.Pipe(duplex=False)
        self.results: Connection = receive
        self.cancelled_id = _CTX.Value("q", 0, lock=False)
        self.rids: set[int] = set()  # requests sent to this process (failed together if it dies)
        self._pending = pending
        self.process: SpawnProcess = _CTX.Process(
            target=worker_main,
            args=(self.requests, send, self.cancelled_id, nice_increment),
            name="roo-worker",
            daemon=True,
        )
        self.process.start()
        send.close()  # only the child writes; its death then ends our reads with EOFError
        self.reader = threading.Thread(target=self._read, name="roo-worker-reader", daemon=True)
        self.reader.start()

    # --- reader thread: everything below runs off the loop and posts back onto it ---

    def _read(self) -> None:
        while True:
            try:
                message = pickle.loads(self.results.recv_bytes())
            except (EOFError, OSError):
                break
            kind, rid = message[0], message[1]
            pending = self._pending.get(rid)
            if pending is None:
                continue
            if kind == "progress":
                pending.fraction, pending.message = float(message[2]), str(message[3])
                pending.last_report_s = time.monotonic()
                try:
                    pending.job.report(pending.fraction, pending.message)
                except JobCancelled:
                    self.cancelled_id.value = rid
            elif kind == "ok":
                settle(pending, value=message[2])
            elif kind == "cancelled":
                settle(pending, error=JobCancelled(message[2]))
            else:  # "error": module, class name, message
                settle(pending, error=rebuild_error(pending.target, *message[2:5]))
        self.process.join(timeout=5.0)
        code = self.process.exitcode
        for rid in self.rids:
            pending = self._pending.get(rid)
            if pending is not None:
                settle(pending, error=RooError(death_message(pending.target, code)))
        self.results.close()


def settle(pending: Pending, *, value: Any = None, error: BaseException | None = None) -> None:
    """Set the request's result (or error) on its own loop; a no-op once settled or the loop closed."""

    def settle_on_loop() -> None:
        if pending.future.done():
            return
        if error is not None:
            pending.future.set_exception(error)
        else:
            pending.future.set_result(value)

    try:
        pending.loop.call_soon_threadsafe(settle_on_loop)
    except RuntimeError:  # the loop is closed: nobody is waiting any more
        pass


def death_message(target: str, exitcode: int | None) -> str:
    """What the job's caller reads when the worker died while running target (exit code or signal)."""
    function = target.rsplit(":", 1)[-1]
    if exitcode is None:
        how = "stopped answering"
    elif exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        hint = {
            "SIGKILL": " (usually the system ran out of memory; try a shorter clip or a smaller model)",
            "SIGSEGV": " (a crash in native code)",
        }.get(name, "")
        how = f"was killed by {name}{hint}"
    else:
        how = f"exited with code {exitcode}"
    return f"the model worker process {how} while running {function}; the next job starts a fresh worker"
