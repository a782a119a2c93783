"""Waiting for Live's answer by the daemon's own clock: only time in which the daemon ran counts.

A reply is awaited in slices of SLICE_S. A slice that ends much later than asked means the daemon
stood still meanwhile: its event loop blocked, or its whole process stopped (a full garbage
collection holds every thread: 1.9 s measured in a test worker's heap on a loaded 2-core machine; a
suspended laptop). Nothing could read Live's answer then, and a Live in the same process (the
in-memory one of the tests) could not run, so such a slice counts only as the slice it was asked to
be, and Live gets its time once the daemon runs again. A Live that does not answer is still reported after
``timeout`` s of the daemon running: after ``timeout`` s on a daemon that never stood still.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
SLICE_S = 0.1  # how often the wait looks at its clock
LATE_S = 0.1  # a slice later than this is a standstill, not the loop's ordinary lateness (counted whole)


async def heard(fut: asyncio.Future[T], timeout: float, *, clock: Callable[[], float] = time.monotonic) -> T:
    """``fut``'s result (or its exception) once it is done; TimeoutError after ``timeout`` s of the
    daemon running. A cancelled caller cancels ``fut`` (pass ``asyncio.shield(fut)`` to keep it)."""
    counted = 0.0
    try:
        while not fut.done():
            step = min(SLICE_S, timeout - counted)
            if step <= 0:
                raise TimeoutError(f"nothing came within {timeout:g} s of the daemon running")
            start = clock()
            await asyncio.wait((fut,), timeout=step)  # never cancels fut; an answer read late still counts
            took = clock() - start
            counted += took if took <= step + LATE_S else step  # a standstill: only the slice it stopped
    except asyncio.CancelledError:
        fut.cancel()
        raise
    return fut.result()
