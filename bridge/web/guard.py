"""The outermost ASGI layer: which Host names are served, whose pages may call, how big a body may be.

DNS rebinding: a page on any domain that resolves to 127.0.0.1 reaches this server with its own
name in ``Host`` (and ``Origin``); the browser treats it as that page's origin and lets its scripts
read every answer. So every request and every /ws handshake must name a host the server was started
for (``served_hosts``: 127.0.0.1, localhost, [::1], and the ``--http-host`` given), and a browser
``Origin``, when sent, must be the page's own (scheme http, the same host and port as ``Host``).
Anything else is answered 403 with the reason, before a route or the token check runs.

Bodies: a request body is read here, at most ``max_body_bytes`` of it, before the app sees any; a
longer one (a ``Content-Length`` over the limit, or a chunked body that goes past it while it
streams) is answered 413 without reading the rest, so the server never holds more than the limit.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
WILDCARDS = ("0.0.0.0", "::", "")


def served_hosts(bind_host: str, extra: Iterable[str] = ()) -> list[str]:
    """The Host names (without port) served for a server bound to ``bind_host``.

    Loopback names always; the bound address itself; for a wildcard bind (0.0.0.0, ::) this
    machine's name, its fully qualified name and the addresses they resolve to; and ``extra``."""
    names = list(LOOPBACK_NAMES)
    wanted = [bind_host, *extra]
    if bind_host in WILDCARDS:
        wanted += [socket.gethostname(), socket.getfqdn()]
        for name in (socket.gethostname(), socket.getfqdn()):
            try:
                wanted += [str(info[4][0]) for info in socket.getaddrinfo(name, None)]
            except OSError:
                pass
    for name in wanted:
        if not name or name in WILDCARDS:
            continue
        name = name.lower()
        if ":" in name and not name.startswith("["):
            name = f"[{name}]"  # an IPv6 address is written in brackets in Host
        if name not in names:
            names.append(name)
    return names


def host_name(host_header: str) -> str:
    """``Host`` without its port, lower case (``[::1]:11042`` -> ``[::1]``)."""
    value = host_header.strip().lower()
    if value.startswith("["):
        return value[: value.find("]") + 1] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def refusal(headers: dict[str, str], served: list[str]) -> str | None:
    """Why a request with these headers is refused (None: it is served)."""
    host = headers.get("host")
    if host is None:
        return f"no Host header: expected one of {', '.join(served)}"
    if host_name(host) not in served:
        return f"Host {host!r} is not served here: expected one of {', '.join(served)} (DNS rebinding guard)"
    origin = headers.get("origin")
    if origin is not None:
        parts = urlsplit(origin)
        if parts.scheme not in ("http", "https", "ws", "wss") or parts.netloc.lower() != host.lower():
            return f"Origin {origin!r} is not this page's own (http://{host}): another site may not call this API"
    return None


class Guard:
    """ASGI middleware: the Host/Origin check on HTTP and WebSocket, then the body limit on HTTP."""

    def __init__(
        self, app: ASGIApp, served: list[str], max_body_bytes: int, read: dict[str, int] | None = None
    ) -> None:
        self.app, self.served, self.max_body_bytes = app, served, max_body_bytes
        # "most": the most body bytes read for one request, "refused": 413s (the limit holds)
        self.read = read if read is not None else {}
        self.read.update(most=0, refused=0)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        why = refusal(headers, self.served)
        if why is not None:
            if scope["type"] == "websocket":
                await _deny_websocket(scope, receive, send, why)
            else:
                await _answer(send, 403, why)
            return
        if scope["type"] == "websocket":
            await self.app(scope, receive, send)
            return
        await self._bounded(scope, receive, send, headers)

    async def _bounded(self, scope: Scope, receive: Receive, send: Send, headers: dict[str, str]) -> None:
        limit = self.max_body_bytes
        too_big = f"request body over {limit} bytes"
        try:
            declared = int(headers.get("content-length") or 0)
        except ValueError:
            await _answer(send, 400, f"Content-Length {headers['content-length']!r} is not a number")
            return
        if declared > limit:
            await _answer(send, 413, too_big)
            return
        chunks: list[bytes] = []
        size, more = 0, True
        while more:
            message = await receive()
            if message["type"] != "http.request":  # the client left
                return
            chunk = bytes(message.get("body", b""))
            size += len(chunk)
            self.read["most"] = max(self.read["most"], size)
            if size > limit:  # stop reading: the rest stays in the socket, the connection closes
                self.read["refused"] += 1
                await _answer(send, 413, too_big)
                return
            chunks.append(chunk)
            more = bool(message.get("more_body", False))
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # after the body: the disconnect, when it comes

        await self.app(scope, replay, send)


async def _answer(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if status == 413:
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _deny_websocket(scope: Scope, receive: Receive, send: Send, why: str) -> None:
    """Refuse a handshake with 403 and the reason (where the server can send a body), else a plain 403."""
    message = await receive()
    if message["type"] != "websocket.connect":
        return
    if "websocket.http.response" in scope.get("extensions", {}):
        body = json.dumps({"detail": why}).encode()
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        await send({"type": "websocket.http.response.start", "status": 403, "headers": headers})
        await send({"type": "websocket.http.response.body", "body": body})
    else:
        await send({"type": "websocket.close", "code": 1008, "reason": why[:120]})
