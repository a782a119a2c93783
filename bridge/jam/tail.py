"""The last bars a jam played, per part: a phrase hook every jam has, for "write the last N bars".

It keeps the phrases handed to it (notes as the player sent them) up to ``max_bars``, and gives
the notes of the last ``bars`` bars before a bar line, in beats from the start of that window,
with notes that ring past the window's end cut at it.
"""

from __future__ import annotations

import math
import threading
from collections import deque
from dataclasses import replace

from engines.errors import InvalidValue
from engines.music import Note

MAX_BARS = 64


class Tail:
    """``tail(index, start_beat, notes)``; ``last(bars, end_beat)`` the notes of the last bars."""

    def __init__(self, bar_beats: float, phrase_bars: int, max_bars: int = MAX_BARS) -> None:
        self.bar_beats, self.max_bars = bar_beats, max_bars
        self._phrases: deque[tuple[float, dict[str, list[Note]]]] = deque(
            maxlen=math.ceil(max_bars / phrase_bars) + 1
        )
        self._lock = threading.Lock()

    def __call__(self, index: int, start_beats: float, notes: dict[str, list[Note]]) -> None:
        with self._lock:
            self._phrases.append((start_beats, {p: list(n) for p, n in notes.items()}))

    def end_beat(self) -> float:
        """The bar line after the last note kept (0 when nothing was played)."""
        with self._lock:
            ends = [
                start + n.start_beats for start, parts in self._phrases for ns in parts.values() for n in ns
            ]
        if not ends:
            return 0.0
        return (math.floor(max(ends) / self.bar_beats + 1e-9) + 1) * self.bar_beats

    def last(self, bars: int, end_beat: float | None = None) -> dict[str, list[Note]]:
        """Every part's notes starting in the ``bars`` bars before ``end_beat`` (default: the last
        bar line played), from the window's start; raises InvalidValue for a count out of range."""
        if not 1 <= bars <= self.max_bars:
            raise InvalidValue(f"bars {bars} is out of range: expected 1..{self.max_bars}")
        end = self.end_beat() if end_beat is None else end_beat
        start = end - bars * self.bar_beats
        out: dict[str, list[Note]] = {}
        with self._lock:
            phrases = list(self._phrases)
        for phrase_start, parts in phrases:
            for part, notes in parts.items():
                for n in notes:
                    at = phrase_start + n.start_beats
                    if start - 1e-6 <= at < end - 1e-6:
                        length = min(n.duration_beats, end - at)
                        out.setdefault(part, []).append(
                            replace(n, start_beats=round(at - start, 6), duration_beats=round(length, 6))
                        )
        return {part: sorted(ns, key=lambda n: (n.start_beats, n.pitch)) for part, ns in out.items()}
