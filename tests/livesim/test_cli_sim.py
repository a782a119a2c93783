"""``roo sim`` in a real process: prints where it listens, serves, stops cleanly on Ctrl-C."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys

from bridge import protocol
from tests.conftest import ROOT, free_udp_port
from tests.remote_scripts.osc_client import OscClient


def start(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "bridge", "sim", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_sim_serves_the_set_and_stops_on_ctrl_c() -> None:
    port = free_udp_port()
    proc = start("--port", str(port), "--set", str(ROOT / "presets" / "sets" / "demo.yaml"), "--quiet")
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline(), proc.stdout.readline()]
        assert "96 BPM" in lines[0] and f"listening on UDP 127.0.0.1:{port}" in lines[1], lines
        client = OscClient(port)
        assert client.ask(protocol.SONG_GET + "track_names")[:2] == ["Drums", "Bass"]
        client.close()
        proc.send_signal(signal.SIGINT)
        out, _ = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, out
    assert "stopped: 1 requests, 0 errors" in out


def test_sim_reports_a_busy_port() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as taken:
        taken.bind((protocol.HOST, 0))
        proc = start("--port", str(taken.getsockname()[1]), "--quiet")
        out, _ = proc.communicate(timeout=20)
    assert proc.returncode == 2 and "roo sim: error:" in out and "port in use" in out


def test_sim_reports_a_bad_set_file() -> None:
    proc = start("--set", "/no/such/set.yaml", "--port", "0")
    out, _ = proc.communicate(timeout=20)
    assert proc.returncode == 2 and "/no/such/set.yaml" in out
