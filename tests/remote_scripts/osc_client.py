"""A small OSC-over-UDP client for the Remote Script tests (python-osc on a blocking socket)."""

from __future__ import annotations

import socket
from typing import Any

from pythonosc.osc_message import OscMessage
from pythonosc.osc_message_builder import OscMessageBuilder

from bridge import protocol


def build(address: str, *args: Any) -> bytes:
    builder = OscMessageBuilder(address)
    for arg in args:
        builder.add_arg(arg)
    return builder.build().dgram


class OscClient:
    """Sends to the Remote Script and reads what comes back to this client's own port."""

    # an answer that comes comes within a tick; 3 s was passed at load 12-14 on 2 cores (a 10,000-note
    # write answered late), so a wait is 15 s: a lost answer still fails, a test of none sets its own
    def __init__(self, port: int, timeout_s: float = 15.0) -> None:
        self.target = (protocol.HOST, port)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind((protocol.HOST, 0))
        self.sock.settimeout(timeout_s)

    @property
    def port(self) -> int:
        return int(self.sock.getsockname()[1])

    def send(self, address: str, *args: Any) -> None:
        self.sock.sendto(build(address, *args), self.target)

    def send_raw(self, data: bytes) -> None:
        self.sock.sendto(data, self.target)

    def receive(self) -> tuple[str, list[Any]]:
        data, _ = self.sock.recvfrom(65536)
        message = OscMessage(data)
        return message.address, list(message.params)

    def ask(self, address: str, *args: Any) -> list[Any]:
        """Send and return the reply's arguments; fails when the reply is an error or elsewhere."""
        self.send(address, *args)
        got, params = self.receive()
        assert got == address, f"expected a reply on {address}, got {got} {params}"
        return params

    def error(self, address: str, *args: Any) -> list[Any]:
        """Send a request that must fail and return the /live/error arguments."""
        self.send(address, *args)
        got, params = self.receive()
        assert got == protocol.LIVE_ERROR, f"expected {protocol.LIVE_ERROR}, got {got} {params}"
        return params

    def close(self) -> None:
        self.sock.close()


def error_of_raw(client: OscClient) -> str:
    """The message of the next datagram, which must be a /live/error."""
    got, params = client.receive()
    assert got == "/live/error", (got, params)
    return str(params[0])


def error_of(client: OscClient, address: str, *args: Any) -> str:
    """Send a request that must fail; the /live/error message."""
    client.send(address, *args)
    return error_of_raw(client)


def read_until(client: OscClient, address: str) -> list[tuple[str, list[Any]]]:
    """Every message up to and including the first one on address."""
    seen = [client.receive()]
    while seen[-1][0] != address:
        seen.append(client.receive())
    return seen
