"""The daemon's side of the Remote Script: async requests over UDP, replies matched to requests.

/roo/live/* requests carry a request id that the reply repeats; common-grammar queries are matched
first-in first-out per address (the Remote Script answers each request exactly once, in order).
A write whose caller is cancelled while it is on its way asks Live not to run it (RS_CANCEL) and
waits for what Live did: refused (the cancellation goes on) or run (its reply is returned, so what
landed is recorded; ``bridge.live.cancel``). Pushed context versions are kept (``pushed``,
``pushed_seq``) and handed to ``on_context``; the selected clip Live pushes is kept as if read and
handed to ``on_reading``. The typed calls are in ``bridge.live.calls``, ``bridge.live.sources``
and ``bridge.live.writes`` (the one ``write`` of a MIDI clip); the reply types (``LiveContext``,
``ClipInfo``) in ``bridge.live.replies``; all are re-exported here.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from bridge import osc, protocol
from bridge.live import cancel as live_cancel
from bridge.live.calls import DEFAULT_TIMEOUT_S, LiveCalls
from bridge.live.envelopes import LiveEnvelopes
from bridge.live.heard import heard
from bridge.live.parts import PartSends, with_room_for_parts
from bridge.live.replies import ClipInfo, LiveContext, describe
from bridge.live.sources import Reading, SourceCalls, StaleSource
from bridge.live.transcribed import TranscribeCalls
from bridge.live.writes import SLOT_WRITES, ClipWrite, ClipWrites, Expect, StaleContext
from engines.errors import LiveError, LiveUnreachable, ProtocolError

__all__ = [
    "DEFAULT_TIMEOUT_S",
    "ClipInfo",
    "ClipWrite",
    "Expect",
    "LiveClient",
    "LiveContext",
    "Reading",
    "StaleContext",
    "StaleSource",
    "describe",
]

log = logging.getLogger(__name__)


class _Protocol(asyncio.DatagramProtocol):
    def __init__(self, client: LiveClient) -> None:
        self.client = client

    def datagram_received(self, data: bytes, addr: tuple[str, int]) -> None:
        self.client._received(data)

    def error_received(self, exc: Exception) -> None:  # ICMP port unreachable when Live is absent
        log.debug("Live socket error: %s", exc)


class LiveClient(SourceCalls, LiveCalls, LiveEnvelopes, ClipWrites, TranscribeCalls, PartSends):
    def __init__(self, host: str = protocol.HOST, port: int = protocol.LIVE_PORT) -> None:
        self.target = (host, port)
        self._transport: asyncio.DatagramTransport | None = None
        self._ids = itertools.count(1)
        self._by_id: dict[int, tuple[str, asyncio.Future[list[Any]]]] = {}
        self._by_address: dict[str, deque[asyncio.Future[list[Any]]]] = {}
        self._reply_parts: dict[int, list[bytes]] = {}  # req -> the parts of its reply come so far
        self.on_context: Callable[[LiveContext], None] | None = None
        self.bad_replies = 0
        self.pushed: LiveContext | None = None  # the context Live pushed last, with its sequence number
        self.pushed_seq = -1
        self.slots: dict[int, str] = {}  # track -> its clip slots' fill state ("1"/"0" top down), pushed
        self.track_list: list[tuple[str, bool]] | None = None  # each track's name and is_midi, pushed
        self.readings: dict[tuple[int, int], Reading] = {}  # source clips read, kept (bridge.live.sources)
        self.notes_at: dict[tuple[int, int], int] = {}  # a slot's notes last seen (a read waits for them)
        self.on_reading: Callable[[Reading], None] | None = None  # a MIDI clip Live pushed (the selected one)
        # track, slot, filled: Live pushed it (slot -1: the track's arrangement clips changed)
        self.on_slot: Callable[[int, int, bool], None] | None = None
        self.cancels_sent = 0  # writes asked not to run because their caller was cancelled
        self.written_after_cancel = 0  # of those, the ones Live had run when the cancel reached it
        self.lost_pushes = 0  # gaps noticed in the sequence (each answered by asking for a snapshot)
        self.on_round_trip: Callable[[str, float], None] | None = None  # address, seconds (metrics)
        self.set_id = ""  # the open Set's id and name, as Live pushed them ("": not known yet)
        self.set_name = ""
        self.on_set: Callable[[str, str], None] | None = None  # another Set opened: its id and name

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        transport, _ = await loop.create_datagram_endpoint(
            lambda: _Protocol(self), local_addr=(protocol.HOST, 0)
        )
        self._transport = with_room_for_parts(transport)

    def close(self) -> None:
        if self._transport is not None:
            self._transport.close()
        for _, fut in self._by_id.values():
            fut.cancel()

    def waiting_for(self) -> list[str]:
        """The addresses of the /roo/live/* requests sent and not answered yet, oldest first."""
        return [address for address, _ in list(self._by_id.values())]  # a copy: callable from any thread

    def send(self, address: str, *args: Any) -> None:
        """Fire and forget (common-grammar commands that reply only on error)."""
        if self._transport is None:
            raise LiveUnreachable("the Live client is not started")
        self._transport.sendto(osc.encode(address, list(args)), self.target)

    async def request(
        self, address: str, *args: Any, timeout: float = DEFAULT_TIMEOUT_S, writes: bool = False
    ) -> list[Any]:
        """A /roo/live/* request; returns the reply's values after the request id, awaited ``timeout``
        plus a moment for each note it carries (``parts.reply_wait_s``). A request that ``writes`` into
        Live outlives its caller's cancellation until Live says whether it ran (``_after_cancel``)."""
        req = next(self._ids)
        fut: asyncio.Future[list[Any]] = asyncio.get_running_loop().create_future()
        self._by_id[req] = (address, fut)
        started = time.perf_counter()
        try:
            what, wait_s = await self._send_request(address, req, list(args), fut, timeout)  # .parts
            try:
                reply = await self._wait(asyncio.shield(fut) if writes else fut, what, wait_s)
            except asyncio.CancelledError:
                if not writes:
                    raise
                reply = await self._after_cancel(req, fut, address, max(wait_s, live_cancel.CANCEL_WAIT_S))
            if self.on_round_trip is not None:
                self.on_round_trip(address, time.perf_counter() - started)
            return reply
        finally:
            self._by_id.pop(req, None)
            self._reply_parts.pop(req, None)

    async def _after_cancel(
        self, req: int, fut: asyncio.Future[list[Any]], address: str, timeout: float
    ) -> list[Any]:
        """The caller was cancelled while its write was on its way: ask Live not to run it, and
        return its reply if Live had run it (``bridge.live.cancel``)."""
        self.send(protocol.RS_CANCEL, next(self._ids), req)
        self.cancels_sent += 1
        reply = await live_cancel.outcome(fut, address, timeout)
        self.written_after_cancel += 1
        return reply

    async def query(self, address: str, *args: Any, timeout: float = DEFAULT_TIMEOUT_S) -> list[Any]:
        """A common-grammar getter such as /live/song/get/tempo; returns the reply's values."""
        fut: asyncio.Future[list[Any]] = asyncio.get_running_loop().create_future()
        waiting = self._by_address.setdefault(address, deque())
        waiting.append(fut)
        try:
            self.send(address, *args)
            return await self._wait(fut, address, timeout)
        finally:
            if fut in waiting:
                waiting.remove(fut)

    async def _wait(self, fut: asyncio.Future[list[Any]], address: str, timeout: float) -> list[Any]:
        """The reply on ``fut``, awaited ``timeout`` s of the daemon running (``bridge.live.heard``)."""
        try:  # not wait_for: on 3.11 it returns a reply that came as its caller was cancelled, losing the cancel
            return await heard(fut, timeout)
        except TimeoutError as exc:
            host, port = self.target
            raise LiveUnreachable(
                f"no answer to {address} from Live's Remote Script at {host}:{port} within {timeout:g} s: "
                "is Live running with the MuseAroo control surface selected (or `roo sim`)?"
            ) from exc

    def _received(self, data: bytes) -> None:
        try:
            messages = list(osc.decode(data))
        except ProtocolError as exc:
            self.bad_replies += 1
            log.warning("dropped a bad packet from Live: %s", exc)
            return
        for address, args in messages:
            self._dispatch(address, args)

    def _dispatch(self, address: str, args: list[Any]) -> None:
        if address == protocol.RS_SET_PUSH:
            if len(args) >= 3:
                self._set_pushed(str(args[1]), str(args[2]))
            return
        if address == protocol.RS_CONTEXT_PUSH:
            if args:
                self._pushed(int(args[0]), LiveContext.from_args(args[1:]))
            return
        if address == protocol.RS_SLOTS_PUSH:
            if len(args) >= 3:
                track, old, new = int(args[1]), self.slots.get(int(args[1]), ""), str(args[2])
                self.slots[track] = new
                for slot in range(max(len(old), len(new))):  # a slot that filled or emptied
                    if old[slot : slot + 1] != new[slot : slot + 1]:
                        self.forget(track, slot)
                        if self.on_slot is not None and old[slot : slot + 1] and new[slot : slot + 1]:
                            self.on_slot(track, slot, new[slot] == "1")  # (a first push names no change)
            return
        if address == protocol.RS_ARRANGEMENT_PUSH:  # a track's arrangement clips changed: slot -1
            if len(args) >= 2 and self.on_slot is not None:
                self.on_slot(int(args[1]), -1, True)
            return
        if address == protocol.RS_TRACKS_PUSH:
            if args and len(args) % 2 == 1:
                self.track_list = [(str(args[i]), bool(int(args[i + 1]))) for i in range(1, len(args), 2)]
            return
        if address == protocol.RS_CLIP_PUSH:
            if len(args) >= 4:
                self.clip_pushed(int(args[1]), int(args[2]), args[3:])
            return
        if address == protocol.RS_STALE_SOURCE and args and args[0] in self._by_id:
            _, fut = self._by_id[args[0]]
            if not fut.done():
                fut.set_exception(self.stale_source(args[1:]))
            return
        if address == protocol.RS_STALE_CONTEXT and args and args[0] in self._by_id:
            seq, ctx = int(args[1]), LiveContext.from_args(args[2:])
            self._pushed(seq, ctx)
            _, fut = self._by_id[args[0]]
            if not fut.done():
                fut.set_exception(StaleContext(seq, ctx))
            return
        if address == protocol.RS_PART and len(args) == 4:  # a part of a reply longer than a datagram
            self._reply_part(args)
            return
        if address == protocol.LIVE_ERROR:
            self._fail(args)
            return
        if address == protocol.RS_CANCELLED and args and args[0] in self._by_id:
            _, fut = self._by_id[args[0]]
            if not fut.done():
                fut.set_exception(live_cancel.RefusedByCancel())
            return
        if args and isinstance(args[0], int) and args[0] in self._by_id:
            want, fut = self._by_id[args[0]]
            if want == address and address in SLOT_WRITES:
                self.wrote(address, args[1:])  # before what Live sent after it (bridge.live.writes)
            if want == address and not fut.done():
                fut.set_result(args[1:])
                return
        waiting = self._by_address.get(address)
        if waiting:
            fut = waiting.popleft()
            if not fut.done():
                fut.set_result(args)
            return
        log.debug("unsolicited reply %s %s", address, args[:4])

    def _pushed(self, seq: int, ctx: LiveContext) -> None:
        """Take a context version from Live; a gap in the versions means a push was lost: ask for a
        snapshot. (A lower version is a restarted Remote Script; an equal one was already here.)"""
        gap = self.pushed_seq >= 0 and seq > self.pushed_seq + 1
        known = seq == self.pushed_seq and ctx == self.pushed  # a write's reply repeats the version
        shape = (ctx.num_tracks, ctx.num_scenes)
        if self.pushed is None or shape != (self.pushed.num_tracks, self.pushed.num_scenes):
            self.readings.clear()  # tracks or scenes moved: a kept reading's indices may name another clip
        self.pushed, self.pushed_seq = ctx, seq
        for gone in [t for t in self.slots if t >= ctx.num_tracks]:
            del self.slots[gone]
        if gap:
            self.lost_pushes += 1
            log.info("context versions lost before %d: asking Live for a snapshot", seq)
            self.send(protocol.RS_CONTEXT_LISTEN, 0)  # answered by a full push; the reply is ignored
        if self.on_context is not None and not known:
            self.on_context(ctx)

    def _set_pushed(self, set_id: str, name: str) -> None:
        """Which Set is open. Another one: what was kept of the one before (readings, slots, tracks, its
        context) is dropped, so nothing of it is taken for the new Set's (the context is asked for until
        the new one's is pushed; its versions are no gap in the old one's), then ``on_set``."""
        if (set_id, name) == (self.set_id, self.set_name):
            return
        if set_id != self.set_id:
            self.readings.clear()
            self.slots.clear()
            self.track_list, self.pushed, self.pushed_seq = None, None, -1
        self.set_id, self.set_name = set_id, name
        if self.on_set is not None:
            self.on_set(set_id, name)

    def _fail(self, args: list[Any]) -> None:
        failed_address = str(args[0]) if args else "?"
        message = str(args[1]) if len(args) > 1 else "Live reported an error"
        error = LiveError(message)
        if len(args) > 2 and isinstance(args[2], int) and args[2] in self._by_id:
            _, fut = self._by_id[args[2]]
        else:
            pending = [f for a, f in self._by_id.values() if a == failed_address and not f.done()]
            waiting = self._by_address.get(failed_address)
            if pending:
                fut = pending[0]
            elif waiting:
                fut = waiting.popleft()
            else:
                log.warning("Live error for %s: %s", failed_address, message)
                return
        if not fut.done():
            fut.set_exception(error)
