"""A client of the AbletonOSC grammar MuseAroo's Remote Script serves (its compatibility mode).

The mode listens on 127.0.0.1:11000 and answers to port 11001 of the sender's host unless the
sender asks to be answered on its own port (``/live/api/reply_to_sender``, MuseAroo's addition):
this client does, on a port of its own (``reply_port`` 0, the default), before each request, so
any number of clients (several ``roo mcp``, the Inspector beside a desktop assistant) share one
Live, and a Remote Script reloaded meanwhile is asked again. With a fixed ``reply_port`` (11001:
AbletonOSC itself) it binds that port and asks nothing. Its errors carry no address, so requests go one at a time, each followed by ``/live/test``: the
Remote Script answers in order, so every ``/live/error`` before the test's ``ok`` belongs to the
request, and a setter that answers nothing is known to have run when ``ok`` comes.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from bridge import osc, protocol
from bridge.live.heard import heard
from engines.errors import LiveError, LiveUnreachable, ProtocolError

log = logging.getLogger(__name__)
ERROR = "/live/error"
TEST = "/live/test"
TIMEOUT_S = 3.0


class _Replies(asyncio.DatagramProtocol):
    def __init__(self) -> None:
        self.queue: asyncio.Queue[tuple[str, list[Any]]] = asyncio.Queue()

    def datagram_received(self, data: bytes, addr: tuple[str, int]) -> None:
        try:
            for message in osc.decode(data):
                self.queue.put_nowait(message)
        except ProtocolError as exc:
            log.warning("dropped a bad packet from Live's AbletonOSC mode: %s", exc)


class AbletonOSC:
    """Requests in AbletonOSC's grammar; ``call`` returns the replies on the request's address."""

    def __init__(self, port: int = protocol.ABLETONOSC_PORT, reply_port: int = 0) -> None:
        self.target = (protocol.HOST, port)
        self.reply_port = reply_port
        self._replies = _Replies()
        self._transport: asyncio.DatagramTransport | None = None
        self._lock = asyncio.Lock()

    async def _start(self) -> None:
        if self._transport is not None:
            return
        loop = asyncio.get_running_loop()
        try:
            self._transport, _ = await loop.create_datagram_endpoint(
                lambda: self._replies, local_addr=(protocol.HOST, self.reply_port)
            )
        except OSError as exc:
            raise LiveUnreachable(
                f"cannot listen for Live's AbletonOSC replies on UDP {protocol.HOST}:{self.reply_port} "
                f"({exc.strerror}): is another AbletonOSC client running? (reply port 0, the default, "
                "needs no fixed port: MuseAroo's AbletonOSC mode answers each client on its own)"
            ) from exc

    def close(self) -> None:
        if self._transport is not None:
            self._transport.close()
            self._transport = None

    async def call(self, address: str, *args: Any, timeout_s: float = TIMEOUT_S) -> list[list[Any]]:
        """Send one request; the argument lists of its replies (none for a setter or a method).

        LiveError with the Remote Script's reason when it answers ``/live/error``."""
        async with self._lock:
            await self._start()
            assert self._transport is not None
            queue = self._replies.queue
            while not queue.empty():  # a listener's late value or /live/startup: not this request's
                queue.get_nowait()
            if self.reply_port == 0:
                self._transport.sendto(osc.encode(protocol.ABLETONOSC_REPLY_HERE, []), self.target)
            self._transport.sendto(osc.encode(address, list(args)), self.target)
            self._transport.sendto(osc.encode(TEST, []), self.target)
            replies: list[list[Any]] = []
            errors: list[str] = []
            while True:
                getting = asyncio.ensure_future(queue.get())
                try:  # the daemon's own clock (bridge.live.heard): a standstill of this process is not Live's
                    got, values = await heard(getting, timeout_s)
                except TimeoutError as exc:
                    getting.cancel()  # still waiting: nothing taken from the queue
                    host, port = self.target
                    raise LiveUnreachable(
                        f"no answer to {address} from Live's AbletonOSC mode at {host}:{port} within "
                        f"{timeout_s:g} s: is Live running with MuseAroo's AbletonOSC mode on "
                        "(`roo install --abletonosc`, or `roo sim --abletonosc`)?"
                    ) from exc
                if got == ERROR:
                    errors.append(str(values[0]) if values else "an error without a reason")
                elif got == TEST and address != TEST:
                    break
                elif got == address or "*" in address:
                    replies.append(values)
                    if address == TEST:
                        break
            if errors:
                raise LiveError(f"{address} {list(args)!r}: {'; '.join(errors)}")
            return replies
