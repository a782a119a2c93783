"""The embedded daemon's hang guard: a close that passes ``bridge.embedded.CLOSE_S`` raises, and its
message says where each thread stands, so a CI log cut to its last lines still names the stuck call."""

from __future__ import annotations

import asyncio
import threading

import pytest

from bridge import embedded
from bridge.daemon import Daemon
from tests.conftest import free_udp_port


def test_a_close_that_hangs_raises_and_names_the_stuck_call(monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()

    def stuck_close(self: Daemon) -> None:
        release.wait(30)

    monkeypatch.setattr(embedded, "CLOSE_S", 0.5)
    monkeypatch.setattr(Daemon, "close", stuck_close)
    loop = None
    with pytest.raises(TimeoutError) as raised:  # raised by the inner with's exit: the close
        with embedded.daemon_in_thread(free_udp_port(), connect_timeout_s=0.1) as daemon:
            loop = daemon.app.loop if daemon.app is not None else None
    release.set()
    if loop is not None:
        loop.call_soon_threadsafe(loop.stop)
    message = str(raised.value)
    assert message.startswith("the daemon did not close in "), message
    assert "roo-daemon in stuck_close (test_embedded_close.py:" in message, message


def test_a_close_that_awaits_for_ever_names_the_coroutine_it_waits_in(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The loop waits idle in select while the close awaits: the message names each task left and the
    innermost coroutine it waits in (a keeper that lost its cancel is named where it waits)."""

    async def awaits_for_ever(self: Daemon) -> None:
        await asyncio.Event().wait()

    monkeypatch.setattr(embedded, "CLOSE_S", 0.5)
    monkeypatch.setattr(Daemon, "aclose", awaits_for_ever)
    loop = None
    with pytest.raises(TimeoutError) as raised:
        with embedded.daemon_in_thread(free_udp_port(), connect_timeout_s=0.1) as daemon:
            loop = daemon.app.loop if daemon.app is not None else None
    if loop is not None:
        loop.call_soon_threadsafe(loop.stop)
    tasks = str(raised.value).split("; tasks: ", 1)[-1]
    assert "_close in awaits_for_ever (test_embedded_close.py:" in tasks, tasks
    assert "Daemon._keep_listening in _keep_listening (daemon.py:" in tasks, tasks
