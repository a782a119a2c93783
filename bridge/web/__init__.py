"""The studio page: an HTTP + WebSocket API, the page at / and /metrics, served inside `roo serve`.

``WebServer(daemon, host, port, token).start()`` runs uvicorn on the daemon's own event loop;
``build_app`` is the FastAPI app alone (tests drive it through httpx).
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import Iterator

import uvicorn
from fastapi import FastAPI

from bridge import protocol
from bridge.daemon import Daemon
from bridge.web.api import build_app
from bridge.web.guard import served_hosts
from bridge.web.security import is_loopback, needs_token

HTTP_PORT = protocol.HTTP_PORT

__all__ = ["HTTP_PORT", "WebServer", "build_app", "is_loopback", "needs_token"]


class _Server(uvicorn.Server):
    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:  # roo serve owns SIGINT/SIGTERM
        yield


class WebServer:
    def __init__(
        self, daemon: Daemon, host: str, port: int, token: str | None, served: list[str] | None = None
    ) -> None:
        self.daemon, self.host, self.port, self.token = daemon, host, port, token
        # the Host names answered (DNS rebinding guard): loopback's, the bound address, and ``served``
        self.served = served_hosts(host, served or [])
        self._server: _Server | None = None
        self.app: FastAPI | None = None
        self._task: asyncio.Task[None] | None = None
        self.error = ""  # why the page is not served (the port is taken), said by roo serve

    async def start(self) -> None:
        """Bind and serve on the running loop (the daemon's); the bound port replaces 0."""
        self.app = build_app(self.daemon, token=self.token, served=self.served)
        config = uvicorn.Config(
            self.app,
            host=self.host,
            port=self.port,
            log_level="warning",
            lifespan="off",
            ws_max_size=64 * 1024,
        )
        # bound here, not by uvicorn: its bind error exits the process (SystemExit); a taken port
        # is named instead and the daemon goes on serving OSC without the page
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        # IPPROTO_TCP named: asyncio turns Nagle off (TCP_NODELAY) only on connections whose socket
        # says so. With proto 0 the response's body waited for the client's delayed ACK of its
        # headers: 40 ms more on every request that followed another at once (tools/bench/http_latency).
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((self.host, self.port))
        except OSError as exc:
            sock.close()
            self.error = f"HTTP {self.host}:{self.port} cannot be bound ({exc.strerror or exc})"
            return
        self._server = _Server(config)
        self._task = asyncio.get_running_loop().create_task(self._server.serve(sockets=[sock]))
        while not self._server.started:
            if self._task.done():
                self._task.result()  # raises what stopped it
                raise OSError(f"the HTTP server on {self.host}:{self.port} stopped at once")
            await asyncio.sleep(0.01)
        if self.port == 0:
            self.port = int(self._server.servers[0].sockets[0].getsockname()[1])

    async def stop(self) -> None:
        if self._server is not None and self._task is not None:
            self._server.should_exit = True
            await asyncio.gather(self._task, return_exceptions=True)
