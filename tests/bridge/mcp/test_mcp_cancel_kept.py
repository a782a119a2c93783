"""A call of the MCP server cancelled in the moment its answer comes is cancelled all the same.

The door onto the daemon (``bridge.mcp.door``) and the AbletonOSC client (``bridge.mcp.aosc``) wait for
the next datagram with a timeout. On Python 3.11 ``asyncio.wait_for`` returns a value that came in the
same loop turn as its caller's cancellation, and the cancellation is lost: an MCP client's
``notifications/cancelled`` then leaves the call (and the job it follows) running. Here the answer
and the cancellation are handed to the loop in one step, so the race happens every time; the answer
stays queued for whoever reads next.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any

import pytest

from bridge import protocol
from bridge.mcp import aosc
from bridge.mcp.door import _Call
from engines.errors import LiveUnreachable
from tests.bridge.test_daemon_close_race import silent_live  # nobody answers there

STATUS = (protocol.STATUS, [7, "running", 0.5, "halfway"])


async def cancelled_as_answered(
    waiting: Coroutine[Any, Any, Any], queue: asyncio.Queue[tuple[str, list[Any]]], answer: Any
) -> asyncio.Task[Any]:
    """Start ``waiting`` (a wait on ``queue``), then, once it waits, put ``answer`` on the queue and
    cancel it in the same step; the task once it ended."""
    task = asyncio.ensure_future(waiting)
    for _ in range(50):  # a few loop turns: the socket opens, the request goes, the wait begins
        await asyncio.sleep(0)
    assert not task.done(), "the call ended before anything was answered"
    queue.put_nowait(answer)
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    return task


def ended(task: asyncio.Task[Any]) -> str:
    """How a task that was not cancelled ended: its result or its exception."""
    failed = task.exception()
    return f"raised {failed!r}" if failed is not None else f"returned {task.result()!r}"


def test_a_door_call_cancelled_as_the_daemon_answers_is_cancelled() -> None:
    async def main() -> None:
        with silent_live() as port:
            async with _Call(port) as call:
                task = await cancelled_as_answered(call.next(10.0), call.inbox.queue, STATUS)
                assert task.cancelled(), f"the cancel was lost: the call {ended(task)}"
                assert call.inbox.queue.get_nowait() == STATUS  # kept for the next read

    asyncio.run(main())


def test_an_abletonosc_call_cancelled_as_live_answers_is_cancelled() -> None:
    async def main() -> None:
        with silent_live() as port:
            client = aosc.AbletonOSC(port=port)
            try:
                task = await cancelled_as_answered(
                    client.call("/live/song/get/tempo", timeout_s=1.0),
                    client._replies.queue,
                    ("/live/song/get/tempo", [120.0]),
                )
                assert task.cancelled(), f"the cancel was lost: the call {ended(task)}"
            finally:
                client.close()

    asyncio.run(main())


def test_calls_nobody_answers_still_time_out_naming_who_did_not_answer() -> None:
    async def main() -> None:
        with silent_live() as port:
            async with _Call(port) as call:
                with pytest.raises(
                    LiveUnreachable, match=rf"daemon on udp://127\.0\.0\.1:{port} within 0\.2 s"
                ):
                    await call.next(0.2)
            client = aosc.AbletonOSC(port=port)
            try:
                with pytest.raises(
                    LiveUnreachable, match=r"/live/song/get/tempo from Live's .* within 0\.2 s"
                ):
                    await client.call("/live/song/get/tempo", timeout_s=0.2)
            finally:
                client.close()

    asyncio.run(main())
