"""The real daemon on a background event loop thread, for tests, benchmarks and `roo sim`-style tools."""

from __future__ import annotations

import asyncio
import faulthandler
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bridge import protocol
from bridge.daemon import Daemon

# Closing waits this long, then is said to hang, with every thread's stack. A JACK client (the jam's ports,
# the microphone) closed on the daemon's loop took over 10 s twice in fresh-clone runs on a loaded 2-core
# machine, and a CI run on such a machine passed 30 s in three tests at once (no JACK in one of them): a
# machine that stalls is not a hang, so the guard is far above any close seen, below pytest's 300 s
CLOSE_S = 90.0


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
        closing = asyncio.run_coroutine_threadsafe(_close(daemon), loop)
        try:
            closing.result(CLOSE_S)
        except TimeoutError as exc:  # a close that hangs is said with where every thread stands
            faulthandler.dump_traceback(all_threads=True)
            raise TimeoutError(
                f"the daemon did not close in {CLOSE_S:.0f} s; threads: {_where()}; tasks: {_awaiting(loop)}"
            ) from exc
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


def _where() -> str:
    """Each live thread's name and where its own code stands (the innermost frame outside the
    standard library's threading, selectors and queue): one line a summary can carry."""
    frames = sys._current_frames()
    said = []
    for thread in threading.enumerate():
        frame = frames.get(thread.ident or -1)
        while frame is not None and Path(frame.f_code.co_filename).name in _PLUMBING:
            frame = frame.f_back
        if frame is not None:
            code = frame.f_code
            said.append(f"{thread.name} in {code.co_name} ({Path(code.co_filename).name}:{frame.f_lineno})")
    return "; ".join(said)


def _awaiting(loop: asyncio.AbstractEventLoop) -> str:
    """Each task left on the (idle) loop and the innermost coroutine it awaits in: a close whose loop
    waits in select is waiting for one of these (read from another thread: for the message only)."""
    try:
        tasks = list(asyncio.all_tasks(loop))
    except RuntimeError:  # the set changed as it was read, again and again
        return "?"
    said = []
    for task in tasks:
        frames: list[Any] = []
        coro: Any = task.get_coro()
        name = getattr(coro, "__qualname__", repr(coro))
        while coro is not None and getattr(coro, "cr_frame", None) is not None:
            frames.append(coro.cr_frame)
            coro = getattr(coro, "cr_await", None)
        ours = [f for f in frames if Path(f.f_code.co_filename).parent.name != "asyncio"] or frames
        if ours:
            code = ours[-1].f_code
            where = f"{code.co_name} ({Path(code.co_filename).name}:{ours[-1].f_lineno})"
            said.append(f"{name} in {where}")
    return "; ".join(said) or "none"


_PLUMBING = {"threading.py", "selectors.py", "queue.py", "connection.py", "base_events.py"}
