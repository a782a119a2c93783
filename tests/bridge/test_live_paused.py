"""A Live reply the daemon could not read in time because the daemon itself stood still (f73).

A fresh-clone CI run (2 cores, 2 pytest workers) failed the whole-song test with "no answer to
/roo/live/write_clip ... within 2 s". Measured (docs/benchmarks/suite.md, "A Live reply late under
load (f73)"): a full (generation 2) garbage collection of a worker-sized heap (2 million objects), on a
loaded 2-core machine, held the GIL for 1.9 s while the writes were on their way: the daemon's loop and the
in-memory Live's main thread (threads of the same process) both stood still, and the 2 s clock ran on
through it. A daemon stopped the same way (a collection, a blocked loop, a suspended machine) cannot
hear a real Live either. The wait for a reply now counts only the time the daemon's loop ran
(``bridge.live.heard``); a Live that does not answer is still reported after 2 s of that.

Here the daemon is stopped on purpose, right after a small write left: its loop blocked for 2.5 s
(Live answers at once; the answer waits in the socket), or the whole process held for 2.5 s (the GIL
kept by a C call, as a collection keeps it; Live runs the write after it).
"""

from __future__ import annotations

import asyncio
import ctypes
import ctypes.util
import time
from collections.abc import Callable, Iterator

import pytest

from bridge import protocol
from bridge.live.client import ClipWrite, LiveClient
from engines.music import Note
from livesim import LiveHost
from tests.bridge import test_live_parts
from tests.bridge.test_live_busy import reported_after, with_client

PAUSE_S = 2.5  # past the 2 s a small call waits
NOTES = [Note(36 + i % 12, i * 0.5, 0.4, 90) for i in range(8)]
live = test_live_parts.live  # the fixture: an in-memory Live running the Remote Script, no errors after


def loop_blocked(seconds: float) -> None:
    """The daemon's event loop busy with work that never yields (the process's other threads run)."""
    time.sleep(seconds)


def process_held(seconds: float) -> None:
    """Every thread of the process stopped, as a full garbage collection stops them: a C call made
    with the GIL held (ctypes.PyDLL does not release it)."""
    libc = ctypes.PyDLL(ctypes.util.find_library("c"))
    libc.usleep(int(seconds * 1_000_000))


@pytest.fixture(params=[loop_blocked, process_held], ids=["loop blocked", "process held"])
def pause(request: pytest.FixtureRequest) -> Iterator[Callable[[float], None]]:
    yield request.param


def test_a_write_answered_while_the_daemon_stood_still_lands_and_is_told(
    live: LiveHost, pause: Callable[[float], None]
) -> None:
    async def work(client: LiveClient) -> tuple[int, int, int]:
        writing = asyncio.create_task(client.write(ClipWrite(1, 2, 4.0, "Bass", NOTES)))
        while protocol.RS_WRITE_CLIP not in client.waiting_for():
            await asyncio.sleep(0)  # until the write has left
        pause(PAUSE_S)
        return await writing

    assert with_client(live.port, work) == (1, 2, 8)
    assert len(live.clip_notes(1, 2)) == 8


def test_a_live_that_does_not_answer_is_still_reported_after_two_seconds_of_the_daemon_running() -> None:
    """The daemon stood still for 2.5 s right after the write left, then ran: the clear error comes
    after 2 s more (the standstill counted as the moment it was due), not at once and not never."""

    async def work(client: LiveClient) -> tuple[int, int, int]:
        writing = asyncio.create_task(client.write(ClipWrite(0, 0, 4.0, "Bass", NOTES)))
        while protocol.RS_WRITE_CLIP not in client.waiting_for():
            await asyncio.sleep(0)
        loop_blocked(PAUSE_S)
        return await writing

    took = reported_after(work, rf"no answer to {protocol.RS_WRITE_CLIP} from .* within 2 s")
    assert PAUSE_S + 1.9 <= took < PAUSE_S + 3.0, (
        f"reported {took - PAUSE_S:.1f} s after the daemon ran again"
    )
