"""The daemon's side of the Remote Script: async requests over UDP, replies matched to requests.

/roo/live/* requests carry a request id that the reply repeats; common-grammar queries are matched
first-in first-out per address (the Remote Script answers each request exactly once, in order).
Pushed context changes are handed to ``on_context``. The reply types (``LiveContext``,
``ClipInfo``) live in ``bridge.live_replies`` and are re-exported here.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import time
from collections import deque
from collections.abc import Callable, Sequence
from typing import Any

from bridge import osc, protocol
from bridge.live_replies import ClipInfo, LiveContext, describe
from engines.errors import LiveError, LiveUnreachable, ProtocolError
from engines.music import Note

__all__ = ["DEFAULT_TIMEOUT_S", "ClipInfo", "LiveClient", "LiveContext", "describe"]

log = logging.getLogger(__name__)
DEFAULT_TIMEOUT_S = 2.0


def _blob(notes: Sequence[Note]) -> tuple[bytes, ...]:
    """The notes as one NOTE_RECORD blob argument, or no argument for no notes (python-osc cannot
    send an empty blob)."""
    if len(notes) > protocol.MAX_NOTES_PER_MESSAGE:
        raise ProtocolError(
            f"{len(notes)} notes do not fit one message: at most {protocol.MAX_NOTES_PER_MESSAGE} per clip"
        )
    return (protocol.pack_notes([n.as_tuple() for n in notes]),) if notes else ()


class _Protocol(asyncio.DatagramProtocol):
    def __init__(self, client: LiveClient) -> None:
        self.client = client

    def datagram_received(self, data: bytes, addr: tuple[str, int]) -> None:
        self.client._received(data)

    def error_received(self, exc: Exception) -> None:  # ICMP port unreachable when Live is absent
        log.debug("Live socket error: %s", exc)


class LiveClient:
    def __init__(self, host: str = protocol.HOST, port: int = protocol.LIVE_PORT) -> None:
        self.target = (host, port)
        self._transport: asyncio.DatagramTransport | None = None
        self._ids = itertools.count(1)
        self._by_id: dict[int, tuple[str, asyncio.Future[list[Any]]]] = {}
        self._by_address: dict[str, deque[asyncio.Future[list[Any]]]] = {}
        self.on_context: Callable[[LiveContext], None] | None = None
        self.bad_replies = 0
        self.on_round_trip: Callable[[str, float], None] | None = None  # address, seconds (metrics)

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        transport, _ = await loop.create_datagram_endpoint(
            lambda: _Protocol(self), local_addr=(protocol.HOST, 0)
        )
        self._transport = transport

    def close(self) -> None:
        if self._transport is not None:
            self._transport.close()
        for _, fut in self._by_id.values():
            fut.cancel()

    def send(self, address: str, *args: Any) -> None:
        """Fire and forget (common-grammar commands that reply only on error)."""
        if self._transport is None:
            raise LiveUnreachable("the Live client is not started")
        self._transport.sendto(osc.encode(address, list(args)), self.target)

    async def request(self, address: str, *args: Any, timeout: float = DEFAULT_TIMEOUT_S) -> list[Any]:
        """A /roo/live/* request; returns the reply's values after the request id."""
        req = next(self._ids)
        fut: asyncio.Future[list[Any]] = asyncio.get_running_loop().create_future()
        self._by_id[req] = (address, fut)
        started = time.perf_counter()
        try:
            self.send(address, req, *args)
            reply = await self._wait(fut, address, timeout)
            if self.on_round_trip is not None:
                self.on_round_trip(address, time.perf_counter() - started)
            return reply
        finally:
            self._by_id.pop(req, None)

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
        try:
            return await asyncio.wait_for(fut, timeout)
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
        if address == protocol.RS_CONTEXT_PUSH:
            if self.on_context is not None and args:
                self.on_context(LiveContext.from_args(args[1:]))
            return
        if address == protocol.LIVE_ERROR:
            self._fail(args)
            return
        if args and isinstance(args[0], int) and args[0] in self._by_id:
            want, fut = self._by_id[args[0]]
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

    # --- typed calls -----------------------------------------------------------------------
    async def context(self, timeout: float = DEFAULT_TIMEOUT_S) -> LiveContext:
        return LiveContext.from_args(await self.request(protocol.RS_CONTEXT_GET, timeout=timeout))

    async def listen_context(self) -> None:
        await self.request(protocol.RS_CONTEXT_LISTEN)

    async def write_clip(
        self, track: int, slot: int, length_beats: float, name: str, notes: Sequence[Note], replace: bool
    ) -> tuple[int, int, int]:
        """Write a whole MIDI clip in one main-thread step; returns (track, slot, note count)."""
        reply = await self.request(
            protocol.RS_WRITE_CLIP, track, slot, float(length_beats), name, int(replace), *_blob(notes)
        )
        return int(reply[0]), int(reply[1]), int(reply[2])

    async def write_arrangement_clip(
        self, track: int, start_beats: float, length_beats: float, name: str, notes: Sequence[Note]
    ) -> tuple[int, float, int]:
        """Write a MIDI clip into the arrangement at start_beats (Live 12.1.10+); returns
        (track, start_beats, note count)."""
        reply = await self.request(
            protocol.RS_WRITE_ARRANGEMENT_CLIP,
            track,
            float(start_beats),
            float(length_beats),
            name,
            *_blob(notes),
        )
        return int(reply[0]), float(reply[1]), int(reply[2])

    async def import_audio(
        self, track: int, slot: int, path: str, name: str, warp: bool, tempo_bpm: float
    ) -> tuple[int, int]:
        reply = await self.request(
            protocol.RS_IMPORT_AUDIO, track, slot, path, name, int(warp), float(tempo_bpm)
        )
        return int(reply[0]), int(reply[1])

    async def copy_timing(
        self, src_track: int, src_slot: int, dst_track: int, dst_slot: int
    ) -> tuple[int, int]:
        """Give the audio clip at dst the warping, warp markers, markers and loop of the one at src.

        Both files must have the same length in samples (a stem and its source); returns (track, slot).
        """
        reply = await self.request(protocol.RS_COPY_TIMING, src_track, src_slot, dst_track, dst_slot)
        return int(reply[0]), int(reply[1])

    async def create_tracks(self, kind: str, after_track: int, names: Sequence[str]) -> int:
        reply = await self.request(protocol.RS_CREATE_TRACKS, kind, after_track, *names)
        return int(reply[0])

    async def clip_info(self, track: int, slot: int) -> ClipInfo:
        reply = await self.request(protocol.RS_CLIP_INFO, track, slot)
        return ClipInfo(*reply[2:])

    async def clip_info_at(self, track: int, slot: int, arrangement: bool) -> tuple[int, int, ClipInfo]:
        """(track, slot, info) of a session clip or, with arrangement, an arrangement clip by index
        (-1 / -1: the one in Live's Clip View); the reply names the clip actually read."""
        reply = await self.request(protocol.RS_CLIP_INFO, track, slot, int(arrangement))
        return int(reply[0]), int(reply[1]), ClipInfo(*reply[2:])

    async def write_warp_markers(
        self,
        track: int,
        slot: int,
        arrangement: bool,
        markers: Sequence[tuple[float, float]],
        *,
        start_beats: float,
        end_beats: float,
        loop_start_beats: float,
        loop_end_beats: float,
    ) -> int:
        """Warp an audio clip with (sample seconds, beats) markers, its start/end markers and loop
        in one main-thread step and undo step; returns the marker count Live took."""
        if not 2 <= len(markers) <= protocol.MAX_WARP_MARKERS_PER_MESSAGE:
            raise ProtocolError(
                f"{len(markers)} warp markers: expected 2..{protocol.MAX_WARP_MARKERS_PER_MESSAGE} per clip"
            )
        reply = await self.request(
            protocol.RS_WRITE_WARP_MARKERS,
            track,
            slot,
            int(arrangement),
            float(start_beats),
            float(end_beats),
            float(loop_start_beats),
            float(loop_end_beats),
            protocol.pack_warp_markers([(float(s), float(b)) for s, b in markers]),
        )
        return int(reply[2])

    async def name_scene(self, scene: int, name: str) -> None:
        await self.request(protocol.RS_NAME_SCENE, scene, name)

    async def set_context(self, **values: Any) -> None:
        args: list[Any] = []
        for name, value in values.items():
            if name not in protocol.SETTABLE_CONTEXT:
                raise ProtocolError(
                    f"context field {name!r} cannot be set: expected one of {protocol.SETTABLE_CONTEXT}"
                )
            args += [name, value]
        await self.request(protocol.RS_SET_CONTEXT, *args)
