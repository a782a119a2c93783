"""What ``roo serve`` and ``roo sim`` share: ``--quiet``/``--verbose``, a prompt end on SIGTERM, and
a settled heap once they are up (``settle_heap``: full garbage collections over the ~100,000 objects
of start-up paused ``roo sim`` about 20 ms and the daemon's process about 60 ms, each about once in
100 to 200 generates, and made the generate's p99).

On SIGTERM the graceful stop gets ``GRACE_S`` seconds; whatever has not finished by then (a
thread blocked writing to a pipe nobody reads, a cancelled job still computing in a thread)
is abandoned: child processes are killed and the process exits with code 0.
"""

from __future__ import annotations

import argparse
import gc
import logging
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable
from types import FrameType

GRACE_S = 1.0


def add_verbosity(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--quiet", "-q", action="store_true", help="print no log lines (start-up lines and errors still show)"
    )
    group.add_argument("--verbose", "-v", action="store_true", help="also print debug log lines")


def log_level(args: argparse.Namespace) -> int:
    if args.quiet:
        return logging.ERROR
    return logging.DEBUG if args.verbose else logging.WARNING


def settle_heap() -> None:
    """Collect once, then keep what start-up made (modules, the Set, the daemon) out of every later
    collection (``gc.freeze``): a full collection then walks only what came since, not every object
    of the libraries. Call it once the process is up (``roo serve``, ``roo sim``, a benchmark)."""
    gc.collect()
    gc.freeze()


def exit_soon(grace_s: float = GRACE_S, code: int = 0) -> threading.Timer:
    """Ensure the process ends within ``grace_s`` seconds, whatever the graceful stop is doing."""

    def force() -> None:
        for child in multiprocessing.active_children():
            child.kill()
        os._exit(code)

    timer = threading.Timer(grace_s, force)
    timer.daemon = True
    timer.start()
    return timer


def on_sigterm(stop: Callable[[], object]) -> None:
    """Install a SIGTERM handler that starts the grace timer, then asks for a graceful ``stop``.

    A plain signal handler (not the event loop's) so it runs even while the main thread is
    blocked in a write.
    """

    def handle(signum: int, frame: FrameType | None) -> None:
        exit_soon()
        stop()

    signal.signal(signal.SIGTERM, handle)
