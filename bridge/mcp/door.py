"""The MCP server's door onto the daemon: the same OSC requests the device and ``roo`` send.

Each call opens its own UDP socket on 127.0.0.1, so the daemon's ``/roo/status`` for the job it
starts comes back to that call alone. A job's progress is handed to a callback; a call cancelled
by its caller (an MCP client's ``notifications/cancelled``) sends ``/roo/cancel`` for its job and
waits a moment for the job's final status, so nothing lands after the call ends unnoticed.
When no daemon answers, ``start_daemon`` runs one on this loop (the same ``Daemon`` `roo serve`
runs) and the door talks to it the same way.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import anyio

from bridge import osc, protocol
from bridge.daemon import Daemon
from bridge.jobs.results import fetch_whole, is_cut
from engines.errors import InvalidValue, LiveUnreachable, ProtocolError

log = logging.getLogger(__name__)
Progress = Callable[[float, str], Awaitable[None]]
CANCEL_WAIT_S = 5.0  # how long a cancelled call waits for its job's final status


@dataclass
class JobEnd:
    """A job's final status and the structured results it sent on the way (``/roo/result``), each
    whole (one cut to fit a datagram is fetched whole, ``bridge.jobs.results``)."""

    job_id: int
    state: str
    message: str
    results: list[dict[str, Any]] = field(default_factory=list)


class _Inbox(asyncio.DatagramProtocol):
    def __init__(self) -> None:
        self.queue: asyncio.Queue[tuple[str, list[Any]]] = asyncio.Queue()

    def datagram_received(self, data: bytes, addr: tuple[str, int]) -> None:
        try:
            for message in osc.decode(data):
                self.queue.put_nowait(message)
        except ProtocolError as exc:
            log.warning("dropped a bad packet from the daemon: %s", exc)


class _Call:
    """One socket for one request, and what arrives on it."""

    def __init__(self, port: int) -> None:
        self.target = (protocol.HOST, port)
        self.inbox = _Inbox()
        self.transport: asyncio.DatagramTransport | None = None

    async def __aenter__(self) -> _Call:
        loop = asyncio.get_running_loop()
        self.transport, _ = await loop.create_datagram_endpoint(
            lambda: self.inbox, local_addr=(protocol.HOST, 0)
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self.transport is not None:
            self.transport.close()

    def send(self, address: str, args: list[Any]) -> None:
        assert self.transport is not None
        self.transport.sendto(osc.encode(address, args), self.target)

    async def next(self, timeout_s: float | None) -> tuple[str, list[Any]]:
        if timeout_s is None:
            return await self.inbox.queue.get()
        try:  # not wait_for: on 3.11 it returns a datagram that came as its caller was cancelled
            async with asyncio.timeout(timeout_s):
                return await self.inbox.queue.get()
        except TimeoutError as exc:
            raise LiveUnreachable(
                f"no answer from the MuseAroo daemon on udp://{protocol.HOST}:{self.target[1]} within "
                f"{timeout_s:g} s: is `roo serve` running?"
            ) from exc


class Door:
    """Requests to the daemon on ``port`` (a running `roo serve`, or one this process started)."""

    def __init__(self, port: int) -> None:
        self.port = port

    async def ping(self, timeout_s: float = 0.5) -> bool:
        async with _Call(self.port) as call:
            call.send(protocol.PING, [])
            try:
                while (await call.next(timeout_s))[0] != protocol.PONG:
                    pass
            except LiveUnreachable:
                return False
        return True

    async def ask(
        self, address: str, args: list[Any], replies: Iterable[str], until: str, timeout_s: float = 10.0
    ) -> list[tuple[str, list[Any]]]:
        """A request answered at once (no job): the ``replies`` it gets until one on ``until``.

        ``/roo/error`` for it is raised as InvalidValue with the daemon's message."""
        wanted = {*replies, until}
        got: list[tuple[str, list[Any]]] = []
        async with _Call(self.port) as call:
            call.send(address, args)
            while True:
                reply, values = await call.next(timeout_s)
                if reply == protocol.ERROR:
                    raise InvalidValue(str(values[-1]))
                if reply in wanted:
                    got.append((reply, values))
                if reply == until:
                    return got

    async def run_job(self, address: str, args: list[Any], progress: Progress | None = None) -> JobEnd:
        """Submit a job and follow it to its final state; cancelling the caller cancels the job."""
        job_id: int | None = None
        results: list[dict[str, Any]] = []
        async with _Call(self.port) as call:
            call.send(address, args)
            try:
                while True:
                    reply, values = await call.next(None if job_id is not None else 10.0)
                    had = len(results)
                    end = _read(reply, values, job_id, results)
                    if len(results) > had and is_cut(results[-1]):  # cut to one datagram: ask the whole
                        whole = await asyncio.to_thread(fetch_whole, self.port, results[-1]["whole"])
                        results[-1] = {"kind": results[-1]["kind"], **whole}
                    if reply == protocol.STATUS and job_id is None:
                        job_id = int(values[0])
                    if isinstance(end, JobEnd):
                        return end
                    if end is not None and progress is not None:
                        await progress(*end)
            except BaseException:
                if job_id is not None:
                    await _cancel(call, job_id, results)
                raise


def _read(reply: str, values: list[Any], job_id: int | None, results: list[dict[str, Any]]) -> Any:
    """A final JobEnd, a (fraction, message) progress report, or None (nothing to say)."""
    if reply == protocol.ERROR:
        raise InvalidValue(str(values[-1]))
    if reply == protocol.RESULT and len(values) >= 3 and values[0] == job_id:
        try:
            results.append({"kind": values[1], **json.loads(values[2])})
        except (ValueError, TypeError):
            results.append({"kind": values[1], "text": values[2]})
        return None
    if reply != protocol.STATUS or (job_id is not None and values[0] != job_id):
        return None
    state, fraction, message = str(values[1]), float(values[2]), str(values[3])
    if state in protocol.FINAL_STATES:
        return JobEnd(int(values[0]), state, message, results)
    return (fraction, message) if state == "running" else None


async def _cancel(call: _Call, job_id: int, results: list[dict[str, Any]]) -> None:
    """The caller went away: cancel its job and wait (shielded) a moment for it to end."""
    call.send(protocol.CANCEL, [job_id])
    with anyio.CancelScope(shield=True), anyio.move_on_after(CANCEL_WAIT_S):
        while True:
            reply, values = await call.next(None)
            try:
                if isinstance(_read(reply, values, job_id, results), JobEnd):
                    return
            except InvalidValue:  # the job had ended before the cancel came: nothing to stop
                return


async def start_daemon(port: int, live_port: int, history: Any, history_error: str) -> Daemon:
    """Run the daemon on this loop (no `roo serve` answered); the caller closes it with ``aclose``."""
    daemon = Daemon(protocol.HOST, port, live_port, history, history_error)
    await daemon.start()
    await daemon.connect_live(timeout=1.0)
    return daemon
