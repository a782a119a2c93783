"""Beyond loopback every request but /api/health needs the Bearer token; loopback alone needs none."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from websockets.exceptions import InvalidStatus, WebSocketException
from websockets.sync.client import connect
from websockets.typing import Origin

from bridge import osc, protocol
from bridge.web import needs_token
from tests.bridge.web.conftest import Served, serve
from tests.bridge.web.processes import free_tcp_port, sim_and_serve


@pytest.fixture
def guarded(tmp_path: Path) -> Iterator[Served]:
    yield from serve(tmp_path, token="s3cret-token")


def test_a_token_is_needed_only_beyond_loopback() -> None:
    assert needs_token("127.0.0.1", None) is None and needs_token("localhost", None) is None
    assert needs_token("::1", None) is None
    made = needs_token("0.0.0.0", None)
    assert made is not None and len(made) >= 24 and made != needs_token("0.0.0.0", None)
    assert needs_token("192.168.1.20", "mine") == "mine"


def test_every_request_but_health_needs_the_bearer_token(guarded: Served) -> None:
    with httpx.Client(base_url=guarded.url) as http:
        assert http.get("/api/health").status_code == 200
        for method, path in [
            ("GET", "/"),
            ("GET", "/api/takes"),
            ("GET", "/metrics"),
            ("POST", "/api/generate"),
            ("DELETE", "/api/jobs/1"),
            ("GET", "/docs"),
            ("GET", "/static/page.js"),
            ("GET", "/static/analysis.js"),
            ("GET", "/api/diff?a=x&b=y"),
            ("GET", "/api/takes/x/preview"),
        ]:
            assert http.request(method, path).status_code == 401, path
            wrong = http.request(method, path, headers={"Authorization": "Bearer nope"})
            assert wrong.status_code == 401, path
        good = {"Authorization": "Bearer s3cret-token"}
        assert http.get("/api/takes", headers=good).status_code == 200
        assert http.get("/metrics", headers=good).status_code == 200


def test_the_websocket_needs_the_token_too(guarded: Served) -> None:
    with (
        pytest.raises((InvalidStatus, WebSocketException)),
        connect(f"ws://127.0.0.1:{guarded.web.port}/ws") as ws,
    ):
        ws.recv(timeout=5)
    with connect(f"ws://127.0.0.1:{guarded.web.port}/ws?token=s3cret-token") as ws:
        assert '"live"' in str(ws.recv(timeout=5))


def test_roo_serve_beyond_loopback_prints_a_token_once_and_refuses_without_it(tmp_path: Path) -> None:
    with sim_and_serve(tmp_path, "--http-host", "0.0.0.0") as roo:
        printed = "".join(roo.output)
        found = re.findall(r"HTTP token \(shown once\): (\S+)", printed)
        assert len(found) == 1, printed
        with httpx.Client(base_url=roo.url) as http:
            assert http.get("/api/health").json()["ok"] is True
            assert http.get("/api/jobs").status_code == 401
            ok = http.get("/api/jobs", headers={"Authorization": f"Bearer {found[0]}"})
            assert ok.status_code == 200


def test_roo_serve_on_loopback_needs_no_token_and_no_http_serves_none(tmp_path: Path) -> None:
    with sim_and_serve(tmp_path, "--no-http") as roo:
        assert "studio page" not in "".join(roo.output)
        with pytest.raises(httpx.ConnectError), httpx.Client(base_url=roo.url) as http:
            http.get("/api/health")
    with sim_and_serve(tmp_path) as roo:
        assert "HTTP token" not in "".join(roo.output)
        with httpx.Client(base_url=roo.url) as http:
            assert http.get("/api/jobs").status_code == 200


def test_other_sites_cannot_start_actions_or_read_events(served: Served) -> None:
    with httpx.Client(base_url=served.url) as http:
        plain = http.post(
            "/api/generate", content=b'{"part": "bass"}', headers={"content-type": "text/plain"}
        )
        assert plain.status_code == 415 and http.get("/api/jobs").json() == []
    with (
        pytest.raises((InvalidStatus, WebSocketException)),
        connect(f"ws://127.0.0.1:{served.web.port}/ws", origin=Origin("http://evil.example")) as ws,
    ):
        ws.recv(timeout=5)
    same = f"http://127.0.0.1:{served.web.port}"
    with connect(f"ws://127.0.0.1:{served.web.port}/ws", origin=Origin(same)) as ws:
        assert '"live"' in str(ws.recv(timeout=5))


def test_a_taken_http_port_is_named_and_osc_goes_on(tmp_path: Path) -> None:
    """A second daemon whose HTTP port is taken says so and still answers OSC (it used to exit)."""
    with socket.socket() as holder:
        port = free_tcp_port()
        holder.bind(("127.0.0.1", port))
        holder.listen()
        with sim_and_serve(tmp_path, "--http-port", str(port)) as roo:
            said = "".join(roo.output)
            assert "studio page NOT served" in said and f"127.0.0.1:{port}" in said, said
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
                sock.bind(("127.0.0.1", 0))
                sock.settimeout(5.0)
                sock.sendto(osc.encode(protocol.PING, []), ("127.0.0.1", roo.osc_port))
                address, _args = next(osc.decode(sock.recvfrom(65536)[0]))
            assert address == protocol.PONG
