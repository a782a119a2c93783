"""`roo sim` and `roo serve` as real subprocesses on free ports, stopped by their own ids."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import free_tcp_port, free_udp_port

ROOT = Path(__file__).resolve().parents[3]


@dataclass
class Roo:
    osc_port: int
    live_port: int
    http_port: int
    output: list[str]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"


def _start(args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "bridge", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        cwd=ROOT,
    )


def _read_until(proc: subprocess.Popen[str], pattern: str, lines: list[str], timeout_s: float = 60) -> None:
    end = time.monotonic() + timeout_s
    assert proc.stdout is not None
    while time.monotonic() < end:
        line = proc.stdout.readline()
        if not line:
            raise AssertionError(f"process ended before {pattern!r}: {''.join(lines)}")
        lines.append(line)
        if re.search(pattern, line):
            return
    raise AssertionError(f"no {pattern!r} within {timeout_s} s: {''.join(lines)}")


def _stop(proc: subprocess.Popen[str]) -> None:
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)


@contextmanager
def sim_and_serve(data_dir: Path, *serve_args: str) -> Iterator[Roo]:
    """`roo sim` then `roo serve` with its take store in ``data_dir``; both stopped after."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MUSEAROO_DATA_DIR": str(data_dir)}
    env.pop("MUSEAROO_DB", None)
    roo = Roo(free_udp_port(), free_udp_port(), free_tcp_port(), [])
    sim = _start(["sim", "--port", str(roo.live_port), "--quiet"], env)
    try:
        _read_until(sim, "Remote Script listening", [])
        serve = _start(
            [
                "serve",
                "--port",
                str(roo.osc_port),
                "--live-port",
                str(roo.live_port),
                "--http-port",
                str(roo.http_port),
                *serve_args,
            ],
            env,
        )
        try:
            _read_until(serve, "Ctrl-C stops", roo.output)
            yield roo
        finally:
            _stop(serve)
    finally:
        _stop(sim)
