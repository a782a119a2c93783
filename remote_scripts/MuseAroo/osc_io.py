"""The Remote Script's UDP socket: non-blocking, drained on Live's main thread, OSC in and out.

Replies go to whoever sent the request, so several clients can talk at once. Floats in
MuseAroo's own ``/roo/`` replies travel as 64-bit doubles; the common ``/live/`` grammar keeps
OSC's usual 32-bit floats. Booleans travel as ints 0|1.
"""

from __future__ import annotations

import errno
import socket
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from pythonosc.osc_bundle import OscBundle
from pythonosc.osc_message import OscMessage
from pythonosc.osc_message_builder import OscMessageBuilder

if TYPE_CHECKING:
    Address = tuple[str, int]
    Decoded = list[tuple[str, list[Any]]]

MAX_DATAGRAMS_PER_TICK = 10000  # a flood cannot hold Live's main thread for long
_INT32 = (-(2**31), 2**31 - 1)


def encode(address: str, args: Sequence[Any]) -> bytes:
    builder = OscMessageBuilder(address)
    double = address.startswith("/roo/")
    for value in args:
        if isinstance(value, bool):
            builder.add_arg(int(value), "i")
        elif isinstance(value, int):
            builder.add_arg(value, "i" if _INT32[0] <= value <= _INT32[1] else "h")
        elif isinstance(value, float):
            builder.add_arg(value, "d" if double else "f")
        elif isinstance(value, (bytes, bytearray)):
            builder.add_arg(bytes(value), "b")
        else:
            builder.add_arg(str(value), "s")
    return builder.build().dgram


def _flatten(bundle: OscBundle, out: Decoded) -> None:
    for content in bundle:
        if isinstance(content, OscBundle):
            _flatten(content, out)
        else:
            out.append((content.address, list(content.params)))


def decode(data: bytes) -> Decoded:
    """(address, args) of each message in a datagram; raises on anything that is not OSC."""
    if OscBundle.dgram_is_bundle(data):
        out: Decoded = []
        _flatten(OscBundle(data), out)  # timetags are ignored: everything runs now
        return out
    if OscMessage.dgram_is_message(data):
        message = OscMessage(data)
        return [(message.address, list(message.params))]
    raise ValueError("not an OSC message or bundle (expected '/' or '#bundle' first)")


def address_hint(data: bytes) -> str:
    """The address a broken datagram seems to carry ('' when none), for the error reply."""
    head = data.split(b"\0", 1)[0][:200]
    if head.startswith(b"/"):
        return head.decode("ascii", "replace")
    return ""


class OscSocket:
    def __init__(self, host: str, port: int) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try:
            self.sock.setblocking(False)
            self.sock.bind((host, port))
        except OSError:
            self.sock.close()
            raise
        self.port = int(self.sock.getsockname()[1])

    def grow_receive_buffer(self, size: int) -> int:
        """Ask the system to queue up to size bytes of requests while Live's main thread is busy
        (it may grant less: Linux caps it at net.core.rmem_max); returns the size granted."""
        try:
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, size)
        except OSError:
            pass
        return int(self.sock.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF))

    def drain(self, handle: Callable[[bytes, Address], None], on_error: Callable[[str], None]) -> int:
        """Hand every pending datagram to handle; returns how many there were."""
        count = 0
        while count < MAX_DATAGRAMS_PER_TICK:
            try:
                data, sender = self.sock.recvfrom(65536)
            except (BlockingIOError, InterruptedError):
                break
            except OSError as exc:
                # An earlier reply to a closed port comes back as ICMP: ECONNREFUSED on Linux,
                # WSAECONNRESET on Windows. It concerns that client only: keep reading.
                if exc.errno in (errno.ECONNREFUSED, errno.ECONNRESET, 10054):
                    on_error(f"a client went away before its reply arrived ({exc})")
                    continue
                raise
            count += 1
            handle(data, (str(sender[0]), int(sender[1])))
        return count

    def send(self, to: Address, address: str, args: Sequence[Any]) -> None:
        self.sock.sendto(encode(address, args), to)

    def send_data(self, to: Address, data: bytes) -> None:
        self.sock.sendto(data, to)

    def close(self) -> None:
        self.sock.close()
