"""``roo sim --abletonosc`` in its own process, for benchmarks: Live and the daemon on separate GILs.

In one process the in-memory Live's main thread, the daemon's loop and the benchmark's client
take turns on one GIL (a waiting thread can wait up to Python's 5 ms switch interval); real
Live runs in its own process, and so does this one. Its MuseAroo port and its AbletonOSC port
are read from what it prints; the AbletonOSC replies go to ``reply_port``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from types import TracebackType

from bridge import protocol

ROOT = Path(__file__).resolve().parents[2]


class SimProcess:
    def __init__(
        self, reply_port: int, live_version: str = "12.3.6", launcher: list[str] | None = None
    ) -> None:
        self.reply_port = reply_port
        self.live_version = live_version
        self.launcher = launcher or [sys.executable, "-m", "bridge"]  # what runs `roo` (a tracer may wrap it)
        self.proc: subprocess.Popen[str] | None = None
        self.port = 0
        self.compat_port = 0

    def __enter__(self) -> SimProcess:
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "MUSEAROO_ABLETONOSC_PORT": "0",
            "MUSEAROO_ABLETONOSC_REPLY_PORT": str(self.reply_port),
        }
        command = [*self.launcher, "sim", "--abletonosc", "--port", "0", "--quiet"]
        command += ["--live-version", self.live_version]
        self.proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        for _ in range(6):
            line = self.proc.stdout.readline()
            if not line:
                break
            if m := re.search(rf"Remote Script listening on UDP {protocol.HOST}:(\d+)", line):
                self.port = int(m.group(1))
            if m := re.search(rf"AbletonOSC's grammar on UDP {protocol.HOST}:(\d+)", line):
                self.compat_port = int(m.group(1))
            if self.port and self.compat_port:
                return self
        self.__exit__(None, None, None)
        raise SystemExit("roo sim --abletonosc did not start (see its output above)")

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=20)
