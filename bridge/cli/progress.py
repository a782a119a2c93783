"""A one-line terminal progress display for long CLI jobs (separation, MusicGen)."""

from __future__ import annotations

import sys


class ProgressLine:
    """Callable as ``progress(fraction, message)``; redraws stderr's line when the percent moves by ``step``."""

    def __init__(self, step_percent: int = 1) -> None:
        self.step = max(1, step_percent)
        self.shown = -1

    def __call__(self, fraction: float, message: str) -> None:
        percent = int(fraction * 100)
        if percent // self.step != self.shown // self.step or fraction >= 1.0:
            self.shown = percent
            print(f"\r{percent:3d}% {message[:60]:<60}", end="", file=sys.stderr, flush=True)

    def end(self) -> None:
        """Finish the line (before a result or an error message), if anything was drawn."""
        if self.shown >= 0:
            print(file=sys.stderr)
