"""The code that runs inside the worker process, and the error round trip back to the daemon.

Requests arrive pickled on a queue as ``(request_id, "module:function", pickled_kwargs)``;
``None`` ends the process (without the interpreter's teardown). Answers go back on a pipe,
pickled here (not in a feeder thread), so an unpicklable result becomes an error instead of a
silent hang: ``("progress", id, fraction, message)``, ``("ok", id, value)``, ``("cancelled", id,
message)`` or ``("error", id, module, class name, message)``.
"""

from __future__ import annotations

import importlib
import logging
import os
import pickle
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from engines.errors import JobCancelled, RooError

if TYPE_CHECKING:
    from multiprocessing.queues import Queue
    from multiprocessing.sharedctypes import Synchronized

log = logging.getLogger("bridge.jobs.worker")
PROGRESS_MIN_INTERVAL_S = 0.1  # progress messages closer than this are dropped (except 1.0)
NICE_INCREMENT = 5  # the worker yields the CPU to the daemon's event loop


def worker_main(
    requests: Queue[bytes | None], results: Connection, cancelled_id: Synchronized[int], nice_increment: int
) -> None:
    """Entry point of the worker process: serve requests one at a time until ``None`` arrives."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C goes to the daemon, which closes us
    if nice_increment and hasattr(os, "nice"):
        os.nice(nice_increment)
    send_lock = threading.Lock()

    def send(message: tuple[Any, ...]) -> None:
        data = pickle.dumps(message)
        with send_lock:
            results.send_bytes(data)

    while True:
        request = requests.get()
        if request is None:
            break
        rid, target, payload_kwargs = pickle.loads(request)
        progress = _Progress(rid, send, cancelled_id)
        try:
            function = resolve(target)
            value = function(**pickle.loads(payload_kwargs), progress=progress)
            answer: tuple[Any, ...] = ("ok", rid, value)
            data = pickle.dumps(answer)
        except JobCancelled as exc:
            send(("cancelled", rid, str(exc)))
        except RooError as exc:
            send(("error", rid, type(exc).__module__, type(exc).__qualname__, str(exc)))
        except Exception as exc:  # a library failure: report it, keep serving
            log.error("worker job %s (%s) failed:\n%s", rid, target, traceback.format_exc())
            send(("error", rid, "", type(exc).__name__, str(exc)))
        else:
            with send_lock:
                results.send_bytes(data)
    results.close()
    # End here, without the interpreter's teardown: with torch and a model loaded it took seconds
    # (more at the worker's lower priority on a loaded machine) while the daemon's close waited, and
    # there is nothing left to save
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def resolve(target: str) -> Callable[..., Any]:
    """Import ``"package.module:function"``; a bad name is a RooError naming it."""
    module_name, _, function_name = target.partition(":")
    try:
        function = getattr(importlib.import_module(module_name), function_name)
    except (ImportError, AttributeError) as exc:
        raise RooError(f"worker target {target!r} cannot be imported: {exc}") from exc
    if not callable(function):
        raise RooError(f"worker target {target!r} is not a function")
    return function  # type: ignore[no-any-return]


def rebuild_error(target: str, module: str, class_name: str, message: str) -> RooError:
    """The daemon-side copy of an exception raised in the worker (same RooError class)."""
    if module:
        found = getattr(_import_quietly(module), class_name, None)
        if isinstance(found, type) and issubclass(found, RooError):
            try:
                return found(message)
            except TypeError:
                pass
    function = target.rsplit(":", 1)[-1]
    return RooError(f"{function} failed in the model worker: {class_name}: {message}")


def _import_quietly(module: str) -> object:
    try:
        return importlib.import_module(module)
    except ImportError:
        return None


class _Progress:
    """The ``progress(fraction, message)`` callback handed to worker functions."""

    def __init__(
        self, rid: int, send: Callable[[tuple[Any, ...]], None], cancelled_id: Synchronized[int]
    ) -> None:
        self._rid = rid
        self._send = send
        self._cancelled_id = cancelled_id
        self._last_s = 0.0

    def __call__(self, fraction: float, message: str = "") -> None:
        if self._cancelled_id.value == self._rid:
            raise JobCancelled(f"cancelled while {message or 'working'}")
        now = time.monotonic()
        if now - self._last_s < PROGRESS_MIN_INTERVAL_S and fraction < 1.0:
            return
        self._last_s = now
        self._send(("progress", self._rid, float(fraction), str(message)))
