"""roo send against the in-memory Live and a real UDP peer: setters, undo, routing, replies, notes."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from bridge import osc, protocol
from bridge.cli import main
from bridge.cli.send import target_port
from livesim.host import LiveHost
from tests.conftest import free_udp_port


@pytest.fixture
def live() -> Iterator[LiveHost]:
    host = LiveHost(port=0).start_in_thread()
    try:
        yield host
    finally:
        host.stop()


def send(host: LiveHost, *args: str) -> int:
    return main(["send", *args, "--port", str(host.port), "--wait", "0.3"])


def test_a_setter_exits_0_without_a_reply(live: LiveHost, capsys: pytest.CaptureFixture[str]) -> None:
    assert send(live, protocol.SONG_SET + "tempo", "100") == 0
    assert capsys.readouterr().out.startswith("done (no reply by design")
    assert live.call(lambda: live.song.tempo) == 100.0
    assert send(live, protocol.SONG_UNDO) == 0
    assert live.call(lambda: live.song.tempo) == 120.0


def test_a_refused_setter_prints_the_live_error_and_exits_1(
    live: LiveHost, capsys: pytest.CaptureFixture[str]
) -> None:
    assert send(live, protocol.SONG_SET + "tempo", "5000") == 1
    out = capsys.readouterr().out
    assert out.startswith(protocol.LIVE_ERROR) and "tempo" in out
    assert live.call(lambda: live.song.tempo) == 120.0


def test_a_setter_to_no_live_says_so_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    port = free_udp_port()
    assert main(["send", protocol.SONG_UNDO, "--port", str(port), "--wait", "0.2"]) == 1
    assert f"no reply from 127.0.0.1:{port} within 0.2 s" in capsys.readouterr().out


def test_notes_print_one_per_line(live: LiveHost, capsys: pytest.CaptureFixture[str]) -> None:
    assert send(live, protocol.CLIP_SLOT_CREATE_CLIP, "0", "0", "4.0") == 0
    notes = ["60", "0.0", "1.0", "100", "0", "64", "1.5", "0.5", "90", "0"]
    assert send(live, protocol.CLIP_ADD_NOTES, "0", "0", *notes) == 0
    capsys.readouterr()
    assert send(live, protocol.CLIP_GET_NOTES, "0", "0") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [f"{protocol.CLIP_GET_NOTES} 0 0 (2 notes)", "  60 0 1 100 0", "  64 1.5 0.5 90 0"]


def test_live_addresses_go_to_the_live_port_by_themselves() -> None:
    assert target_port("/live/song/get/tempo") == protocol.LIVE_PORT
    assert target_port(protocol.RS_CONTEXT_GET) == protocol.LIVE_PORT
    assert target_port(protocol.PING) == protocol.DAEMON_PORT
    assert target_port("/roo/generate") == protocol.DAEMON_PORT


@pytest.fixture
def twice() -> Iterator[int]:
    """A UDP peer that answers every message with two messages."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((protocol.HOST, 0))
    sock.settimeout(0.1)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                _data, sender = sock.recvfrom(65536)
            except TimeoutError:
                continue
            for n in (1, 2):
                sock.sendto(osc.encode("/test/reply", [n]), sender)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield sock.getsockname()[1]
    finally:
        stop.set()
        thread.join()
        sock.close()


def test_returns_after_the_first_reply_unless_all(twice: int, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["send", "/test/ask", "--port", str(twice), "--wait", "0.5"]) == 0
    assert capsys.readouterr().out.splitlines() == ["/test/reply 1"]
    assert main(["send", "/test/ask", "--port", str(twice), "--wait", "0.5", "--all"]) == 0
    assert capsys.readouterr().out.splitlines() == ["/test/reply 1", "/test/reply 2"]
