"""The control surface Live talks to: owns the socket, the 10 ms timer and the dispatch table.

Each Timer tick drains every pending datagram, notes the cancels among them (``cancels``: a
request cancelled in the same tick never runs), then answers them in order; nothing raised by a handler or
by Live escapes into Live (a Timer stops on an exception): it is answered on /live/error,
logged through c_instance.log_message and counted. Without Live.Base.Timer (Live 10) the
socket is polled from update_display, about every 100 ms.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import Live

from . import abletonosc
from . import roo_protocol as protocol
from .application import ApplicationHandler
from .arrangement import ArrangementHandler
from .automation import AutomationHandler
from .cancels import Cancels
from .clip import ClipHandler
from .clip_slot import ClipSlotHandler
from .cues import CueHandler
from .osc_io import OscSocket, address_hint, decode, encode
from .request import Request, RequestError
from .roo import RooHandler
from .roo_context import ContextHandler
from .roo_data import DataHandler
from .roo_parts import Outgoing, Parts, whole_message
from .roo_read import ReadHandler
from .roo_set import set_identity
from .song import SongHandler
from .transcribed import TranscribedHandler
from .warp_clip import WarpHandler

if TYPE_CHECKING:
    from .osc_io import Address

    Handler = Callable[[Request], Sequence[Any] | None]

PORT_ENV = "MUSEAROO_LIVE_PORT"
TICK_MS = 10
REBIND_TICKS = 100  # retry a busy port about once a second
# port -> the context's listeners when its instance disconnected: Live keeps this module loaded and
# makes a new instance for every Set it opens, which pushes its snapshot to them at once
_LISTENERS_BEFORE: dict[int, list[tuple[str, int]]] = {}


class MuseAroo:
    def __init__(self, c_instance: Any) -> None:
        self._c = c_instance
        self.song: Live.Song.Song = c_instance.song()
        self.errors = 0
        self.requests = 0
        self.socket: OscSocket | None = None
        self._requested_port = int(os.environ.get(PORT_ENV, protocol.LIVE_PORT))
        self._rebind_in = 0
        roo = RooHandler(self.song)
        read = ReadHandler(self.song)
        self.set_id = set_identity(self.song, self.log)
        self.context = ContextHandler(self.song, self.send, roo.write_clip, read.reading, self.set_id)
        self.handlers: dict[str, Handler] = {}
        for part in (
            SongHandler(self.song),
            ClipSlotHandler(self.song),
            ClipHandler(self.song),
            roo,
            read,
            ArrangementHandler(self.song),
            AutomationHandler(self.song),
            CueHandler(self.song),
            DataHandler(self.song),
            WarpHandler(self.song),
            TranscribedHandler(self.song),
            ApplicationHandler(),
        ):
            self.handlers.update(part.handlers())
        self.handlers.update(self.context.handlers())
        self.cancels = Cancels()
        self.handlers[protocol.RS_CANCEL] = self.cancels.cancel
        self.parts, self.outgoing = Parts(), Outgoing()
        self.handlers[protocol.RS_PART] = self._part
        self._bind()
        self.context.carry(_LISTENERS_BEFORE.pop(self.port, []))  # the Set opened before this one's clients
        self.abletonosc: abletonosc.AbletonOSC | None = None
        try:
            self.abletonosc = abletonosc.start(
                os.path.dirname(os.path.abspath(__file__)), self.song, self.log, self._c.show_message
            )
        except Exception as exc:  # the compatibility mode must never keep MuseAroo from loading
            self._count(f"AbletonOSC mode failed to start: {type(exc).__name__}: {exc}")
        timer_class = getattr(Live.Base, "Timer", None)
        self._timer: Any = None
        if timer_class is not None:
            self._timer = timer_class(callback=self._tick, interval=TICK_MS, repeat=True)
            self._timer.start()
        else:
            self.log("Live.Base.Timer is missing in this Live: polling on the display tick (~100 ms)")

    # --- what tests and the host read ---------------------------------------------------------
    @property
    def port(self) -> int:
        return self.socket.port if self.socket is not None else self._requested_port

    @property
    def listening(self) -> bool:
        return self.socket is not None

    # --- Live's control-surface interface ---------------------------------------------------
    def disconnect(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        _LISTENERS_BEFORE[self.port] = list(self.context.listeners)
        self.context.disconnect()
        if self.abletonosc is not None:
            self.abletonosc.close()
        if self.socket is not None:
            self.socket.close()
            self.socket = None
        self.log(f"disconnected after {self.requests} requests, {self.errors} errors")

    def update_display(self) -> None:
        if self._timer is None or not self._timer.running:
            self._tick()  # the fallback poll, also after a timer was stopped by Live

    def refresh_state(self) -> None:
        pass

    def build_midi_map(self, midi_map_handle: Any) -> None:
        pass

    def receive_midi(self, midi_bytes: Any) -> None:
        pass

    def connect_script_instances(self, instanciated_scripts: Any) -> None:
        pass

    def can_lock_to_devices(self) -> bool:
        return False

    def suggest_input_port(self) -> str:
        return ""

    def suggest_output_port(self) -> str:
        return ""

    # --- socket -------------------------------------------------------------------------------
    def _bind(self) -> None:
        try:
            self.socket = OscSocket(protocol.HOST, self._requested_port)
        except OSError as exc:
            self.socket = None
            self._rebind_in = REBIND_TICKS
            self.log(f"cannot listen on UDP {protocol.HOST}:{self._requested_port} ({exc}); retrying")
            return
        self.log(f"listening on UDP {protocol.HOST}:{self.socket.port}")
        self._c.show_message(f"MuseAroo: listening on UDP port {self.socket.port}")

    def _tick(self) -> None:
        try:
            if self.abletonosc is not None:
                self.abletonosc.tick()
            if self.socket is None:
                self._rebind_in -= 1
                if self._rebind_in <= 0:
                    self._bind()
                return
            batch: list[tuple[bytes, Address]] = []
            self.socket.drain(lambda data, sender: batch.append((data, sender)), self.log)
            messages = [(sender, m) for data, sender in batch for m in self._decode(data, sender)]
            for sender, (address, args) in messages:  # a cancel read this tick wins over its request
                self.cancels.note(sender, address, args)
            for sender, (address, args) in messages:
                self._dispatch(sender, address, args)
            self.outgoing.flush(self._send_data)  # a long reply's next parts
            for sender, address, message, req in self.parts.expire():
                self._error(sender, address, message, req)
            self.context.tick()
        except Exception as exc:  # nothing may escape into Live: a Timer stops on an exception
            self._count(f"tick failed: {type(exc).__name__}: {exc}")

    def send(self, to: Address, address: str, args: Sequence[Any]) -> None:
        self._send_data(to, address, encode(address, args))

    # --- dispatch -------------------------------------------------------------------------------
    def _decode(self, data: bytes, sender: Address) -> list[tuple[str, list[Any]]]:
        try:
            return decode(data)
        except Exception as exc:  # python-osc raises ParseError, struct/index/unicode errors
            self._error(
                sender,
                address_hint(data),
                f"malformed OSC packet of {len(data)} bytes ({type(exc).__name__}: {exc}): "
                "expected an OSC message or bundle",
                None,
            )
            return []

    def _dispatch(self, sender: Address, address: str, args: Sequence[Any]) -> None:
        self.requests += 1
        req = args[0] if address.startswith("/roo/live/") and args else None
        if req is not None and self.cancels.refuses(sender, address, args):
            self.send(sender, protocol.RS_CANCELLED, [req])  # cancelled before it ran: nothing done
            return
        handler = self.handlers.get(address)
        if handler is None:
            close = difflib.get_close_matches(address, list(self.handlers), n=1)
            hint = f"did you mean {close[0]}?" if close else "see roo_protocol.py for the addresses"
            self._error(sender, address, f"unknown address {address!r}: {hint}", req)
            return
        try:
            reply = handler(Request(address, args, sender))
        except RequestError as exc:
            self._error(sender, address, str(exc), req)
        except Exception as exc:  # Live raised (RuntimeError, ArgumentError, LimitationError ...)
            self._error(sender, address, f"Live raised {type(exc).__name__}: {exc}", req)
        else:
            if reply is not None:
                self._answer(sender, address, reply, req)

    def _answer(self, sender: Address, address: str, reply: Sequence[Any], req: Any) -> None:
        """Send a request's reply: a /roo/live/* one longer than a datagram (a clip of more notes than
        one holds, read back) in RS_PART parts, a few each tick; any other too long is answered on
        /live/error saying so, instead of never."""
        least = 5 * len(reply)  # an argument's 4 bytes and type tag at least: refused unencoded if too many
        data = b"" if req is None and least > protocol.MAX_DATAGRAM_BYTES else encode(address, reply)
        if data and len(data) <= protocol.MAX_DATAGRAM_BYTES:
            self._send_data(sender, address, data)
            return
        count = -(-len(data) // protocol.PART_BYTES)
        if req is None or count > protocol.MAX_PARTS:
            why = f"and more than {protocol.MAX_PARTS} parts carry" if req is not None else (
                f"(a clip's notes are read on this address up to {protocol.MAX_NOTES_PER_MESSAGE:,})")  # fmt: skip
            size = f"{len(data) or least:,} bytes{'' if data else ' at least'}, more than one datagram holds "
            size += f"({protocol.MAX_DATAGRAM_BYTES:,})"
            self._error(sender, address, f"the answer is {size} {why}", req)
            return
        self.outgoing.queue(sender, address, req, data)  # sent from the end of this tick on

    def _send_data(self, to: Address, address: str, data: bytes) -> None:
        if self.socket is None:
            return
        try:
            self.socket.send_data(to, data)
        except OSError as exc:
            self._count(f"cannot send {address} to {to[0]}:{to[1]}: {exc}")

    def _part(self, request: Request) -> Sequence[Any] | None:
        """One part of a request longer than a datagram (``roo_parts``): answered with its index until
        the last, which runs the whole request here, answered as if it had come in one datagram."""
        whole = self.parts.take(request)
        req, index, count = request.args[:3]
        if whole is None:
            return (req, index, count)
        try:
            decoded = decode(whole)
        except Exception as exc:  # python-osc raises ParseError, struct/index/unicode errors
            raise RequestError(
                f"the {count} parts of request {req!r} ({len(whole)} bytes) are not one OSC message "
                f"({type(exc).__name__}: {exc}): nothing run"
            ) from exc
        address, args = whole_message(decoded, req)
        self._dispatch(request.sender, address, args)
        return None

    def _error(self, sender: Address, address: str, message: str, req: Any) -> None:
        self._count(f"{address or '?'} from {sender[0]}:{sender[1]}: {message}")
        args: list = [address, message]
        if req is not None:
            args.append(req)
        self.send(sender, protocol.LIVE_ERROR, args)

    def _count(self, text: str) -> None:
        self.errors += 1
        self.log(f"error {self.errors}: {text}")

    def log(self, text: str) -> None:
        self._c.log_message("MuseAroo: " + text)
