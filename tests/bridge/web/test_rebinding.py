"""DNS rebinding and body size (issue 31): only the Host names the server was started for are served,
another site's Origin is refused, and a body over the limit is refused while it streams."""

from __future__ import annotations

import json
import select
import socket
from asyncio.selector_events import _SelectorSocketTransport
from pathlib import Path
from typing import Any

import httpx
import pytest
from uvicorn.protocols.http.flow_control import HIGH_WATER_LIMIT
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect
from websockets.typing import Origin

from bridge.web.api import MAX_BODY_BYTES, MAX_LIST
from bridge.web.guard import host_name, served_hosts
from tests.bridge.web.conftest import Served
from tests.bridge.web.processes import sim_and_serve
from tests.conftest import missing, require_tool

EVIL = "evil.example"
ROUTES = [
    ("GET", "/"),
    ("GET", "/api/health"),
    ("GET", "/api/takes"),
    ("GET", "/api/jobs"),
    ("GET", "/api/context"),
    ("GET", "/metrics"),
    ("GET", "/docs"),
    ("GET", "/openapi.json"),
    ("GET", "/static/page.js"),
    ("GET", "/api/diff?a=x&b=y"),
    ("GET", "/api/takes/x/preview"),
    ("POST", "/api/generate"),
    ("POST", "/api/cancel"),
    ("DELETE", "/api/jobs/1"),
]


def _request(served: Served, method: str, path: str, headers: dict[str, str]) -> httpx.Response:
    body = {"json": {"part": "bass", "track": 0, "slot": 0}} if method == "POST" else {}
    with httpx.Client(base_url=served.url) as http:
        return http.request(method, path, headers=headers, **body)  # type: ignore[arg-type]


def test_a_request_naming_another_host_is_refused_on_every_route_with_the_reason(served: Served) -> None:
    port = served.web.port
    for method, path in ROUTES:
        answer = _request(served, method, path, {"Host": f"{EVIL}:{port}", "Origin": f"http://{EVIL}:{port}"})
        assert answer.status_code == 403, (method, path, answer.status_code)
        assert EVIL in answer.json()["detail"] and "127.0.0.1" in answer.json()["detail"], answer.text
        # the same host without an Origin (a script, or a rebinding page's simple GET) too
        alone = _request(served, method, path, {"Host": f"{EVIL}:{port}"})
        assert alone.status_code == 403, (method, path)
    with httpx.Client(base_url=served.url) as http:
        assert http.get("/api/jobs").json() == []  # no generate ran: nothing was written to Live


def test_loopback_names_are_served_and_another_sites_origin_is_not(served: Served) -> None:
    port = served.web.port
    for name in ("127.0.0.1", "localhost", "[::1]", "LOCALHOST"):
        answer = _request(served, "GET", "/api/takes", {"Host": f"{name}:{port}"})
        assert answer.status_code == 200, (name, answer.text)
        same = _request(
            served, "GET", "/api/takes", {"Host": f"{name}:{port}", "Origin": f"http://{name}:{port}"}
        )
        assert same.status_code == 200, name
    for origin in (
        f"http://{EVIL}:{port}",
        f"http://127.0.0.1:{port + 1}",
        "null",
        f"file://127.0.0.1:{port}",
    ):
        answer = _request(served, "POST", "/api/generate", {"Origin": origin})
        assert answer.status_code == 403 and "Origin" in answer.json()["detail"], (origin, answer.text)
    with httpx.Client(base_url=served.url) as http:
        assert http.get("/api/jobs").json() == []


def test_the_websocket_handshake_naming_another_host_or_origin_gets_403_with_the_reason(
    served: Served,
) -> None:
    port = served.web.port
    for host, origin in [
        (EVIL, Origin(f"http://{EVIL}:{port}")),
        (EVIL, None),
        ("127.0.0.1", Origin(f"http://{EVIL}:{port}")),
    ]:
        sock = socket.create_connection(("127.0.0.1", port))  # the name in the URL is the Host sent
        with pytest.raises(InvalidStatus) as refused:
            connect(f"ws://{host}:{port}/ws", sock=sock, origin=origin, open_timeout=5)
        response = refused.value.response
        assert response.status_code == 403, (host, origin)
        assert b"not served here" in response.body or b"Origin" in response.body, response.body
    with connect(f"ws://localhost:{port}/ws", origin=Origin(f"http://localhost:{port}")) as ws:
        assert '"live"' in str(ws.recv(timeout=5))


def test_the_served_names_follow_the_http_host() -> None:
    assert served_hosts("127.0.0.1") == ["127.0.0.1", "localhost", "[::1]"]
    assert served_hosts("192.168.1.20")[-1] == "192.168.1.20"
    assert "[fe80::1]" in served_hosts("fe80::1")
    assert "studio.local" in served_hosts("127.0.0.1", ["Studio.Local"])
    every = served_hosts("0.0.0.0")
    assert socket.gethostname().lower() in every and "0.0.0.0" not in every
    assert host_name("[::1]:11042") == "[::1]" and host_name("LocalHost:80") == "localhost"
    assert host_name("evil.example") == "evil.example"


def test_roo_serve_beyond_loopback_serves_its_machines_name_and_not_another(tmp_path: Path) -> None:
    with sim_and_serve(tmp_path, "--http-host", "0.0.0.0", "--http-token", "tok") as roo:
        auth = {"Authorization": "Bearer tok"}
        with httpx.Client(base_url=roo.url) as http:
            mine = http.get("/api/jobs", headers={**auth, "Host": f"{socket.gethostname()}:{roo.http_port}"})
            assert mine.status_code == 200, mine.text
            evil = http.get("/api/jobs", headers={**auth, "Host": f"{EVIL}:{roo.http_port}"})
            assert evil.status_code == 403 and EVIL in evil.json()["detail"]


def test_chromium_on_a_rebound_name_gets_403_and_no_take_list(served: Served) -> None:
    chromium = require_tool("chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("the playwright package (pip install -e '.[dev]') is not installed")
    port = served.web.port
    rule = f"--host-resolver-rules=MAP {EVIL} 127.0.0.1"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", rule])
        try:
            page = browser.new_page()
            answer = page.goto(f"http://{EVIL}:{port}/")
            assert answer is not None and answer.status == 403
            assert "not served here" in page.content() and "data-take-id" not in page.content()
            # the rebinding page's own scripts: the API and the event stream are closed to them
            got: dict[str, Any] = page.evaluate(
                """async () => {
                    const api = await fetch('/api/takes', {method: 'GET'});
                    const post = await fetch('/api/generate', {method: 'POST',
                        headers: {'content-type': 'application/json'}, body: '{"part": "bass"}'});
                    const ws = await new Promise(done => {
                        const s = new WebSocket('ws://' + location.host + '/ws');
                        s.onopen = () => done('open'); s.onerror = () => done('refused');
                        setTimeout(() => done('timeout'), 5000);
                    });
                    return {api: api.status, post: post.status, ws};
                }"""
            )
            assert got == {"api": 403, "post": 403, "ws": "refused"}, got
            # the page on its own name still works
            own = browser.new_page()
            own.goto(f"http://127.0.0.1:{port}/")
            own.wait_for_selector("body[data-ready='1']")
        finally:
            browser.close()
    with httpx.Client(base_url=served.url) as http:
        assert http.get("/api/jobs").json() == []


def _chunked_upload(port: int, total_bytes: int, chunk_bytes: int = 64 * 1024) -> tuple[int, bytes]:
    """Send a chunked POST of ``total_bytes`` until the server answers; (bytes sent, the answer)."""
    sock = socket.create_connection(("127.0.0.1", port))
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 64 * 1024)
    head = (
        f"POST /api/generate HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\ncontent-type: application/json\r\n"
        "transfer-encoding: chunked\r\n\r\n"
    )
    sock.sendall(head.encode())
    chunk = f"{chunk_bytes:x}\r\n".encode() + b" " * chunk_bytes + b"\r\n"
    sent, answer, pending = 0, b"", memoryview(b"")
    sock.setblocking(False)
    try:
        while sent < total_bytes or pending:
            readable, writable, _ = select.select([sock], [sock], [], 10)
            if readable:
                break
            if not writable:
                raise AssertionError(f"the server neither read nor answered after {sent} bytes")
            if not pending:
                pending = memoryview(chunk)
                sent += chunk_bytes
            try:
                pending = pending[sock.send(pending) :]
            except BlockingIOError:
                continue
            except (BrokenPipeError, ConnectionResetError):
                break
        sock.setblocking(True)
        sock.settimeout(30)
        if sent >= total_bytes and not pending:
            sock.sendall(b"0\r\n\r\n")  # the whole body went in: end it, as a client would
        while b"\r\n\r\n" not in answer:
            data = sock.recv(65536)
            if not data:
                break
            answer += data
    finally:
        sock.close()
    return sent, answer


def test_a_chunked_50_mb_body_is_refused_with_413_before_it_is_read_whole(served: Served) -> None:
    total = 50 * 1024 * 1024
    sent, answer = _chunked_upload(served.web.port, total)
    assert answer.startswith(b"HTTP/1.1 413"), (sent, answer[:400])
    assert sent < total // 10, f"the client got {sent} bytes in before the 413"
    assert served.web.app is not None
    read = served.web.app.state.body_read
    assert read["refused"] == 1
    # what the server read of the body stays within the limit and one body message of uvicorn's: what
    # it holds before it pauses reading (its high-water mark) and one read of the socket (asyncio's
    # read size). A busy server reads more of the client per message, never the 50 MB.
    one_message = HIGH_WATER_LIMIT + _SelectorSocketTransport.max_size
    assert read["most"] <= MAX_BODY_BYTES + one_message, read
    with httpx.Client(base_url=served.url) as http:  # the server goes on serving
        assert http.get("/api/jobs").json() == []
        big = http.post(
            "/api/generate", content=b" " * (MAX_BODY_BYTES + 1), headers={"content-type": "application/json"}
        )
        assert big.status_code == 413 and str(MAX_BODY_BYTES) in big.json()["detail"]


def test_list_limits_are_capped_with_a_422_naming_the_cap(served: Served) -> None:
    with httpx.Client(base_url=served.url) as http:
        for limit in ("99999999999999999999", str(MAX_LIST + 1), "0", "-5"):
            answer = http.get(f"/api/takes?limit={limit}")
            assert answer.status_code == 422, (limit, answer.status_code, answer.text)
            assert str(MAX_LIST) in json.dumps(answer.json()), answer.text
        assert http.get(f"/api/takes?limit={MAX_LIST}").status_code == 200
