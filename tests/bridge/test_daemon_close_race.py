"""Closing the daemon in the moment Live answers the keeper's renewal of the context subscription.

The keeper (``Daemon._keep_listening``) asks Live for the context every LISTEN_REFRESH_S. A close that
cancels it in the same loop turn as Live's answer comes in used to be lost: Python 3.11's
``asyncio.wait_for`` returns the answer instead of raising CancelledError when its future is done,
so the keeper went on renewing for ever, the close awaited it for ever and the model worker was
never stopped (a fresh-clone CI run: "the daemon did not close in 90 s"). Here Live is a silent
socket, so the keeper's request waits; its answer and the close are handed to the daemon's loop in
one callback, which makes the race happen every time.
"""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from typing import Any

import pytest

from bridge import daemon as daemon_module
from bridge import embedded, osc, protocol
from bridge.daemon import Daemon
from bridge.live import client as live_client
from engines.errors import LiveUnreachable

# Live's answer to a context request: tempo .. live_version, as protocol.CONTEXT_FIELDS orders them
CONTEXT = [120.0, 4, 4, 0, "Major", 0, 0, 0.0, 0, 2, 2, "12.1.0"]
CLOSE_WITHIN_S = 5.0  # a close with nothing running takes milliseconds; the keeper's renewal waits 2 s


@contextmanager
def silent_live() -> Iterator[int]:
    """A UDP port where "Live" takes the daemon's requests and answers none of them."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind((protocol.HOST, 0))
        yield int(sock.getsockname()[1])


def answer_and_close(daemon: Daemon, closed: Future[None]) -> bool:
    """On the daemon's loop: Live's answer to the keeper's pending context request arrives and the close
    starts, in the same turn. False while no context request is waiting (the keeper is asleep)."""
    waiting = [
        req
        for req, (address, fut) in daemon.live._by_id.items()
        if address == protocol.RS_CONTEXT_GET and not fut.done()
    ]
    if not waiting:
        return False
    daemon.live._received(osc.encode(protocol.RS_CONTEXT_GET, [waiting[0], *CONTEXT]))
    closing = asyncio.get_running_loop().create_task(embedded._close(daemon))
    closing.add_done_callback(
        lambda task: closed.set_exception(task.exception()) if task.exception() else closed.set_result(None)
    )
    return True


def close_as_live_answers(daemon: Daemon) -> None:
    """Close the daemon as Live answers the keeper (TimeoutError: the close hung)."""
    assert daemon.app is not None
    loop = daemon.app.loop
    closed: Future[None] = Future()
    end = time.monotonic() + 10.0
    while True:
        assert time.monotonic() < end, "the keeper sent no context request to the silent Live in 10 s"

        async def attempt() -> bool:
            return answer_and_close(daemon, closed)

        if asyncio.run_coroutine_threadsafe(attempt(), loop).result(5):
            break
        time.sleep(0.01)
    closed.result(CLOSE_WITHIN_S)


@pytest.fixture
def often(monkeypatch: pytest.MonkeyPatch) -> None:
    """The keeper renews every 50 ms (not 3 s), so its request is soon on its way."""
    monkeypatch.setattr(daemon_module, "LISTEN_REFRESH_S", 0.05)
    monkeypatch.setattr(embedded, "CLOSE_S", 5.0)  # the second close, on leaving the block, is quick


def test_a_close_as_live_answers_the_keepers_renewal_still_closes(often: None) -> None:
    with silent_live() as port, embedded.daemon_in_thread(port, connect_timeout_s=0.1) as daemon:
        close_as_live_answers(daemon)
        keeper = daemon._keeper
        assert keeper is not None and keeper.done(), "the keeper still runs after the close"
        assert keeper.cancelled(), "the close's cancel was lost: the keeper ended only at its next turn"


def test_a_keeper_whose_cancel_a_call_loses_still_ends_at_close(
    often: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cancel lost further down (here: the Live client's wait as it was, on ``asyncio.wait_for``) does not
    keep the keeper going: it ends at its next turn once the daemon is closing."""

    async def losing_wait(
        self: live_client.LiveClient, fut: asyncio.Future[list[Any]], address: str, timeout: float
    ) -> list[Any]:
        try:
            return await asyncio.wait_for(fut, timeout)
        except TimeoutError as exc:
            raise LiveUnreachable(f"no answer to {address} within {timeout:g} s") from exc

    monkeypatch.setattr(live_client.LiveClient, "_wait", losing_wait)
    with silent_live() as port, embedded.daemon_in_thread(port, connect_timeout_s=0.1) as daemon:
        close_as_live_answers(daemon)
        keeper = daemon._keeper
        assert keeper is not None and keeper.done(), "the keeper still runs after the close"
