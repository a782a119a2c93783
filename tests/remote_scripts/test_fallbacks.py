"""Older Lives and hostile sockets: the Timer fallback, ICMP errors on receive, a busy port."""

from __future__ import annotations

import errno
import socket
import time
from typing import Any

from bridge import protocol
from livesim import LiveHost, load_script
from livesim.host import SCRIPT_DIR
from tests.remote_scripts.conftest import start_host
from tests.remote_scripts.osc_client import OscClient, build


def test_without_timer_the_display_tick_polls() -> None:
    live = start_host(version=(10, 1, 0))
    client = OscClient(live.port)
    try:
        assert any("Timer is missing" in line for line in live.log)
        assert client.ask(protocol.SONG_GET + "tempo") == [120.0]
        assert client.ask(protocol.RS_CONTEXT_GET, 3)[-1] == "10.1.0"
    finally:
        client.close()
        live.stop()
    assert live.errors == []


def test_with_timer_the_script_uses_it() -> None:
    live = start_host(version=(11, 0, 0))
    try:
        assert live.call(lambda: live.script._timer is not None and live.script._timer.running)
        assert not any("Timer is missing" in line for line in live.log)
    finally:
        live.stop()


class _Flaky:
    """A socket whose recvfrom first reports ICMP errors, then one datagram, then nothing."""

    def __init__(self, data: bytes) -> None:
        self.events: list[Any] = [
            ConnectionRefusedError(errno.ECONNREFUSED, "refused"),
            ConnectionResetError(errno.ECONNRESET, "reset"),
            (data, ("127.0.0.1", 5555)),
            BlockingIOError(errno.EAGAIN, "again"),
        ]

    def recvfrom(self, size: int) -> Any:
        event = self.events.pop(0)
        if isinstance(event, BaseException):
            raise event
        return event


def test_icmp_errors_on_receive_do_not_stop_the_drain() -> None:
    osc_io = __import__(load_script(SCRIPT_DIR).__name__ + ".osc_io", fromlist=["OscSocket"])
    sock = osc_io.OscSocket(protocol.HOST, 0)
    sock.sock.close()
    sock.sock = _Flaky(build(protocol.SONG_GET + "tempo"))
    seen: list[tuple[bytes, tuple[str, int]]] = []
    notes: list[str] = []
    assert sock.drain(lambda data, sender: seen.append((data, sender)), notes.append) == 1
    assert seen == [(build(protocol.SONG_GET + "tempo"), ("127.0.0.1", 5555))]
    assert len(notes) == 2 and "went away" in notes[0]


def test_a_busy_port_is_reported_and_retried() -> None:
    taken = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    taken.bind((protocol.HOST, 0))
    port = taken.getsockname()[1]
    live = LiveHost(port=port).start_in_thread()
    try:
        assert not live.call(lambda: live.script.listening)
        assert any(f"cannot listen on UDP 127.0.0.1:{port}" in line for line in live.log)
        taken.close()  # the script retries about once a second
        deadline = time.monotonic() + 10.0
        while not live.call(lambda: live.script.listening) and time.monotonic() < deadline:
            time.sleep(0.05)
        client = OscClient(port)
        assert client.ask(protocol.SONG_GET + "tempo") == [120.0]
        client.close()
    finally:
        taken.close()
        live.stop()
    assert live.errors == []
