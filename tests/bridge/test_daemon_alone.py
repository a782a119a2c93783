"""The daemon without Live: it answers, refuses bad input clearly and never dies."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from bridge import protocol
from tests.bridge.harness import Client, running_daemon
from tests.conftest import free_udp_port


@pytest.fixture
def client() -> Iterator[Client]:
    with running_daemon(live_port=free_udp_port()) as daemon:
        c = Client(daemon.port)
        yield c
        c.close()


def test_ping_answers_pong_with_version(client: Client) -> None:
    client.send(protocol.PING)
    assert client.wait_for(protocol.PONG) == [protocol.PROTOCOL_VERSION]


@pytest.mark.parametrize(
    "packet", [b"garbage", b"/roo/generate\x00\x00\x00,iii\x00\x00\x00\x00\x01", b"\x00" * 3]
)
def test_malformed_packets_get_an_error_and_the_daemon_lives(client: Client, packet: bytes) -> None:
    client.send_raw(packet)
    _, message = client.wait_for(protocol.ERROR)
    assert "bytes" in message
    client.send(protocol.PING)
    assert client.wait_for(protocol.PONG)


def test_unknown_address_is_named(client: Client) -> None:
    client.send("/roo/make_coffee", 1)
    address, message = client.wait_for(protocol.ERROR)
    assert address == "/roo/make_coffee" and "'/roo/make_coffee'" in message and "/roo/generate" in message


def test_cancel_of_unknown_job_is_refused(client: Client) -> None:
    client.send(protocol.CANCEL, 4242)
    _, message = client.wait_for(protocol.ERROR)
    assert "job 4242" in message and "not known" in message


def test_register_sends_status_to_the_device_port(client: Client) -> None:
    device = Client(client.port)
    client.send(protocol.REGISTER, int(device.sock.getsockname()[1]))
    assert device.wait_for(protocol.REGISTERED) == [device.sock.getsockname()[1]]
    client.send(protocol.GENERATE, "drums", "bars", 0)
    assert device.wait_final()[1] == "failed"
    device.close()


def test_bad_generate_fails_naming_the_value(client: Client) -> None:
    client.send(protocol.GENERATE, "drums", "track", 0, "bars", 0)
    job_id, state, _, message = client.wait_final()
    assert state == "failed" and "bars 0" in message and "1..256" in message
    assert isinstance(job_id, int)


def test_generate_without_live_fails_with_a_fix(client: Client) -> None:
    client.send(protocol.GENERATE, "drums", "track", 0, "slot", 0)
    states = []
    end = time.monotonic() + 30.0
    while True:
        assert time.monotonic() < end, states
        args = client.wait_for(protocol.STATUS, timeout=6)
        states.append(args[1])
        if args[1] in protocol.FINAL_STATES:
            break
    assert states[0] == "queued" and states[-1] == "failed"
    assert "roo sim" in args[3]
