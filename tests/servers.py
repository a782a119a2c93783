"""Servers the tests start (jackd, redis-server, PostgreSQL) end with the pytest process that
started them, however it ends: a finished run stops them in its fixtures, and a killed one
(SIGKILL, or SIGTERM, where no finalizer runs) takes them along through Linux's parent-death
signal, so no jackd or postgres is left running behind a killed run.

``bound_popen`` starts a program with ``PR_SET_PDEATHSIG`` set to SIGTERM in the child before it
execs: the kernel sends that signal when the thread that started it ends, so start servers from
the test's own thread (a fixture), never from a short-lived helper thread. PostgreSQL runs in the
foreground under ``runuser``, which passes a SIGTERM on to the server it runs (a smart shutdown:
the killed run's connections are already gone, so it stops at once).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import signal
import subprocess
import sys
from collections.abc import Callable
from typing import Any

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def _die_with_parent() -> Callable[[], None] | None:
    """The preexec function that asks for SIGTERM on the parent's death (None off Linux)."""
    if not sys.platform.startswith("linux"):
        return None
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)

    def preexec() -> None:
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG) failed")

    return preexec


def bound_popen(args: list[str], **kwargs: Any) -> subprocess.Popen[bytes]:
    """``subprocess.Popen(args, **kwargs)`` for a server that must not outlive this process."""
    return subprocess.Popen(args, preexec_fn=_die_with_parent(), **kwargs)
