"""Functions the worker tests run inside the worker process (imported there by name)."""

from __future__ import annotations

import atexit
import os
import signal
import time
from collections.abc import Callable
from pathlib import Path

from engines.errors import AudioFileError

Progress = Callable[[float, str], None]
_LOADED: dict[str, int] = {}  # stands in for a model cache: survives between jobs in one process


def add(*, a: int, b: int, progress: Progress) -> dict[str, int]:
    progress(0.5, "adding")
    _LOADED["add"] = _LOADED.get("add", 0) + 1
    return {"sum": a + b, "pid": os.getpid(), "calls_in_this_process": _LOADED["add"]}


def steps(*, count: int, step_s: float, log: str = "", name: str = "", progress: Progress) -> int:
    """Reports progress every step (long enough to cancel mid-way); appends what it did to ``log``."""

    def note(line: str) -> None:
        if log:
            with open(log, "a") as f:
                f.write(f"{name} {line}\n")

    note("start")
    for i in range(count):
        progress(i / count, f"step {i} of {count}")
        note(f"step {i}")
        time.sleep(step_s)
    progress(1.0, "done")
    note("end")
    return count


def silent(*, seconds: float, progress: Progress) -> str:
    """A long step with no progress calls (the daemon's heartbeat keeps the status alive)."""
    time.sleep(seconds)
    return "slept"


def slow_exit(*, seconds: float, progress: Progress) -> int:
    """Makes the interpreter's teardown in this process take ``seconds`` (as torch's did, loaded)."""
    atexit.register(time.sleep, seconds)
    return os.getpid()


def hold(*, marker: str, seconds: float, progress: Progress) -> str:
    """Writes ``marker``.started, then a step of ``seconds`` that calls no progress (so it never hears
    a cancel), then ``marker``.finished."""
    Path(f"{marker}.started").touch()
    time.sleep(seconds)
    Path(f"{marker}.finished").touch()
    return "held"


def bad_file(*, path: str, progress: Progress) -> None:
    raise AudioFileError(f"{path}: not a WAV file (expected RIFF header)")


def library_bug(*, progress: Progress) -> None:
    raise KeyError("missing_key")


def unpicklable_result(*, progress: Progress) -> object:
    return lambda: None


def die(*, how: str, progress: Progress) -> None:
    progress(0.1, "about to die")
    time.sleep(0.2)
    os.kill(os.getpid(), signal.SIGKILL if how == "kill" else signal.SIGSEGV)
    time.sleep(10)
