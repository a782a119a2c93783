"""Running the MCP server: over stdio (what desktop assistants launch) or streamable HTTP on loopback.

Either way it first finds the daemon: a `roo serve` answering on the daemon port is used as it
is (the same job board the page and the device use); else the daemon runs inside this process,
on this loop, until the server stops. HTTP listens on 127.0.0.1 only; with a token (the page's
rule: ``--http-token``, none needed on loopback) every request must carry it as a Bearer token.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from bridge import protocol
from bridge.live.client import LiveClient
from bridge.mcp.aosc import AbletonOSC
from bridge.mcp.calls import Calls
from bridge.mcp.door import Door, start_daemon
from bridge.mcp.server import build_server

log = logging.getLogger(__name__)
Scope = MutableMapping[str, Any]
ASGI = Callable[[Scope, Callable[[], Awaitable[Any]], Callable[[Any], Awaitable[None]]], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class Options:
    port: int = protocol.DAEMON_PORT  # the daemon's UDP port (0: always start one here, on a free port)
    live_port: int = protocol.LIVE_PORT
    abletonosc_port: int = protocol.ABLETONOSC_PORT
    abletonosc_reply_port: int = 0  # 0: a port of its own, answered there (11001: AbletonOSC itself)
    history: bool = True


@asynccontextmanager
async def connected(options: Options) -> AsyncIterator[Calls]:
    """The tool calls' ways out: the running daemon, or one started here; Live's AbletonOSC mode."""
    door = Door(options.port)
    daemon = None
    if options.port == 0 or not await door.ping():
        store, why = _open_history() if options.history else (None, "")
        daemon = await start_daemon(options.port, options.live_port, store, why)
        door.port = daemon.port
        log.info("no daemon answered on %s: running one here on udp %s", options.port, daemon.port)
    live = AbletonOSC(options.abletonosc_port, options.abletonosc_reply_port)
    script = LiveClient(port=options.live_port)
    await script.start()
    try:
        yield Calls(door, live, script)
    finally:
        live.close()
        script.close()
        if daemon is not None:
            await daemon.aclose()


def _open_history() -> tuple[Any, str]:
    from bridge.history import open_store
    from engines.errors import StoreError

    try:
        return open_store(), ""
    except StoreError as exc:
        return None, str(exc)


async def serve_stdio(options: Options) -> None:
    from mcp.server.stdio import stdio_server

    async with connected(options) as calls:
        server = build_server(calls)
        async with stdio_server() as (read, write):
            await server.run(read, write, server.create_initialization_options())


def bearer(app: ASGI, token: str | None) -> ASGI:
    """``app`` answering 401 to an HTTP request without ``Authorization: Bearer <token>`` (None: open)."""

    async def guarded(
        scope: Scope, receive: Callable[[], Awaitable[Any]], send: Callable[[Any], Awaitable[None]]
    ) -> None:
        if token is not None and scope["type"] == "http":
            given = bytes(dict(scope.get("headers") or []).get(b"authorization", b""))
            scheme, _, credential = given.strip().partition(b" ")  # the scheme is required (RFC 6750)
            if scheme.lower() != b"bearer" or not hmac.compare_digest(credential.strip(), token.encode()):
                await send({"type": "http.response.start", "status": 401,
                            "headers": [(b"content-type", b"text/plain"), (b"www-authenticate", b"Bearer")]})  # fmt: skip
                await send(
                    {"type": "http.response.body", "body": b"a Bearer token is needed (roo mcp --http-token)"}
                )
                return
        await app(scope, receive, send)

    return guarded


async def serve_http(options: Options, port: int, token: str | None, ready: Callable[[int], None]) -> None:
    """Streamable HTTP at http://127.0.0.1:<port>/mcp until cancelled; ``ready`` gets the bound port."""
    import socket

    import uvicorn

    async with connected(options) as calls:
        app = build_server(calls).streamable_http_app(host=protocol.HOST)
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((protocol.HOST, port))
        sock.listen(128)  # connections made as soon as ``ready`` says the port wait for uvicorn's accept
        config = uvicorn.Config(bearer(app, token), log_level="warning", lifespan="on")
        server = uvicorn.Server(config)
        ready(int(sock.getsockname()[1]))
        await server.serve(sockets=[sock])
