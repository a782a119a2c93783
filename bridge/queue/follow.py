"""Reading a queued job as it goes: its polled state as progress, and files landed ahead of its answer."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from engines.errors import JobCancelled, RooError, WorkerLost


def progress_of(
    function: str, status: str, info: Any, alive: bool, shown: tuple[float, str]
) -> tuple[float, str]:
    """The (fraction, message) to show for a polled task state; a failed, revoked or lost job raises."""
    fraction, message = shown
    if status == "FAILURE":
        raise RooError(f"{function} failed on the worker queue: {info}")
    if status == "REVOKED":
        raise JobCancelled(f"{function} was revoked on the worker queue")
    if status == "PROGRESS" and isinstance(info, dict):
        worker = str(info.get("worker", "?"))
        if not alive:
            raise WorkerLost(
                f"queue worker {worker} stopped while running {function} (killed, crashed or "
                "cut off: its heartbeat in Redis expired)"
            )
        fraction = float(info.get("fraction", fraction))
        message = f"{info.get('message', '')} (on worker {worker})"
    return fraction, message


def forget(early: Mapping[str, asyncio.Future[Path]]) -> None:
    """A job that fails or is cancelled after some files landed early leaves none of them behind."""

    def remove(future: asyncio.Future[Path]) -> None:
        if not future.cancelled() and future.exception() is None:
            future.result().unlink(missing_ok=True)

    for future in early.values():
        future.add_done_callback(remove)
