"""The daemon: a UDP OSC server on 127.0.0.1:11041 that turns requests into jobs.

The socket handler only parses and dispatches; job work runs as tasks on the same loop and
leaves it for CPU work through the App's executors. Bad packets and unknown addresses are
answered on /roo/error, counted and logged; nothing a client sends can stop the server.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any, cast

from bridge import osc, protocol
from bridge.actions import ANSWERS, JOB_ACTIONS, ON_LIVE, PREPARE_MAKERS, Answer
from bridge.actions.history.undone import slot_changed
from bridge.app import App
from bridge.history import recovery
from bridge.jam.remote import RemoteJam, state_args
from bridge.jobs.board import Address, Job
from bridge.live.client import LiveClient, LiveContext
from engines.errors import ProtocolError, RooError

log = logging.getLogger(__name__)
LISTEN_REFRESH_S = 3.0


class _Server(asyncio.DatagramProtocol):
    def __init__(self, daemon: Daemon) -> None:
        self.daemon = daemon

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.daemon.transport = cast(asyncio.DatagramTransport, transport)

    def datagram_received(self, data: bytes, addr: Address) -> None:
        self.daemon.received(data, addr)

    def error_received(self, exc: Exception) -> None:
        log.debug("daemon socket error: %s", exc)


class Daemon:
    def __init__(
        self,
        host: str = protocol.HOST,
        port: int = protocol.DAEMON_PORT,
        live_port: int = protocol.LIVE_PORT,
        history: Any = None,
        history_error: str = "",
    ) -> None:
        self.host, self.port = host, port
        self.history, self.history_error = history, history_error  # bridge.history.Store or None
        self.live = LiveClient(protocol.HOST, live_port)
        self.transport: asyncio.DatagramTransport | None = None
        self.app: App | None = None
        self.queue: Any = None  # a bridge.queue.QueueWorker: heavy jobs go to the worker queue
        self.prepare: bool | None = None  # pre-generation in idle time; None: $MUSEAROO_PREPARE decides
        self.preparer: Any = None  # a bridge.prepare.Preparer while pre-generation is on
        self.live_connected = False
        self._keeper: asyncio.Task[None] | None = None
        self.started_s = time.time()  # pending takes older than this are reconciled with Live
        self.presence: Any = None  # bridge.history.recovery.Presence while a store is open
        self.recovery: asyncio.Task[Any] | None = None  # reconciling pending takes (once Live answered)
        self._reading_back: set[asyncio.Task[Any]] = set()  # ON_LIVE, and takes marked undone
        self.packets_received = self.errors_sent = 0
        self.closing = False  # from the close's start: the keeper ends at its next turn, cancelled or not
        self.errors_by_address: dict[str, int] = {}  # "?" = a packet that could not be decoded (dropped)
        self._handlers: dict[str, Callable[[Address, list[Any]], None]] = {
            protocol.PING: self._ping,
            protocol.REGISTER: self._register,
            protocol.CANCEL: self._cancel,
        }
        for address, answer in ANSWERS.items():  # /roo/history/list, /roo/follow: answered at once, no job
            self._handlers[address] = self._answering(answer)
        self.jam = RemoteJam(self._jam_state, history)  # /roo/jam/start, /roo/jam/set, /roo/jam/stop
        self._handlers.update(self.jam.handlers())

    def _answering(self, answer: Answer) -> Callable[[Address, list[Any]], None]:
        return lambda addr, args: answer(self._app(), addr, args)

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        self.started_s = time.time()
        if self.history is not None:
            self.presence = recovery.Presence(self.history.root)
        await self.live.start()
        self.app = App(loop, self.send, self.live, self.history, self.history_error)
        self.app.jam = self.jam
        if self.history is not None:  # commit_now writes a pending take before even the first write
            try:
                await self.app.in_history(self.history.ready_now)
            except RooError as exc:
                log.warning("take store: %s", exc)
        if self.queue is None:
            from bridge.queue.options import queue_from_env

            self.queue = queue_from_env()  # $MUSEAROO_BROKER: heavy jobs go to the worker queue
        if self.queue is not None:
            self.app.worker = self.queue  # same call() as the in-process worker
        from bridge.prepare import attach, prepare_enabled

        self.preparer = attach(self.app, enabled=prepare_enabled(self.prepare), makers=PREPARE_MAKERS)
        self.live.on_context = self._context_changed
        self.live.on_slot = self._slot_changed
        self.app.read_backs = ON_LIVE  # read back as Live answers and as each Set opens
        self.live.on_set = self.app.open_set
        await loop.create_datagram_endpoint(lambda: _Server(self), local_addr=(self.host, self.port))
        if self.port == 0 and self.transport is not None:
            self.port = int(self.transport.get_extra_info("sockname")[1])
        self._keeper = loop.create_task(self._keep_listening())

    async def connect_live(self, timeout: float = 1.0) -> LiveContext | None:
        """Ask Live for the song context and subscribe to changes; None if Live is not there."""
        try:
            ctx = await self.live.context(timeout=timeout)
            await self.live.listen_context()
        except RooError as exc:  # Live running a request of ours (a big write) is busy, not gone (the
            if self.live_connected and not self.live.waiting_for():  # request says so if Live went)
                log.warning("Live stopped answering: %s", exc)
                self._live_state(False)
                self.live_connected = False
            return None
        if not self.live_connected:
            log.info("Live answered: %s", ctx)
            self._live_state(True)
            if self.app is not None:  # what the Set keeps for the actions (the follow choice)
                self.app.read_back()
        self.live_connected = True
        if self.recovery is None and self.app is not None and self.history is not None:
            alone = bool(self.presence and self.presence.alone)
            read, shape = recovery.clip_reader(self.live), (ctx.num_tracks, ctx.num_scenes)
            found = (read, shape, self.started_s, alone, await self.live.set_known())  # that Set's takes
            work = recovery.at_start(self.app.in_history, self.history, *found)
            self.recovery = asyncio.get_running_loop().create_task(work)
            self.recovery.add_done_callback(self._recovered)
        return ctx

    def _slot_changed(self, track: int, slot: int, filled: bool) -> None:
        """A slot Live pushed filled or emptied: the take written there is marked undone or cleared."""
        if self.app is not None and self.history is not None:
            task = asyncio.get_running_loop().create_task(slot_changed(self.app, track, slot, filled))
            self._reading_back.add(task)
            task.add_done_callback(self._reading_back.discard)

    def _recovered(self, task: asyncio.Task[Any]) -> None:
        if task.cancelled():
            return
        failed = task.exception()
        if failed is not None:  # tried again the next time Live answers; nothing was dropped for it
            log.warning("pending takes not reconciled with Live yet: %s", failed)
            self.recovery = None

    async def _keep_listening(self) -> None:
        """Renew the context subscription, so a Live that starts (or restarts) later is followed."""
        while not self.closing:
            await asyncio.sleep(LISTEN_REFRESH_S)
            await self.connect_live(timeout=0.5)

    async def aclose(self) -> None:
        """Cancel the keeper and every running job, wait for them and their cleanups, then close."""
        self.closing = True
        tasks = [t for t in (self._keeper, self.recovery) if t is not None]
        if self.app is not None:
            tasks += [
                j._task for j in self.app.jobs.jobs.values() if j._task is not None and not j._task.done()
            ]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        if self.app is not None:
            await self.app.finish_cleanups()  # those the cancelled jobs started end too
        self.close()

    def close(self) -> None:
        self.jam.close()
        for task in (self.recovery, self._keeper):
            if task is not None:
                task.cancel()
        if self.presence is not None:
            self.presence.close()
        if self.preparer is not None:
            self.preparer.close()
        if self.app is not None:
            self.app.close()
        self.live.close()
        if self.transport is not None:
            self.transport.close()

    def send(self, to: Address, address: str, args: list[Any]) -> None:
        if self.transport is None:
            return
        try:
            self.transport.sendto(osc.encode(address, args), to)
        except (OSError, RooError) as exc:
            log.warning("could not send %s to %s: %s", address, to, exc)

    def received(self, data: bytes, addr: Address) -> None:
        self.packets_received += 1
        try:
            messages = list(osc.decode(data))
        except ProtocolError as exc:
            self._error(addr, "?", str(exc))
            return
        for address, args in messages:
            try:
                self._dispatch(address, args, addr)
            except RooError as exc:
                self._error(addr, address, str(exc))

    def _dispatch(self, address: str, args: list[Any], addr: Address) -> None:
        handler = self._handlers.get(address)
        if handler is not None:
            handler(addr, args)
            return
        action = JOB_ACTIONS.get(address)
        if action is None:
            known = sorted([*self._handlers, *JOB_ACTIONS])
            raise ProtocolError(f"unknown address {address!r}: expected one of {', '.join(known)}")
        self.submit(address, args, addr)

    def submit(self, address: str, args: list[Any], client: Address) -> Job:
        """Start the job for a job address (OSC and HTTP both come here); ProtocolError if unknown."""
        action = JOB_ACTIONS.get(address)
        if action is None:
            raise ProtocolError(f"{address!r} is not a job address: expected one of {', '.join(JOB_ACTIONS)}")
        app = self._app()
        if self.preparer is not None:
            self.preparer.work_arrived()  # a preparation in idle time gives way at once
        kind = address.removeprefix("/roo/").replace("/", "_")
        return app.jobs.submit(kind, client, lambda job: action(app, job, args))

    def _error(self, addr: Address, address: str, message: str) -> None:
        self.errors_sent += 1
        self.errors_by_address[address] = self.errors_by_address.get(address, 0) + 1
        log.warning("bad request %s from %s:%s: %s", address, addr[0], addr[1], message)
        if self.app is not None:
            self.app.broadcast(protocol.ERROR, [address, message], also=addr)
        else:
            self.send(addr, protocol.ERROR, [address, message])

    # --- immediate handlers ----------------------------------------------------------------
    def _ping(self, addr: Address, args: list[Any]) -> None:
        self.send(addr, protocol.PONG, [protocol.PROTOCOL_VERSION, *args])

    def _register(self, addr: Address, args: list[Any]) -> None:
        if len(args) != 1 or not isinstance(args[0], int) or not 1 <= args[0] <= 65535:
            raise ProtocolError(f"/roo/register takes one port number 1..65535, got {args!r}")
        assert self.app is not None
        self.app.listeners[(addr[0], args[0])] = time.monotonic()
        self.send((addr[0], args[0]), protocol.REGISTERED, [args[0]])

    def _cancel(self, addr: Address, args: list[Any]) -> None:
        if len(args) != 1 or not isinstance(args[0], int):
            raise ProtocolError(f"/roo/cancel takes one job id (int), got {args!r}")
        assert self.app is not None
        if not self.app.jobs.cancel(args[0]):
            known = self.app.jobs.jobs.get(args[0])
            state = f"already {known.state}" if known else "not known"
            raise ProtocolError(f"job {args[0]} cannot be cancelled: it is {state}")

    def _app(self) -> App:
        assert self.app is not None
        return self.app

    def _jam_state(self, event: str, facts: dict[str, Any], to: Address | None) -> None:
        """From any thread: /roo/jam/state to the devices and the requester, on the loop."""
        if self.app is not None:
            app = self.app
            app.loop.call_soon_threadsafe(app.broadcast, protocol.JAM_STATE, state_args(event, facts), to)

    def _context_changed(self, ctx: LiveContext) -> None:
        if self.preparer is not None:
            self.preparer.context_changed(ctx)
        if self.app is not None:
            values = [getattr(ctx, f) for f in protocol.CONTEXT_FIELDS]
            self.app.broadcast(protocol.CONTEXT, values)
            self.app.notify({"type": "context", **dict(zip(protocol.CONTEXT_FIELDS, values, strict=True))})

    def _live_state(self, connected: bool) -> None:
        if self.app is not None:
            self.app.notify({"type": "live", "connected": connected})


async def serve_forever(
    daemon: Daemon,
    on_ready: Callable[[LiveContext | None], None],
    also_start: Callable[[], Awaitable[None]] | None = None,
) -> None:
    """Start (then ``also_start``, e.g. the HTTP server, on the same loop), report readiness (with
    Live's context if it answered), then run until cancelled."""
    await daemon.start()
    if also_start is not None:
        await also_start()
    on_ready(await daemon.connect_live())
    try:
        await asyncio.Event().wait()
    finally:
        await daemon.aclose()
