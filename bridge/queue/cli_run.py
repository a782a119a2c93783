"""``roo separate/musicgen/analyze --broker URL``: one target on the queue from a command line."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from bridge.queue.client import QueueWorker


class _CliJob:
    """What ``call`` needs of a daemon Job, for one CLI command (progress to the terminal)."""

    def __init__(self, progress: Callable[[float, str], None]) -> None:
        self._progress = progress
        self.progress = 0.0
        self.cancelled = False

    def check_cancelled(self) -> None:
        pass

    def report(self, fraction: float, message: str = "") -> None:
        self.progress = fraction
        self._progress(fraction, message)


class QueueCancelled(KeyboardInterrupt):
    """Ctrl-C (or SIGINT) during a queued job; its text says whether the worker queue was told."""


def run_blocking(url: str, target: str, progress: Callable[[float, str], None], **kwargs: Any) -> Any:
    """Run one target on the queue from a command line; Ctrl-C cancels it on the worker (the cancel
    is set in Redis before this returns) and raises QueueCancelled saying so."""
    queue = QueueWorker(url)
    try:
        return asyncio.run(queue.call(_CliJob(progress), target, **kwargs))
    except KeyboardInterrupt as exc:
        raise QueueCancelled(queue.cancel_note or "before it reached the worker queue") from exc
    finally:
        queue.close()
