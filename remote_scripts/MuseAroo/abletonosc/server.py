"""The compatibility server: AbletonOSC's grammar on its own UDP port, drained on Live's main thread.

It listens on 127.0.0.1:11000 and answers to port 11001 of the sender's host, as AbletonOSC
does, except to a sender that asked to be answered on its own port (``/live/api/reply_to_sender``,
MuseAroo's addition): each such client gets its own replies, so any number share one Live. The surface drains it on the same 10 ms timer tick as MuseAroo's own socket, so a query
is answered within one tick and a listener sends within one tick of the change (Live calls it
as the change happens). Nothing a handler or Live raises escapes: the client gets
``/live/error`` ("Error handling OSC message: <reason>", AbletonOSC's text) and the log gets
the address, the arguments and the detail. A busy port (AbletonOSC itself loaded too) is
retried about once a second.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from ..osc_io import OscSocket
from . import grammar
from .api import ApiHandlers
from .browser import BrowserHandlers
from .chain import ChainHandlers
from .clip import ClipHandlers
from .clip_slot import ClipSlotHandlers
from .core import Listening, NotApplicable, OutOfRange
from .device import DeviceHandlers
from .rack import RackHandlers
from .scene import SceneHandlers
from .simpler import SimplerHandlers
from .song import SongHandlers
from .track import TrackHandlers
from .view import ViewHandlers
from .wildcard import expand
from .wire import decode, encode

if TYPE_CHECKING:
    from .core import Address, Handler

HOST = "127.0.0.1"  # loopback only
REBIND_TICKS = 100


MIDI_MAP_REFUSED = (
    "/live/midimap/map_cc is not offered by MuseAroo's AbletonOSC mode: the Remote Script has no MIDI "
    "ports of its own to map a CC from; map the parameter with Live's MIDI Map mode instead"
)
RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024  # requests wait here while Live's main thread is busy


class AbletonOSC:
    def __init__(
        self,
        song: Any,
        log: Callable[[str], None],
        port: int,
        reply_port: int,
        show: Callable[[str], None] | None = None,
    ) -> None:
        self.song = song
        self._log = log
        self.api = ApiHandlers(show or (lambda text: None))
        self.requested_port = port
        self.reply_port = reply_port
        self.socket: OscSocket | None = None
        self.requests = 0
        self.errors = 0
        self._rebind_in = 0
        self.own_port: dict[Address, None] = {}  # senders answered on their own port, oldest first
        self.listening = Listening(self.send, lambda text: self.log(text, "error"))
        self.handlers: dict[str, Handler] = self.api.handlers()
        for part in (
            SongHandlers,
            TrackHandlers,
            ClipSlotHandlers,
            ClipHandlers,
            SceneHandlers,
            ViewHandlers,
            DeviceHandlers,
            RackHandlers,
            SimplerHandlers,
            BrowserHandlers,
        ):
            self.handlers.update(part(song, self.listening).handlers())
        self.handlers.update(ChainHandlers(song, self.listening, self.client_error).handlers())
        self.handlers["/live/midimap/map_cc"] = self.refuse_midi_map
        self.bind()

    @property
    def port(self) -> int:
        return self.socket.port if self.socket is not None else self.requested_port

    def log(self, text: str, level: str = "info") -> None:
        if self.api.logs(level):
            self._log("AbletonOSC mode: " + text)

    def bind(self) -> bool:
        try:
            self.socket = OscSocket(HOST, self.requested_port)
        except OSError as exc:
            self.socket = None
            self._rebind_in = REBIND_TICKS
            self.log(
                f"cannot listen on UDP {HOST}:{self.requested_port} ({exc}): is AbletonOSC itself loaded "
                "as a control surface? Retrying",
                "error",
            )
            return False
        self.socket.grow_receive_buffer(RECEIVE_BUFFER_BYTES)
        self.log(
            f"serving AbletonOSC's grammar on UDP {HOST}:{self.socket.port}, replies to port {self.reply_port}"
        )
        self.send((HOST, self.reply_port), grammar.STARTUP, ())  # as AbletonOSC announces its start
        return True

    def tick(self) -> None:
        if self.socket is None:
            self._rebind_in -= 1
            if self._rebind_in <= 0:
                self.bind()
            return
        self.socket.drain(self._datagram, self.log)

    def close(self) -> None:
        self.listening.stop_all()
        if self.socket is not None:
            self.socket.close()
            self.socket = None

    def send(self, to: Address, address: str, args: Sequence[Any]) -> None:
        if self.socket is None:
            return
        try:
            self.socket.sock.sendto(encode(address, args), to)
        except OSError as exc:
            self.errors += 1
            self.log(f"cannot send {address} to {to[0]}:{to[1]}: {exc}", "error")

    def refuse_midi_map(self, args: Sequence[Any], to: Address) -> None:
        raise NotImplementedError(MIDI_MAP_REFUSED)

    def _datagram(self, data: bytes, sender: Address) -> None:
        to = sender if sender in self.own_port else (sender[0], self.reply_port)
        try:
            messages = decode(data)
        except Exception as exc:  # python-osc raises ParseError, struct/index/unicode errors
            self._error(to, "?", (), f"malformed OSC packet of {len(data)} bytes", str(exc))
            return
        for address, args in messages:
            if address == grammar.REPLY_HERE:
                to = self.reply_here(sender)
                continue
            self.dispatch(to, address, args)

    def reply_here(self, sender: Address) -> Address:
        """Answer ``sender`` on its own port from now on (and say so there, with the port)."""
        self.own_port.pop(sender, None)
        self.own_port[sender] = None
        while len(self.own_port) > grammar.MAX_OWN_PORT_SENDERS:
            del self.own_port[next(iter(self.own_port))]
        self.send(sender, grammar.REPLY_HERE, (sender[1],))
        return sender

    def dispatch(self, to: Address, address: str, args: Sequence[Any]) -> None:
        self.requests += 1
        try:
            calls = expand(self.handlers, self.song, address, args)
        except Exception as exc:  # never into Live, whatever the address holds
            self._error(to, address, args, grammar.ERROR_PREFIX + str(exc), type(exc).__name__)
            return
        if calls is None:
            self._error(to, address, args, f"Unknown OSC address: {address}", "")
            return
        skipped: list[str] = []
        for matched, handler, call_args, quiet in calls:
            try:
                reply = handler(call_args, to)
            except NotApplicable as exc:  # AbletonOSC answers None; we say why first
                if not quiet:
                    self._error(to, matched, call_args, grammar.ERROR_PREFIX + str(exc), "")
                self.send(to, matched, exc.reply)
            except OutOfRange as exc:
                self._error(to, matched, call_args, grammar.ERROR_PREFIX + str(exc), exc.detail)
            except Exception as exc:  # Live raised, or the arguments do not fit: never into Live
                if quiet and isinstance(exc, (ValueError, AttributeError)):
                    skipped.append(f"{matched}: {exc}")  # as AbletonOSC, a wildcard skips these
                    continue
                self._error(to, matched, call_args, grammar.ERROR_PREFIX + str(exc), type(exc).__name__)
            else:
                if reply is not None:
                    self.send(to, matched, reply)
        if skipped and len(skipped) == len(calls):  # every match was skipped: say so, never silence
            reason = f"no address matching {address} took these arguments ({skipped[0]})"
            self._error(to, address, args, grammar.ERROR_PREFIX + reason, "")

    def client_error(self, to: Address, reason: str) -> None:
        """/live/error for a request that is still answered on its own address (e.g. insert_device's -1)."""
        self._error(to, "", (), grammar.ERROR_PREFIX + reason, "")

    def _error(self, to: Address, address: str, args: Sequence[Any], message: str, detail: str) -> None:
        self.errors += 1
        self.log(f"error {self.errors}: {address} {list(args)[:8]}: {message} {detail}".rstrip(), "error")
        self.send(to, grammar.ERROR, (message,))
