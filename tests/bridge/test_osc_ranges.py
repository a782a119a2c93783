"""Values at the edges of OSC's types (issue 31): a /roo/ping with an int64 (or a double) is answered
with it, `roo send` with an integer beyond 64 bits is a clear error, not a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pythonosc.osc_message_builder import OscMessageBuilder

from bridge import osc, protocol
from engines.errors import ProtocolError
from tests.bridge.harness import Client, running_daemon
from tests.conftest import free_udp_port

ROOT = Path(__file__).resolve().parents[2]
BIG = 9223372036854775807  # 2**63 - 1


def _ping(kind: str, value: object) -> bytes:
    builder = OscMessageBuilder(address=protocol.PING)
    builder.add_arg(value, kind)
    return builder.build().dgram


def test_encode_widens_ints_and_floats_and_names_what_cannot_go() -> None:
    for value in (2**31, -(2**31) - 1, BIG, -(2**63), 1e300, None, 2**31 - 1):
        assert list(osc.decode(osc.encode("/x", [value]))) == [("/x", [value])]
    with pytest.raises(ProtocolError, match="9223372036854775808"):
        osc.encode("/x", [BIG + 1])
    with pytest.raises(ProtocolError, match="-9223372036854775809"):
        osc.encode("/x", [-(2**63) - 1])


def test_a_ping_with_an_int64_or_a_double_is_answered_with_it() -> None:
    with running_daemon(live_port=free_udp_port()) as daemon:  # no Live there: a ping needs none
        client = Client(daemon.port)
        for kind, value in (
            (OscMessageBuilder.ARG_TYPE_INT64, BIG),
            (OscMessageBuilder.ARG_TYPE_DOUBLE, 1e300),
        ):
            client.sock.sendto(_ping(kind, value), (protocol.HOST, daemon.port))
            client.sock.settimeout(5)
            address, args = next(osc.decode(client.sock.recvfrom(65536)[0]))
            assert (address, args) == (protocol.PONG, [protocol.PROTOCOL_VERSION, value])


def test_roo_send_with_an_integer_beyond_64_bits_says_so_without_a_traceback() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "bridge",
            "send",
            "/roo/ping",
            "9223372036854775808",
            "--port",
            "9",
            "--wait",
            "0.1",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 2, done
    assert "Traceback" not in done.stderr and "9223372036854775808" in done.stderr, done.stderr
    assert "64 bits" in done.stderr
