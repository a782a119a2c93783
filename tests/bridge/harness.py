"""Run the real daemon on a background event loop and talk to it over real UDP."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from bridge import osc, protocol
from bridge.daemon import Daemon


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


@contextmanager
def running_daemon(live_port: int) -> Iterator[Daemon]:
    """The daemon on a free port, on its own loop thread, stopped afterwards."""
    daemon = Daemon(protocol.HOST, 0, live_port)
    loop = asyncio.new_event_loop()
    started = threading.Event()

    def main() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(daemon.start())
        loop.run_until_complete(daemon.connect_live(timeout=0.5))
        started.set()
        loop.run_forever()

    thread = threading.Thread(target=main, name="test-daemon", daemon=True)
    thread.start()
    assert started.wait(10), "daemon did not start"
    try:
        yield daemon
    finally:
        loop.call_soon_threadsafe(daemon.close)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)
        loop.close()
