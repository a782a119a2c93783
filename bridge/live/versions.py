"""The song context Live pushes and its version (mixed into LiveClient through ``LiveCalls``).

A write made for a context version (``bridge.live.writes``: ``Expect``) is checked in Live's own
main-thread step: refused when the context, or the source clip it was made from, changed since. A
write made with no version (-1) is plain and checks nothing, so a version must be known whenever Live
can give one. Live answers a listen at once and pushes its snapshot (the Set, then the context with
its version) at the end of that timer tick; a new Set's snapshot comes the same way. Between the two a
caller would find no version and write unchecked, over an edit made meanwhile: ``current_context``
waits for the snapshot instead (up to PUSH_WAIT_S), and only a Live that pushes none is answered -1.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from bridge import protocol
from bridge.live.replies import LiveContext

SET_WAIT_S = 0.5  # how long a caller waits for Live to say which Set is open
PUSH_WAIT_S = 1.0  # how long a caller waits for a listen's snapshot (it comes within one tick)
DEFAULT_TIMEOUT_S = 2.0


class ContextCalls:
    set_id: str
    pushed: LiveContext | None
    pushed_seq: int
    listened = False  # Live answered a listen: its snapshot, with a version, is coming

    async def request(
        self, address: str, *args: Any, timeout: float = DEFAULT_TIMEOUT_S, writes: bool = False
    ) -> list[Any]:
        raise NotImplementedError

    async def context(self, timeout: float = DEFAULT_TIMEOUT_S) -> LiveContext:
        return LiveContext.from_args(await self.request(protocol.RS_CONTEXT_GET, timeout=timeout))

    async def listen_context(self) -> None:
        await self.request(protocol.RS_CONTEXT_LISTEN)
        self.listened = True

    async def set_known(self, wait_s: float = SET_WAIT_S) -> str | None:
        """The open Set's id once Live pushed it (a listen's snapshot starts with it, within a tick);
        None from a Remote Script that pushes none."""
        end = time.monotonic() + wait_s
        while not self.set_id and time.monotonic() < end:
            await asyncio.sleep(0.01)
        return self.set_id or None

    async def current_context(self, timeout: float = DEFAULT_TIMEOUT_S) -> tuple[LiveContext, int]:
        """The pushed context and its version. While a listen's snapshot (or a new Set's) is still on
        its way, waits up to PUSH_WAIT_S for it; -1 and one round trip from a Live that pushed none."""
        if self.pushed_seq < 0 and self.listened:
            end = time.monotonic() + PUSH_WAIT_S
            while self.pushed_seq < 0 and time.monotonic() < end:
                await asyncio.sleep(0.005)
            self.listened = self.pushed_seq >= 0  # a Live that pushes none is not waited for again
        if self.pushed is not None:
            return self.pushed, self.pushed_seq
        return await self.context(timeout=timeout), -1
