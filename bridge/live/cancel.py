"""A write whose caller was cancelled while the write was on its way to Live: what Live did with it.

The daemon has asked Live not to run it (RS_CANCEL). Live refused it (RS_CANCELLED, or a refusal
such as a stale context): the cancellation goes on, nothing was written. Live had run it: its
reply is returned and the caller's cancellation is taken back, so the caller records what landed
(the job then says it was too late to cancel). No answer in time: the job fails saying so.
"""

from __future__ import annotations

import asyncio
from typing import Any

from bridge.live.heard import heard
from engines.errors import LiveError

CANCEL_WAIT_S = 5.0  # how long a cancelled write waits for Live to say whether it ran (inside a 10 s close)


class RefusedByCancel(Exception):
    """Live answered RS_CANCELLED: the request was cancelled before it ran, nothing was done."""


async def outcome(fut: asyncio.Future[list[Any]], address: str, timeout: float) -> list[Any]:
    """The write's reply when Live had run it; raises CancelledError when Live refused it."""
    try:
        reply = await heard(asyncio.shield(fut), timeout)  # the daemon's own clock, as every reply's wait
    except (RefusedByCancel, LiveError) as exc:
        raise asyncio.CancelledError() from exc
    except TimeoutError as exc:
        raise LiveError(
            f"cancelled while {address} was on its way to Live, and Live did not say within "
            f"{timeout:g} s whether it ran: look in Live before writing there again"
        ) from exc
    task = asyncio.current_task()
    if task is not None:
        task.uncancel()
    return reply
