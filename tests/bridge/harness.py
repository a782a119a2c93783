"""Run the real daemon on a background event loop and talk to it over real UDP."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from bridge import osc, protocol
from bridge.embedded import daemon_in_thread


class Client:
    """A plain UDP OSC client, as a device or script would be."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind((protocol.HOST, 0))

    def send(self, address: str, *args: Any, port: int | None = None) -> None:
        self.sock.sendto(osc.encode(address, list(args)), (protocol.HOST, port or self.port))

    def send_raw(self, data: bytes) -> None:
        self.sock.sendto(data, (protocol.HOST, self.port))

    def recv(self, timeout: float = 3.0) -> tuple[str, list[Any]]:
        self.sock.settimeout(timeout)
        data, _ = self.sock.recvfrom(65536)
        return next(osc.decode(data))

    def wait_for(self, address: str, timeout: float = 5.0) -> list[Any]:
        end = time.monotonic() + timeout
        while True:
            got, args = self.recv(max(0.01, end - time.monotonic()))
            if got == address:
                return args

    def wait_final(self, timeout: float = 10.0) -> list[Any]:
        """Collect /roo/status messages until a final state; returns that final status."""
        end = time.monotonic() + timeout
        while True:
            args = self.wait_for(protocol.STATUS, max(0.01, end - time.monotonic()))
            if args[1] in protocol.FINAL_STATES:
                return args

    def close(self) -> None:
        self.sock.close()


running_daemon = daemon_in_thread


@contextmanager
def daemon_client(live_port: int, **options: Any) -> Iterator[Client]:
    """The daemon on the in-memory Live at ``live_port`` and a client talking to it; both closed after."""
    with running_daemon(live_port=live_port, **options) as daemon:
        client = Client(daemon.port)
        try:
            yield client
        finally:
            client.close()


def open_another_set(live: Any, daemon: Any, desc: Any) -> str:
    """Open the Set ``desc`` in the in-memory Live and wait until the daemon hears its id; the id."""
    song = live.open_set(desc)
    other = str(live.call(lambda: song.get_data("musearoo.set_id", "")))
    end = time.monotonic() + 10.0
    while daemon.live.set_id != other:
        assert time.monotonic() < end, "the daemon did not hear that another Set was opened"
        time.sleep(0.01)
    return other


def snapshots_late(live: Any, seconds: float) -> None:
    """Make the in-memory Live's Remote Script push a listen's snapshot (the Set, then the context with
    its version) ``seconds`` after it answered the listen, instead of at the end of that tick: a
    request the daemon takes in between finds no context version yet."""
    context = live.script.context
    tick = context.tick
    asked: list[float] = []  # when the snapshot was first asked for

    def late_tick() -> None:
        if context._snapshot_to and not asked:
            asked.append(time.monotonic())
        if asked and time.monotonic() - asked[0] < seconds:
            held = list(context._snapshot_to)
            context._snapshot_to.clear()
            tick()
            context._snapshot_to.extend(held)
            return
        asked.clear()
        tick()

    live.call(lambda: setattr(context, "tick", late_tick))
