"""Requests longer than one datagram, arriving in parts (/roo/live/part): kept until whole, then run.

A client cuts a /roo/live/* request's encoded OSC message (a clip of more notes than one datagram
holds) into parts and sends each after the one before was answered. Nothing of the request touches
Live before its last part came: then the surface decodes the whole message and runs it as if it had
come in one datagram, so a write is still one main-thread step and one undo step, and a request whose
parts go wrong leaves the Set as it was. A part out of order, twice, or of another count drops the
parts kept for its request; so does a part that does not come within PART_TIMEOUT_S of the one
before (``expire``, from the timer tick). Each is answered on /live/error naming the request and part.
A reply longer than one datagram goes back in parts the same way, PARTS_PER_TICK each tick (``Outgoing``).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from . import roo_protocol as protocol
from .osc_io import address_hint, encode
from .request import Request, RequestError
from .roo import request_id

if TYPE_CHECKING:
    Address = tuple[str, int]
    Key = tuple[Address, Any]

MAX_OPEN = 16  # requests in parts kept at once (all senders); a seventeenth drops the oldest
# a long reply's parts sent per timer tick (about 130 kB each 10 ms): a client whose socket queues
# only 208 kB (Linux's default) loses none of a reply's parts while it reads them
PARTS_PER_TICK = 2


class _Partial:
    def __init__(self, address: str, count: int, deadline: float) -> None:
        self.address = address  # the whole request's address, read from its first part
        self.count = count
        self.chunks: list[bytes] = []
        self.deadline = deadline


class Parts:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._open: dict[Key, _Partial] = {}
        self.timeout_s = protocol.PART_TIMEOUT_S

    def take(self, request: Request) -> bytes | None:
        """Keep one part; the whole message's bytes when it was the last one, else None.
        Raises RequestError (the parts kept for its request dropped) for a part that does not fit."""
        request.expect_count(4, 4, "req, index, count, chunk blob")
        req = request_id(request)
        count = request.int_at(2, "count", 2, protocol.MAX_PARTS)
        index = request.int_at(1, "index", 0, count - 1)
        chunk = request.blob_at(3, "chunk")
        key = (request.sender, req)
        kept = self._open.pop(key, None)
        what = f"{kept.address if kept else address_hint(chunk) or 'request'} {req!r}"
        if index == 0:
            if kept is not None:
                raise RequestError(
                    f"{what}: part 1 of {count} came twice: its parts were dropped, nothing run"
                )
            kept = _Partial(address_hint(chunk), count, 0.0)
            self._make_room()
        elif kept is None:
            raise RequestError(
                f"{what}: part {index + 1} of {count} came with no part 1 before it (out of order, or after "
                "the parts were dropped or run): nothing run"
            )
        elif count != kept.count:
            raise RequestError(
                f"{what}: part {index + 1} says {count} parts, part 1 said {kept.count}: its parts were "
                "dropped, nothing run"
            )
        elif index != len(kept.chunks):
            when = "twice" if index < len(kept.chunks) else f"before part {len(kept.chunks) + 1}"
            raise RequestError(
                f"{what}: part {index + 1} of {count} came {when}: its parts were dropped, nothing run"
            )
        kept.chunks.append(chunk)
        if len(kept.chunks) == count:
            return b"".join(kept.chunks)
        kept.deadline = self._clock() + self.timeout_s
        self._open[key] = kept
        return None

    def _make_room(self) -> None:
        while len(self._open) >= MAX_OPEN:
            del self._open[next(iter(self._open))]  # the oldest; it fails as late when its next part comes

    def expire(self) -> list[tuple[Address, str, str, Any]]:
        """Drop the requests whose next part is late: (sender, address, message, req) of each."""
        now = self._clock()
        late = [(key, kept) for key, kept in self._open.items() if kept.deadline <= now]
        for key, _kept in late:
            del self._open[key]
        return [
            (
                sender,
                kept.address or protocol.RS_PART,
                f"{kept.address or 'request'} {req!r}: part {len(kept.chunks) + 1} of {kept.count} did not "
                f"come within {self.timeout_s:g} s of part {len(kept.chunks)}: its parts were dropped, "
                "nothing run",
                req,
            )
            for (sender, req), kept in late
        ]

    def pending(self) -> int:
        return len(self._open)


class Outgoing:
    """The parts of long replies still to send, oldest first, PARTS_PER_TICK at a time."""

    def __init__(self) -> None:
        self._queue: deque[tuple[Address, str, bytes]] = deque()

    def queue(self, to: Address, address: str, req: Any, data: bytes) -> None:
        count = -(-len(data) // protocol.PART_BYTES)
        for index in range(count):
            chunk = data[index * protocol.PART_BYTES : (index + 1) * protocol.PART_BYTES]
            self._queue.append((to, address, encode(protocol.RS_PART, [req, index, count, chunk])))

    def flush(self, send: Callable[[Address, str, bytes], None]) -> None:
        for _ in range(min(PARTS_PER_TICK, len(self._queue))):
            send(*self._queue.popleft())


def whole_message(decoded: Sequence[tuple[str, list[Any]]], req: Any) -> tuple[str, list[Any]]:
    """The one /roo/live/* request the parts of ``req`` make up; RequestError otherwise."""
    if len(decoded) != 1:
        raise RequestError(f"the parts of request {req!r} hold {len(decoded)} messages: expected one")
    address, args = decoded[0]
    if not address.startswith("/roo/live/") or address == protocol.RS_PART:
        raise RequestError(f"the parts of request {req!r} hold {address!r}: expected a /roo/live/* request")
    if not args or args[0] != req:
        got = args[0] if args else None
        raise RequestError(f"the parts of request {req!r} hold a request with id {got!r}: expected the same")
    return address, args
