"""Fan-out of the daemon's events to WebSocket clients, each with its own bounded queue.

The App calls ``publish`` on the loop for every job event, take, context change and Live state.
The event is encoded once, whatever the number of clients, and each client's one sender task
awaits its queue directly (one loop step from publish to the socket write). A client that stops
reading loses its oldest events (counted), never the daemon's time.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from typing import Any

from fastapi import WebSocket, WebSocketDisconnect

log = logging.getLogger(__name__)
QUEUE_SIZE = 1000


class Hub:
    def __init__(self) -> None:
        self.clients: set[asyncio.Queue[str]] = set()
        self.dropped = 0  # events a slow client missed

    def subscribe(self) -> asyncio.Queue[str]:
        queue: asyncio.Queue[str] = asyncio.Queue(QUEUE_SIZE)
        self.clients.add(queue)
        return queue

    def unsubscribe(self, queue: asyncio.Queue[str]) -> None:
        self.clients.discard(queue)

    def publish(self, event: dict[str, Any]) -> None:
        """Queue the event, as JSON text encoded once, for every client (call on the loop's thread),
        stamped with ``at_s`` (Unix seconds when the daemon published it; a page on this machine
        measures its delay)."""
        if not self.clients:
            return
        text = json.dumps({**event, "at_s": time.time()})
        for queue in self.clients:
            if queue.full():
                queue.get_nowait()
                self.dropped += 1
                log.warning("a WebSocket client is not reading: dropped its oldest event")
            queue.put_nowait(text)

    async def stream(self, ws: WebSocket, hello: dict[str, Any]) -> None:
        """Send ``hello`` then every published event to an accepted WebSocket until it leaves."""
        queue = self.subscribe()
        sender = asyncio.ensure_future(_send_all(ws, queue, json.dumps(hello)))
        reader = asyncio.ensure_future(_until_closed(ws))  # notices the client leaving while idle
        try:
            await asyncio.wait((sender, reader), return_when=asyncio.FIRST_COMPLETED)
        finally:
            self.unsubscribe(queue)
            for task in (sender, reader):
                task.cancel()
            await asyncio.gather(sender, reader, return_exceptions=True)


async def _send_all(ws: WebSocket, queue: asyncio.Queue[str], first: str) -> None:
    try:
        await ws.send_text(first)
        while True:
            await ws.send_text(await queue.get())
    except (WebSocketDisconnect, RuntimeError):
        return


async def _until_closed(ws: WebSocket) -> None:
    """Read (and ignore) what the client sends until it disconnects."""
    try:
        while True:
            await ws.receive_text()
    except (WebSocketDisconnect, RuntimeError):
        return
