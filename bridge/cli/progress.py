"""A one-line terminal progress display for long CLI jobs (separation, MusicGen)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager


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


@contextmanager
def terminal_bar(description: str, *, enabled: bool = True) -> Iterator[Callable[[float, str], None] | None]:
    """A rich progress bar on stderr while the block runs, as ``progress(fraction, message)``.

    Yields None (no bar) when ``enabled`` is False or stderr is not a terminal (piped, a file).
    The bar is removed when the block ends, so what the command prints stays clean.
    """
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    if not enabled or not console.is_terminal:
        yield None
        return
    columns = (TextColumn("{task.description}"), BarColumn(), TextColumn("{task.percentage:>3.0f}%"))
    with Progress(*columns, TimeElapsedColumn(), console=console, transient=True) as bar:
        task = bar.add_task(description, total=1.0)

        def report(fraction: float, message: str) -> None:
            bar.update(task, completed=max(0.0, min(1.0, fraction)), description=f"{description}: {message}")

        yield report
