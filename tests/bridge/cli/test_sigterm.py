"""``roo sim`` and ``roo serve`` in real processes end promptly on SIGTERM, even with a blocked output.

A test suite that starts them with a pipe it never reads fills the pipe with log lines: the
process then blocks writing, and SIGTERM has to end it anyway.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time

import pytest

from bridge import osc, protocol
from tests.conftest import ROOT, free_udp_port

GENEROUS_S = 10.0  # the processes end within about a second; this only bounds a hang


def start(*args: str) -> subprocess.Popen[bytes]:
    """Start ``roo ARGS`` with its output on a pipe nobody reads; return once it listens."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "bridge", *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    assert proc.stdout is not None
    for _ in range(20):
        if b"listening" in proc.stdout.readline():
            return proc
    proc.kill()
    raise AssertionError(f"roo {' '.join(args)} did not start")


def flood(port: int, address: str, count: int = 3000) -> None:
    """Requests that each make a log line, far more than a pipe holds."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        for i in range(count):
            sock.sendto(osc.encode(address, [i]), (protocol.HOST, port))
            if i % 100 == 0:
                time.sleep(0.02)  # let the receiver keep up: UDP drops what a full buffer cannot hold
    time.sleep(0.5)


def stop(proc: subprocess.Popen[bytes]) -> int | None:
    proc.send_signal(signal.SIGTERM)
    try:
        return proc.wait(GENEROUS_S)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        return None
    finally:
        assert proc.stdout is not None
        proc.stdout.close()


@pytest.mark.parametrize("blocked", [False, True], ids=["idle", "output-blocked"])
def test_sim_ends_on_sigterm(blocked: bool) -> None:
    port = free_udp_port()
    proc = start("sim", "--port", str(port))
    if blocked:
        flood(port, protocol.SONG_SET + "tempo")
    assert stop(proc) in (0, -signal.SIGTERM, 143), "roo sim was still running after SIGTERM"


@pytest.mark.parametrize("blocked", [False, True], ids=["idle", "output-blocked"])
def test_serve_ends_on_sigterm(blocked: bool) -> None:
    port = free_udp_port()
    proc = start("serve", "--port", str(port), "--live-port", str(free_udp_port()))
    if blocked:
        flood(port, "/roo/no/such/address")  # each is logged as a bad request
    assert stop(proc) in (0, -signal.SIGTERM, 143), "roo serve was still running after SIGTERM"


# SIGTERM sent the moment the script itself has said "listening" (its log line comes before roo
# sim's own): the stop it asks for must not be reported as a port that cannot be listened on.
EARLY_SIGTERM = """
import os, signal, sys
from livesim import host as livehost
from bridge.cli import main

started = livehost.LiveHost.start_in_thread

def start_then_term(self, *a, **k):
    out = started(self, *a, **k)
    os.kill(os.getpid(), signal.SIGTERM)
    self.wait(5.0)  # the script's thread has ended: the worst case of the race, every time
    return out

livehost.LiveHost.start_in_thread = start_then_term
sys.exit(main(["sim", "--quiet", "--port", sys.argv[1]]))
"""


def test_sim_sigterm_during_start_up_is_no_error() -> None:
    done = subprocess.run(
        [sys.executable, "-c", EARLY_SIGTERM, str(free_udp_port())],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=GENEROUS_S * 3,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "cannot listen" not in done.stderr
