"""Keeping the sender on time: a raised scheduling priority and the garbage collector out of its way.

``raise_priority`` lifts the calling thread to the real-time class (SCHED_FIFO, a low priority so
JACK's own threads stay above it) where the system permits, else to a better nice value, else
leaves it; it answers what it got. ``Quiet`` is held while a jam plays: it moves every object that
exists at the start to the collector's permanent generation (``gc.freeze``), so the collections
that run while notes are due only walk what the jam made since, and it shortens the interpreter's
thread switch interval so the sender, woken for a note, waits less for a thread that holds the GIL.
Both are process-wide and are put back when the last jam stops.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import threading

log = logging.getLogger(__name__)
FIFO_PRIORITY = 5  # above every ordinary thread, below JACK's (10 and up)
NICE = -10
SWITCH_INTERVAL_S = 0.0005  # the default is 0.005: a sender woken for a note waited up to that


def raise_priority() -> str:
    """Raise the calling thread's priority as far as permitted: "fifo", "nice" or "normal"."""
    tid = threading.get_native_id()
    if hasattr(os, "sched_setscheduler"):
        try:
            os.sched_setscheduler(tid, os.SCHED_FIFO, os.sched_param(FIFO_PRIORITY))
            return "fifo"
        except (OSError, PermissionError) as exc:
            log.debug("jam: no SCHED_FIFO for the sender (%s)", exc)
    if hasattr(os, "setpriority"):
        try:
            os.setpriority(os.PRIO_PROCESS, tid, NICE)
            return "nice"
        except (OSError, PermissionError) as exc:
            log.debug("jam: no nice %s for the sender (%s)", NICE, exc)
    return "normal"


class Quiet:
    """Process-wide: ``gc.freeze`` and a short switch interval while at least one holder is in."""

    _lock = threading.Lock()
    _holders = 0
    _saved_interval = 0.005

    @classmethod
    def hold(cls) -> None:
        with cls._lock:
            if cls._holders == 0:
                gc.collect()  # what is garbage now is freed, not frozen for the whole jam
                gc.freeze()
                cls._saved_interval = sys.getswitchinterval()
                sys.setswitchinterval(min(SWITCH_INTERVAL_S, cls._saved_interval))
            cls._holders += 1

    @classmethod
    def release(cls) -> None:
        with cls._lock:
            if cls._holders == 0:
                return
            cls._holders -= 1
            if cls._holders == 0:
                gc.unfreeze()
                sys.setswitchinterval(cls._saved_interval)

    @classmethod
    def held(cls) -> bool:
        with cls._lock:
            return cls._holders > 0
