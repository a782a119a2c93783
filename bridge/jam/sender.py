"""The sender process: the jam's ports live in a process of its own that only sends on time.

The player hands each message over ``LEAD_S`` before it is due, stamped with the monotonic time
it is due at (``send_at``); the process keeps them in time order, waits on its pipe until just
before the next one is due, spins the last ``SPIN_S`` and sends. It has one Python thread (no
other thread to wait for the interpreter lock), runs at the real-time class where the system
permits (else the best nice), locks its memory and keeps the collector off. It counts the notes
it has sounding: ``silence_at`` (a stop at a beat), ``halt`` (stop now, dropping what is queued),
``close`` (once what was handed over has played) and its parent going away (the pipe closes, or
SIGTERM) all end with a note-off for each of them and all-notes-off on every channel.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import heapq
import itertools
import logging
import multiprocessing
import signal
import threading
import time
from collections.abc import Sequence
from typing import Any

from bridge.jam import jack_cycles, jack_ports
from bridge.jam.ports import Outputs, api_of, cannot_open, quiet_stderr
from bridge.jam.priority import raise_priority
from engines.errors import InvalidValue, RooError
from engines.midi_file import CHANNELS

logger = logging.getLogger(__name__)

LEAD_S = 0.1  # how far ahead of its time a message goes to the process: what the player may be late by
SPIN_S = 0.0005  # the last stretch before a message is due is spun, not slept (a wake-up is late)
CLOSE_S = 1.0  # on close, what is due within this still plays; anything later is dropped
START_S = 30.0  # a loaded machine takes a while to start a Python process
SILENCE = "silence"  # a part name of no port: the note-offs of every sounding note, then all-notes-off
# On JACK: a python-rtmidi client per part (what roo jam uses), or one JACK-Client client with a port per
# part whose Python callback runs the schedule (issue 31: it lost more under load, docs/benchmarks/jam.md)
LAYOUTS = ("per-part", "one-client")


def realtime_process() -> str:
    """SCHED_FIFO (below JACK's threads), else the best nice, for the calling thread and the threads
    it starts later (``raise_priority``), and mlockall for the process: says what it got."""
    got = raise_priority()
    try:
        if ctypes.CDLL(None, use_errno=True).mlockall(3) == 0:  # MCL_CURRENT | MCL_FUTURE
            got += "+mlock"
    except (OSError, AttributeError, TypeError):  # no mlockall (Windows, macOS's libc differs)
        pass
    return got


def _leave(_signum: int, _frame: object) -> None:
    raise SystemExit(0)


def serve(
    conn: Any,
    parts: list[str],
    backend: str,
    port: str | None,
    log: bool = False,
    layout: str = "per-part",
    drain: bool = True,
) -> None:
    """The process: opens the ports, answers ("ready", priority) or ("error", kind, text), then sends.

    ``log``: keeps (sent at, part, message, due at) of every message and answers them on ``close``.
    ``layout``: ``per-part`` is a python-rtmidi client per part sent from this loop; ``one-client``
    (JACK, a port per part) one JACK client whose callback runs the schedule (``bridge.jam.jack_ports``).
    ``drain``: on JACK the ports close once JACK has run the cycles that deliver the last messages
    (``bridge.jam.jack_cycles``); False closes them at once, as before issue 31 (for comparison).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it stops us
    signal.signal(signal.SIGTERM, _leave)  # a parent ending without close terminates us: silence first
    # Memory locked before the ports open: locking it all later stalled the JACK client's thread
    # (it waits on the same memory map) until the server dropped the client, and nothing was heard.
    priority = realtime_process()
    try:
        one_client = _one_client(backend, port, layout)
    except Exception as exc:
        conn.send(("error", "invalid" if isinstance(exc, InvalidValue) else "error", str(exc)))
        return
    if one_client:
        _serve_one_client(conn, parts, priority, log)
        return
    quiet = quiet_stderr()  # libjack's own attempts at a server that is not there are not the user's news
    quiet.__enter__()
    try:
        outputs = Outputs(parts, backend, port)
    except Exception as exc:
        # stderr stays quiet: this process ends now, and libjack prints more as it unloads
        conn.send(("error", "invalid" if isinstance(exc, InvalidValue) else "error", str(exc)))
        return
    quiet.__exit__(None, None, None)
    sounding: dict[tuple[str, int, int], int] = {}  # part, channel, pitch: note-ons not yet off
    sent: list[tuple[float, str, list[int], float]] | None = [] if log else None

    def out(part: str, message: Sequence[int], due: float) -> None:
        outputs.send(part, message)
        if sent is not None:
            sent.append((time.monotonic(), part, list(message), due))

    def send(part: str, message: bytes, due: float = 0.0) -> None:
        if part == SILENCE:
            for (p, channel, pitch), count in sounding.items():
                for _ in range(count):
                    out(p, [0x80 | channel, pitch, 0], due)
            sounding.clear()
            for p, channel in outputs.channels.items():  # all-notes-off, as Outputs.all_notes_off
                out(p, [0xB0 | channel, 64, 0], due)
                out(p, [0xB0 | channel, 123, 0], due)
            return
        out(part, message, due)
        kind, key = message[0] & 0xF0, (part, message[0] & 0x0F, message[1] if len(message) > 1 else 0)
        if kind == 0x90 and message[2] > 0:
            sounding[key] = sounding.get(key, 0) + 1
        elif kind in (0x80, 0x90) and sounding.get(key, 0) > 0:
            sounding[key] -= 1
            if not sounding[key]:
                del sounding[key]

    try:
        conn.send(("ready", priority))
        gc.collect()
        gc.freeze()
        gc.disable()
        queue: list[tuple[float, int, str, bytes]] = []
        order, closing = itertools.count(), False
        while queue or not closing:
            wait = None if not queue else queue[0][0] - time.monotonic() - SPIN_S
            if wait is None or wait > 0:
                if closing:
                    time.sleep(wait or 0.0)
                elif conn.poll(wait):
                    what, when, part, message = conn.recv()
                    if what == "close":  # what is handed over plays out first (a stop at a beat)
                        closing = True
                        queue = [item for item in queue if item[0] < time.monotonic() + CLOSE_S]
                        heapq.heapify(queue)
                    elif what == "halt":
                        queue.clear()
                        send(SILENCE, b"", time.monotonic())
                    else:
                        heapq.heappush(queue, (when, next(order), part, message))
                continue
            when, _, part, message = heapq.heappop(queue)
            while time.monotonic() < when:
                pass
            send(part, message, when)
    except (EOFError, OSError):
        pass  # the parent went away: silence what sounds and end
    finally:
        try:
            send(SILENCE, b"", time.monotonic())
        finally:
            outputs.close(drain)
            if sent is not None:
                with contextlib.suppress(OSError):
                    conn.send(("sent", sent))


def _one_client(backend: str, port: str | None, layout: str) -> bool:
    import rtmidi

    if layout not in LAYOUTS:
        raise InvalidValue(f"port layout {layout!r} is not known: expected one of {', '.join(LAYOUTS)}")
    if layout == "per-part":
        return False
    if port is not None or api_of(backend) != rtmidi.API_UNIX_JACK:
        raise InvalidValue("port layout 'one-client' needs --midi jack and a port per part (no --port)")
    if not jack_ports.available():
        raise RooError("port layout 'one-client' needs the JACK-Client package (pip install JACK-Client)")
    return True


def _serve_one_client(conn: Any, parts: list[str], priority: str, log: bool) -> None:
    """The JACK callback runs the schedule (``bridge.jam.jack_ports``); this thread only waits."""
    try:
        sender = jack_ports.CallbackSender(
            conn, jack_ports.port_names(parts), {p: CHANNELS[p] for p in parts}, log
        )
    except Exception as exc:
        conn.send(("error", "error", cannot_open("jack", exc)))
        return
    conn.send(("ready", priority))
    gc.collect()
    gc.freeze()
    gc.disable()
    sender.start()
    try:
        sender.run()
    finally:
        if sender.sent is not None:
            with contextlib.suppress(OSError):
                conn.send(("sent", sender.sent))


class ProcessOutputs:
    """The ``Outputs`` of the jam's parts, sent from a real-time process of their own (see above)."""

    lead_s = LEAD_S

    def __init__(
        self,
        parts: Sequence[str],
        backend: str = "auto",
        port: str | None = None,
        *,
        log: bool = False,
        layout: str = "per-part",
        drain: bool = True,
    ) -> None:
        if layout not in LAYOUTS:
            raise InvalidValue(f"port layout {layout!r} is not known: expected one of {', '.join(LAYOUTS)}")
        self.api = api_of(backend)
        self.channels = {part: CHANNELS[part] for part in parts}
        context = multiprocessing.get_context("spawn")  # not fork: the parent has threads
        self._conn, theirs = context.Pipe()
        self._lock = threading.Lock()
        self._proc = context.Process(
            target=serve,
            args=(theirs, list(parts), backend, port, log, layout, drain),
            name="roo-jam-sender",
            daemon=True,
        )
        self._proc.start()
        theirs.close()
        reply = self._conn.recv() if self._conn.poll(START_S) else ("error", "error", "no answer")
        if reply[0] != "ready":
            self.close()
            error = InvalidValue if reply[1] == "invalid" else RooError
            raise error(f"the jam's sender process did not start: {reply[2]}")
        self.priority: str = reply[1]
        if self.api == api_of("jack") and jack_cycles.synchronous() is False:
            logger.warning("jam: " + jack_cycles.ASYNC_WARNING.format(name=jack_cycles.server_name()))
        # With ``log``, after close: every message sent, (sent at, part, bytes), and when each was due.
        self.sent: list[tuple[float, str, list[int]]] = []
        self.due: list[float] = []

    @property
    def pid(self) -> int | None:
        """The sender process's id."""
        return self._proc.pid

    def send_at(self, part: str, message: Sequence[int], when: float) -> None:
        """Send ``message`` on ``part``'s port at monotonic time ``when`` (at once if that has passed)."""
        self._put(("at", when, part, bytes(message)))

    def send(self, part: str, message: Sequence[int]) -> None:
        self.send_at(part, message, 0.0)

    def silence_at(self, when: float) -> None:
        """At ``when``: a note-off for every note then sounding, all-notes-off on every channel."""
        self._put(("at", when, SILENCE, b""))

    def all_notes_off(self) -> None:
        self.silence_at(0.0)

    def halt(self) -> None:
        """Now: drop every message not yet sent, and silence what sounds."""
        self._put(("halt", 0.0, SILENCE, b""))

    def _put(self, item: tuple[str, float, str, bytes]) -> None:
        with self._lock:
            self._conn.send(item)

    def close(self) -> None:
        """Silence what sounds, close the ports and end the process; safe to call twice."""
        if self._proc.is_alive():
            try:
                self._put(("close", 0.0, SILENCE, b""))
            except OSError:
                pass
            if self._conn.poll(10.0):
                with contextlib.suppress(EOFError, OSError):
                    log = self._conn.recv()[1]
                    self.sent = [(at, part, message) for at, part, message, _ in log]
                    self.due = [due for *_, due in log]
            self._proc.join(10.0)
            if self._proc.is_alive():
                self._proc.kill()
                self._proc.join(5.0)
        self._conn.close()
