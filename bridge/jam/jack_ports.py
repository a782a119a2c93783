"""The jam's sender on JACK: one client with a MIDI port per part, its schedule run by JACK's callback.

Why (issue 31): with python-rtmidi every part was a JACK client of its own, each with a real-time
thread JACK wakes once per period and that must finish within it. On a 64-frame period (1.3 ms)
on a loaded machine one of them was now and then not woken in time (jackd: "client =
MuseAroo-bass was not finished"), and what it wrote that cycle never reached a reader. Here the
parts are the ports of one client (``MuseAroo:MuseAroo drums`` ...): one wake-up per period for
every part.

The process callback is the only Python code that runs while the jam plays: each period it takes
what the parent sent from the pipe (without blocking), keeps it in time order and writes every
message due before the period ends at its frame within the period (sample-accurate; nothing is
spun). The main thread only waits (it holds no lock the callback needs: a thread holding the
interpreter lock while preempted made the callback miss its period). Stop, halt, close and the
parent going away end as in ``bridge.jam.sender``: a note-off for each sounding note, then
all-notes-off on every part's channel.
"""

from __future__ import annotations

import heapq
import itertools
import threading
import time
from collections.abc import Sequence
from typing import Any

from bridge.jam.jack_cycles import CYCLES, WAIT_S

CLIENT_NAME = "MuseAroo"
CLOSE_S = 1.0  # on close, what is due within this still plays; anything later is dropped
SILENCE = "silence"  # as bridge.jam.sender.SILENCE


def available() -> bool:
    """Whether the JACK client library (JACK-Client and libjack) can be used here."""
    try:
        import jack  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


class CallbackSender:
    """One JACK client with a port per part; ``run`` serves the parent's pipe until the jam ends."""

    def __init__(self, conn: Any, port_names: dict[str, str], channels: dict[str, int], log: bool) -> None:
        import jack

        self.conn, self.channels = conn, channels
        self.client = jack.Client(CLIENT_NAME, no_start_server=True)
        self.ports = {part: self.client.midi_outports.register(name) for part, name in port_names.items()}
        self.rate = float(self.client.samplerate)
        self.queue: list[tuple[float, int, str, bytes]] = []
        self.order = itertools.count()
        self.sounding: dict[tuple[str, int, int], int] = {}
        self.sent: list[tuple[float, str, list[int], float]] | None = [] if log else None
        self.lost = 0  # messages a port's buffer had no room for
        self.closing = self.gone = self.silenced = False
        self.done = threading.Event()
        self.client.set_process_callback(self._process)

    def start(self) -> None:
        self.client.activate()

    def run(self) -> None:
        """Wait (holding nothing) until the callback has played the jam out and silenced it."""
        try:
            while not self.done.wait(0.5):
                pass
        finally:
            self.gone = True  # SIGTERM or an error here: the callback silences what sounds
            self.done.wait(1.0)
            # the last buffers are read in the cycles after (bridge.jam.jack_cycles): two more begun
            start, deadline = self.client.last_frame_time, time.monotonic() + WAIT_S
            while (self.client.last_frame_time - start) % 2**32 < CYCLES * self.client.blocksize:
                if time.monotonic() > deadline:
                    break
                time.sleep(0.001)
            self.client.deactivate()
            self.client.close()

    # --- the callback's own (JACK's real-time thread) ---

    def _process(self, frames: int) -> None:
        for port in self.ports.values():
            port.clear_buffer()
        if self.done.is_set():
            return
        now = time.monotonic()
        end = now + frames / self.rate
        self._take(now)
        last = dict.fromkeys(self.ports, 0)
        while self.queue and self.queue[0][0] < end and not self.gone:
            when, _, part, message = heapq.heappop(self.queue)
            self._send(part, message, when, now, frames, last)
        if self.gone or (self.closing and not self.queue):
            if not self.silenced:
                self.silenced = True
                self._send(SILENCE, b"", now, now, frames, last)
            self.done.set()

    def _take(self, now: float) -> None:
        """Everything the parent has sent so far, without waiting."""
        try:
            while not self.gone and self.conn.poll():
                what, when, part, message = self.conn.recv()
                if what == "close":  # what is handed over plays out first (a stop at a beat)
                    self.closing = True
                    self.queue = [item for item in self.queue if item[0] < now + CLOSE_S]
                    heapq.heapify(self.queue)
                elif what == "halt":
                    self.queue.clear()
                    heapq.heappush(self.queue, (0.0, next(self.order), SILENCE, b""))
                else:
                    heapq.heappush(self.queue, (when, next(self.order), part, message))
        except (EOFError, OSError):
            self.gone = True  # the parent went away

    def _send(
        self, part: str, message: bytes, due: float, now: float, frames: int, last: dict[str, int]
    ) -> None:
        if part == SILENCE:
            for (p, channel, pitch), count in self.sounding.items():
                for _ in range(count):
                    self._write(p, bytes([0x80 | channel, pitch, 0]), due, now, frames, last)
            self.sounding.clear()
            for p, channel in self.channels.items():
                self._write(p, bytes([0xB0 | channel, 64, 0]), due, now, frames, last)
                self._write(p, bytes([0xB0 | channel, 123, 0]), due, now, frames, last)
            return
        self._write(part, message, due, now, frames, last)
        kind, key = message[0] & 0xF0, (part, message[0] & 0x0F, message[1] if len(message) > 1 else 0)
        if kind == 0x90 and message[2] > 0:
            self.sounding[key] = self.sounding.get(key, 0) + 1
        elif kind in (0x80, 0x90) and self.sounding.get(key, 0) > 0:
            self.sounding[key] -= 1
            if not self.sounding[key]:
                del self.sounding[key]

    def _write(
        self, part: str, message: bytes, due: float, now: float, frames: int, last: dict[str, int]
    ) -> None:
        offset = min(max(int((due - now) * self.rate), last[part]), frames - 1)
        last[part] = offset
        try:
            self.ports[part].write_midi_event(offset, message)
        except Exception:  # JackErrorCode: the port's buffer is full this period
            self.lost += 1
            return
        if self.sent is not None:
            self.sent.append((now + offset / self.rate, part, list(message), due))


def port_names(parts: Sequence[str]) -> dict[str, str]:
    from bridge.jam.ports import port_name

    return {part: port_name(part) for part in parts}
