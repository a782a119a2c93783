"""The main thread's timer queue: Live.Base.Timer callbacks fire here, in due order.

Times are ``time.monotonic()`` seconds; intervals arrive in milliseconds. A repeating timer
that falls behind is rescheduled from now (no burst of catch-up calls); an exception in a
callback stops that timer and is recorded, as Live does.
"""

from __future__ import annotations

import heapq
import itertools
import time
from typing import Protocol

from livesim.base import Timer


class ErrorSink(Protocol):
    def report_error(self, where: str, exc: BaseException) -> None: ...


class TimerScheduler:
    def __init__(self) -> None:
        self._heap: list[tuple[float, int, Timer]] = []
        self._token: dict[int, int] = {}  # id(timer) -> seq of its live heap entry
        self._timers: dict[int, Timer] = {}
        self._seq = itertools.count()

    def schedule(self, timer: Timer, delay_ms: float) -> None:
        seq = next(self._seq)
        self._token[id(timer)] = seq
        self._timers[id(timer)] = timer
        heapq.heappush(self._heap, (time.monotonic() + delay_ms / 1000.0, seq, timer))

    def unschedule(self, timer: Timer) -> None:
        self._token.pop(id(timer), None)
        self._timers.pop(id(timer), None)

    def clear(self) -> None:
        for timer in list(self._timers.values()):
            timer.stop()
        self._heap.clear()

    def next_due(self) -> float:
        """When the next timer is due (monotonic seconds); far in the future when none is."""
        while self._heap and self._token.get(id(self._heap[0][2])) != self._heap[0][1]:
            heapq.heappop(self._heap)  # a stopped or restarted timer's stale entry
        return self._heap[0][0] if self._heap else time.monotonic() + 3600.0

    def run_due(self, now: float, errors: ErrorSink) -> int:
        """Fire every timer due by now; returns how many fired."""
        fired = 0
        while self.next_due() <= now:
            _, _, timer = heapq.heappop(self._heap)
            self._token.pop(id(timer), None)
            if timer._mark_fired():
                self.schedule(timer, max(1.0, timer.interval))
            else:
                self._timers.pop(id(timer), None)
            fired += 1
            try:
                timer.callback()
            except Exception as exc:  # "Errors in the callback will stop the timer"
                timer.stop()
                errors.report_error("Live.Base.Timer callback", exc)
        return fired
