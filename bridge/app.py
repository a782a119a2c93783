"""The daemon's state in one small object: the Live client, the job board, the executors.

Actions (``bridge/actions/``) receive the App and use ``run_cpu`` for light CPU work (symbolic
generation, parsing) and ``worker`` for heavy model work (separation, MusicGen, analysis), so
nothing blocking runs on the event loop.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TypeVar

from bridge import protocol
from bridge.jobs import Address, JobBoard
from bridge.live_client import LiveClient
from engines.music import Chord

log = logging.getLogger(__name__)
T = TypeVar("T")
LISTENER_TTL_S = 10.0
SendFn = Callable[[Address, str, list[Any]], None]


@dataclass
class SongState:
    """What the daemon knows beyond Live's own context: analysed chords and the take history."""

    chords: tuple[Chord, ...] = ()  # from the last analysis, in beats from the clip start
    chords_source: str = ""  # e.g. "track 4 slot 0" or a file path
    analyzed_tempo_bpm: float | None = None
    takes: list[dict[str, Any]] = field(default_factory=list)  # each write: part, track, slot, seed...
    last_generate: dict[str, dict[str, Any]] = field(default_factory=dict)  # part -> its settings


class App:
    def __init__(self, loop: asyncio.AbstractEventLoop, send: SendFn, live: LiveClient) -> None:
        self.loop = loop
        self._send = send
        self.live = live
        self.jobs = JobBoard(loop, self._send_status)
        self.song = SongState()
        # devices registered with /roo/register -> when last heard (monotonic s); they re-register
        # every second, and one silent for LISTENER_TTL_S is dropped (a device deleted from Live)
        self.listeners: dict[Address, float] = {}
        self.cpu = ThreadPoolExecutor(max_workers=1, thread_name_prefix="roo-cpu")
        self.worker: Any = None  # bridge.worker.Worker, started on first heavy job
        self.dropped_packets = 0

    def send(self, to: Address, address: str, args: list[Any]) -> None:
        self._send(to, address, args)

    def broadcast(self, address: str, args: list[Any], also: Address | None = None) -> None:
        """Send to every registered device, and to ``also`` (the requester) once."""
        now = time.monotonic()
        for gone in [a for a, seen in self.listeners.items() if now - seen > LISTENER_TTL_S]:
            del self.listeners[gone]
        targets = set(self.listeners)
        if also is not None:
            targets.add(also)
        for target in targets:
            self._send(target, address, args)

    def result(self, to: Address, job_id: int, kind: str, payload: dict[str, Any]) -> None:
        """Send a structured result (analysis, intent, file paths) as JSON on /roo/result."""
        self.broadcast(protocol.RESULT, [job_id, kind, json.dumps(payload)], also=to)

    async def run_cpu(self, fn: Callable[..., T], *args: Any) -> T:
        """Run light CPU work (milliseconds) off the loop, on the one CPU thread."""
        return await self.loop.run_in_executor(self.cpu, fn, *args)

    def _send_status(self, to: Address, job: Any) -> None:
        args = [job.id, job.state, float(job.progress), job.message]
        self.broadcast(protocol.STATUS, args, also=to)

    def close(self) -> None:
        self.cpu.shutdown(wait=False, cancel_futures=True)
        if self.worker is not None:
            self.worker.close()
