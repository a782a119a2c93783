"""Fan-out of the daemon's events to WebSocket clients, each with its own bounded queue.

The App calls ``publish`` on the loop for every job event, take, context change and Live state;
a client that stops reading loses its oldest events (counted), never the daemon's time.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

log = logging.getLogger(__name__)
QUEUE_SIZE = 1000


class Hub:
    def __init__(self) -> None:
        self.clients: set[asyncio.Queue[dict[str, Any]]] = set()
        self.dropped = 0  # events a slow client missed

    def subscribe(self) -> asyncio.Queue[dict[str, Any]]:
        queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue(QUEUE_SIZE)
        self.clients.add(queue)
        return queue

    def unsubscribe(self, queue: asyncio.Queue[dict[str, Any]]) -> None:
        self.clients.discard(queue)

    def publish(self, event: dict[str, Any]) -> None:
        """Queue the event for every client (call on the loop's thread), stamped with ``at_s``
        (Unix seconds when the daemon published it; a page on this machine measures its delay)."""
        event = {**event, "at_s": time.time()}
        for queue in self.clients:
            if queue.full():
                queue.get_nowait()
                self.dropped += 1
                log.warning("a WebSocket client is not reading: dropped its oldest event")
            queue.put_nowait(event)
