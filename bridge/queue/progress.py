"""A queued job's ``progress(fraction, message)``: Redis I/O on a thread of its own, never on the job's.

The target calls ``progress`` from the thread that runs the model, many times a second. The
in-process worker answers such a call with a pipe write and a shared-memory read; here each one
used to wait on Redis (a cancel-key check every 0.1 s, a task-state update every 0.2 s): 0.02 to
0.65 s per 30 s separation on the loaded benchmark machine (issue 17, docs/benchmarks/queue.md), and
over a LAN each round trip adds the network's latency. Now a ``roo-queue-progress`` thread does that I/O:
every ``CANCEL_POLL_S`` it checks the cancel key and publishes the latest update; ``progress``
only stores the update and reads a flag, and raises JobCancelled once the flag is set. The job is
cancelled when the daemon sets its cancel key, or when the waiting client's heartbeat key
(``alive_key``, renewed every second while it waits) is gone: the client went away (killed, cut
off, Redis gone for a while) and nobody will fetch the result.
``close()`` stops the thread and publishes what is still pending, so the last update always
goes out before the task's result is stored.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from engines.errors import JobCancelled

log = logging.getLogger("bridge.queue")
PROGRESS_INTERVAL_S = 0.2  # task-state updates closer than this are skipped (1.0 always goes out)
CANCEL_POLL_S = 0.1


class Progress:
    """``progress(fraction, message)`` for the target: publishes the task state, honours cancel."""

    def __init__(
        self,
        redis: Any,
        cancel_key: str,
        worker: str,
        publish: Callable[[dict[str, Any]], None],
        folder: str = "",
        alive_key: str = "",
    ) -> None:
        self._redis = redis
        self._alive_key = alive_key  # "": a client that sends no heartbeat (an older daemon)
        self.reason = ""  # why the job was cancelled, once it was
        self._folder = folder  # the worker's temporary folder: not named in messages
        self._cancel_key = cancel_key
        self._worker = worker
        self._publish = publish
        self._last_publish_s = 0.0
        self._pending: dict[str, Any] | None = None
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._cancelled = threading.Event()
        self._thread: threading.Thread | None = None

    def cancelled(self) -> bool:
        """Whether the daemon has set the job's cancel key, or its client's heartbeat is gone (asks
        Redis now; while Redis does not answer nothing can be told, and the job goes on)."""
        try:
            if self._redis.exists(self._cancel_key):
                self.reason = "cancelled"
            elif self._alive_key and not self._redis.exists(self._alive_key):
                self.reason = "cancelled: its client is gone (no heartbeat)"
        except Exception:
            return False
        return bool(self.reason)

    def start(self) -> None:
        """Start the thread; until then (and after ``close``) updates wait in ``_pending``."""
        self._thread = threading.Thread(target=self._serve, name="roo-queue-progress", daemon=True)
        self._thread.start()

    def close(self) -> None:
        """Stop the thread and publish the update it had not sent yet (on the calling thread)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        self._send_pending()

    def __call__(self, fraction: float, message: str = "") -> None:
        if self._cancelled.is_set():
            raise JobCancelled(f"{self.reason or 'cancelled'} while {message or 'working'}")
        now = time.monotonic()
        if now - self._last_publish_s < PROGRESS_INTERVAL_S and fraction < 1.0:
            return
        self._last_publish_s = now
        text = str(message).replace(self._folder, "the worker's folder") if self._folder else str(message)
        with self._lock:  # sent with the next cancel check: one wake-up of the thread for both
            self._pending = {"fraction": float(fraction), "message": text, "worker": self._worker}

    def _serve(self) -> None:
        while not self._stop.is_set():
            if self.cancelled():
                self._cancelled.set()
            self._send_pending()
            self._stop.wait(CANCEL_POLL_S)

    def _send_pending(self) -> None:
        with self._lock:
            meta, self._pending = self._pending, None
        if meta is None:
            return
        try:
            self._publish(meta)
        except Exception as exc:
            log.warning("cannot publish progress: %s", exc)
