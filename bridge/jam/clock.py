"""Where the beat is: Ableton Link, incoming MIDI clock, or the jam's own clock.

Every clock answers ``sample()`` with (monotonic seconds, beat at that moment, tempo in BPM);
the player turns a beat into a time by extrapolating from a fresh sample, so a tempo change
moves every note not yet sent. Beats are the clock's own count (Link's session beats).
"""

from __future__ import annotations

import asyncio
import math
import threading
import time
from collections import deque
from typing import Any, Protocol

from engines.errors import RooError


class Clock(Protocol):
    def sample(self) -> tuple[float, float, float]: ...

    def close(self) -> None: ...


def next_bar(beat: float, quantum: float, guard_beats: float = 0.25) -> float:
    """The first bar line (multiple of ``quantum``) at least ``guard_beats`` after ``beat``."""
    return math.ceil((beat + guard_beats) / quantum) * quantum


def time_of(clock: Clock, beat: float) -> float:
    """The monotonic time at which ``beat`` falls, at the clock's current tempo."""
    now, here, tempo = clock.sample()
    return now + (beat - here) * 60.0 / tempo


class FreeClock:
    """The jam's own clock: a steady tempo from its creation; ``set_tempo`` keeps the beat continuous."""

    def __init__(self, tempo_bpm: float, now: Any = time.monotonic) -> None:
        self._now = now
        self._origin = (now(), 0.0)
        self.tempo = tempo_bpm

    def sample(self) -> tuple[float, float, float]:
        t = self._now()
        t0, b0 = self._origin
        return t, b0 + (t - t0) * self.tempo / 60.0, self.tempo

    def set_tempo(self, tempo_bpm: float) -> None:
        t, beat, _ = self.sample()
        self._origin = (t, beat)
        self.tempo = tempo_bpm

    def close(self) -> None:
        pass


class LinkClock:
    """An Ableton Link peer (aalink) on its own event-loop thread; the session's tempo and beat."""

    def __init__(self, tempo_bpm: float, quantum: float) -> None:
        try:
            import aalink
        except ImportError as exc:
            raise RooError("Ableton Link needs the aalink package: pip install aalink") from exc
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._link: Any = None
        self._thread = threading.Thread(target=self._run, name="roo-jam-link", daemon=True)
        self._aalink, self._tempo, self._quantum = aalink, tempo_bpm, quantum
        self._thread.start()
        self._ready.wait(5.0)
        if self._link is None:
            raise RooError("Ableton Link did not start within 5 s")

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)

        async def start() -> None:
            self._link = self._aalink.Link(self._tempo)
            self._link.quantum = self._quantum
            self._link.enabled = True
            self._ready.set()

        self._loop.run_until_complete(start())
        self._loop.run_forever()

    @property
    def peers(self) -> int:
        return int(self._link.num_peers)

    def sample(self) -> tuple[float, float, float]:
        # Link's own clock is CLOCK_MONOTONIC_RAW on Linux, which drifts from time.monotonic;
        # its beat is the beat now, so pairing it with time.monotonic() here is exact enough.
        link = self._link
        beat, tempo = float(link.beat), float(link.tempo)
        return time.monotonic(), beat, tempo

    def set_tempo(self, tempo_bpm: float) -> None:
        """Propose a tempo to the session (every peer follows)."""
        self._loop.call_soon_threadsafe(setattr, self._link, "tempo", tempo_bpm)

    def close(self) -> None:
        if self._link is not None:
            self._loop.call_soon_threadsafe(self._disable)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(2.0)

    def _disable(self) -> None:
        self._link.enabled = False


class MidiClockIn:
    """Follows MIDI clock (24 ticks a beat) arriving at an input; Start (0xFA) resets the beat to 0."""

    def __init__(self, port: Any, tempo_bpm: float = 120.0) -> None:
        self._lock = threading.Lock()
        self._ticks: deque[float] = deque(maxlen=25)
        self._count = 0
        self._tempo = tempo_bpm
        self._last = (time.monotonic(), 0.0)
        self._port = port
        port.ignore_types(sysex=True, timing=False, active_sense=True)
        port.set_callback(self._on_message)

    def _on_message(self, event: tuple[list[int], float], _data: object = None) -> None:
        status = event[0][0] if event[0] else 0
        now = time.monotonic()
        with self._lock:
            if status == 0xFA:
                self._count, self._ticks = 0, deque(maxlen=25)
                self._last = (now, 0.0)
            elif status == 0xF8:
                self._count += 1
                self._ticks.append(now)
                if len(self._ticks) >= 2:
                    span = self._ticks[-1] - self._ticks[0]
                    self._tempo = 60.0 / (span / (len(self._ticks) - 1) * 24) if span > 0 else self._tempo
                self._last = (now, self._count / 24.0)

    def sample(self) -> tuple[float, float, float]:
        now = time.monotonic()
        with self._lock:
            t, beat = self._last
            tempo = self._tempo
        return now, beat + min(now - t, 60.0 / tempo) * tempo / 60.0, tempo  # never runs a beat past

    def close(self) -> None:
        self._port.cancel_callback()
        self._port.close_port()
