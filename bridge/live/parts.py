"""Sending a request to the Remote Script: in one datagram when it fits (as always), else in parts.

A request longer than one datagram (a clip of more notes than MAX_NOTES_PER_MESSAGE) has its encoded
OSC message cut into PART_BYTES chunks, each sent as /roo/live/part after Live answered the one
before; Live keeps them and runs the request when the last one came, answered by the request's own
reply (one main-thread step, one undo step). Live answers a part that went wrong (out of order, twice,
lost: after PART_TIMEOUT_S) on /live/error naming it, and runs nothing (``remote_scripts/MuseAroo/
roo_parts.py``). A reply longer than one datagram (such a clip read back) comes as RS_PART parts,
two each timer tick: ``_reply_part`` joins them and reads the reply. Mixed into ``LiveClient``.

Live runs a request in time that grows with the notes it writes or reads (an object per note): its
reply is awaited its caller's timeout plus LIVE_S_PER_NOTE for each note's worth of bytes it carries
past SMALL_REQUEST_BYTES (``reply_wait_s``; a read, for each note its clip was last seen to hold:
``notes_wait_s``), so a big write or read is not given up on while Live runs it, and a small call to
a Live that is gone still fails after its caller's timeout.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from typing import Any

from bridge import osc, protocol
from engines.errors import LiveError, ProtocolError

log = logging.getLogger(__name__)
RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024  # a long reply's parts come at once: room to queue them
# Live's time per note written or read, twice the most measured: the in-memory Live took 25-110 us a
# note alone, 200 us on a loaded 2-core box (10,000 notes: 2 s, past a 2 s wait) and 1 ms with a thread
# beside it and the box 6 times over; Live builds the same object per note. A Live gone is still told
# in 6 s on a write in parts (its first part is answered at once), in 2 s + 2 ms a note on a smaller one.
LIVE_S_PER_NOTE = 0.002
SMALL_REQUEST_BYTES = 1024  # a request this long or shorter (about 50 notes) waits its caller's timeout


def chunks_of(address: str, data: bytes) -> list[bytes]:
    """The parts an encoded request travels in; refused beyond MAX_PARTS."""
    chunks = [data[i : i + protocol.PART_BYTES] for i in range(0, len(data), protocol.PART_BYTES)]
    if len(chunks) > protocol.MAX_PARTS:
        raise ProtocolError(
            f"{address}: a request of {len(data):,} bytes needs {len(chunks)} parts: expected at most "
            f"{protocol.MAX_PARTS} ({protocol.MAX_NOTES_PER_WRITE:,} notes in one write)"
        )
    return chunks


def notes_wait_s(timeout: float, notes: float) -> float:
    """How long to wait for Live to write or read ``notes`` notes, for a call sent with ``timeout``."""
    return round(timeout + notes * LIVE_S_PER_NOTE, 1)


def reply_wait_s(timeout: float, request_bytes: int) -> float:
    """How long to wait for the reply to a request of ``request_bytes``, sent with ``timeout``."""
    return notes_wait_s(timeout, max(0, request_bytes - SMALL_REQUEST_BYTES) / protocol.NOTE_RECORD.size)


def with_room_for_parts(transport: asyncio.DatagramTransport) -> asyncio.DatagramTransport:
    """The transport, its socket asked to queue RECEIVE_BUFFER_BYTES (the system may grant less)."""
    sock = transport.get_extra_info("socket")
    if sock is not None:
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, RECEIVE_BUFFER_BYTES)
        except OSError:
            log.debug("the Live client's receive buffer cannot grow")
    return transport


class PartSends:
    _by_id: dict[int, tuple[str, asyncio.Future[list[Any]]]]
    _reply_parts: dict[int, list[bytes]]

    def _dispatch(self, address: str, args: list[Any]) -> None:
        raise NotImplementedError

    def send(self, address: str, *args: Any) -> None:
        raise NotImplementedError

    async def _wait(self, fut: asyncio.Future[list[Any]], address: str, timeout: float) -> list[Any]:
        raise NotImplementedError

    async def _send_request(
        self, address: str, req: int, args: list[Any], fut: asyncio.Future[list[Any]], timeout: float
    ) -> tuple[str, float]:
        """Send request ``req`` (its reply awaited on ``fut``, registered under req). In parts, each part
        but the last waits for Live's answer under req; the last leaves ``fut`` registered there.
        Returns what to call the request in an error and how long to wait for its reply."""
        data = osc.encode(address, [req, *args])
        wait_s = reply_wait_s(timeout, len(data))
        what = address if wait_s == timeout else f"{address} of {len(data):,} bytes"
        if len(data) <= protocol.MAX_DATAGRAM_BYTES:
            self.send(address, req, *args)
            return what, wait_s
        chunks = chunks_of(address, data)
        # a lost part is answered by Live naming it once PART_TIMEOUT_S passed: wait past that
        part_wait_s = max(timeout, protocol.PART_TIMEOUT_S + 1.0)
        for index, chunk in enumerate(chunks):
            last = index == len(chunks) - 1
            ack: asyncio.Future[list[Any]] = fut if last else asyncio.get_running_loop().create_future()
            self._by_id[req] = (address if last else protocol.RS_PART, ack)  # what Live answers it on
            self.send(protocol.RS_PART, req, index, len(chunks), chunk)
            if not last:
                await self._wait(ack, f"{address} (part {index + 1} of {len(chunks)})", part_wait_s)
        return what, wait_s

    def _reply_part(self, args: list[Any]) -> None:
        """One part of a reply longer than a datagram (Live sends two each tick): kept until the
        last came, then the reply they make up is read as if it had come in one datagram."""
        req, index, count, chunk = args
        if req not in self._by_id:
            log.debug("a reply part for request %s, which nobody waits for", req)
            return
        kept = self._reply_parts.setdefault(req, [])
        if index != len(kept) or not isinstance(chunk, bytes):
            del self._reply_parts[req]
            _, fut = self._by_id[req]
            if not fut.done():
                fut.set_exception(
                    LiveError(
                        f"part {index + 1} of {count} of Live's answer came before part {len(kept) + 1}"
                    )
                )
            return
        kept.append(chunk)
        if len(kept) == count:
            for address, values in osc.decode(b"".join(self._reply_parts.pop(req))):
                self._dispatch(address, values)
