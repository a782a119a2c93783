"""The real daemon on a background event loop thread, for tests, benchmarks and `roo sim`-style tools."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from bridge import protocol
from bridge.daemon import Daemon


@contextmanager
def daemon_in_thread(
    live_port: int,
    port: int = 0,
    connect_timeout_s: float = 0.5,
    history: Any = None,
    history_error: str = "",
) -> Iterator[Daemon]:
    """Start a Daemon on ``port`` (0: a free one) talking to Live on ``live_port``; stop it after.

    ``history`` is a bridge.history.Store to record takes in (None: the store is off)."""
    daemon = Daemon(protocol.HOST, port, live_port, history, history_error)
    loop = asyncio.new_event_loop()
    started = threading.Event()
    failure: list[BaseException] = []

    def main() -> None:
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(daemon.start())
            loop.run_until_complete(daemon.connect_live(timeout=connect_timeout_s))
        except BaseException as exc:  # handed to the starting thread below
            failure.append(exc)
            started.set()
            return
        started.set()
        loop.run_forever()

    thread = threading.Thread(target=main, name="roo-daemon", daemon=True)
    thread.start()
    if not started.wait(10) or failure:
        raise RuntimeError(f"the daemon did not start: {failure[0] if failure else 'timeout'}")
    try:
        yield daemon
    finally:
        asyncio.run_coroutine_threadsafe(_close(daemon), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)
        loop.close()


async def _close(daemon: Daemon) -> None:
    """Close the daemon, then cancel and await what is left on its loop (as ``asyncio.run`` does)."""
    await daemon.aclose()
    left = asyncio.all_tasks() - {asyncio.current_task()}
    for task in left:
        task.cancel()
    await asyncio.gather(*left, return_exceptions=True)
