"""A pytest run killed with SIGKILL leaves none of its servers running (tests/servers.py).

A child pytest holds PostgreSQL (the take store's session server), a jackd (the jam's fixture) and
a redis-server (the queue's) and waits; it is killed with SIGKILL, where no fixture finalizer
runs; then none of the three may answer any more, nor any process of that jackd's name remain.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import ROOT, require_tool

CONFTEST = """
from tests.bridge.history.conftest import postgres_server  # noqa: F401
from tests.bridge.jam.conftest import jack  # noqa: F401
"""

HOLD = """
import json, os, time
from urllib.parse import urlparse

from tests.bridge.queue_procs import RedisServer
from tests.conftest import free_tcp_port


def test_hold(postgres_server, jack):
    redis = RedisServer("redis-server", free_tcp_port())
    redis.start()
    facts = {"postgres": urlparse(postgres_server).port, "redis": redis.port, "jack": jack}
    with open(os.environ["HOLD_FACTS"], "w") as f:
        json.dump(facts, f)
    time.sleep(120)
"""


def _answers(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def _named(name: str) -> list[str]:
    """Command lines of the processes that carry ``name`` (a jackd started as ``jackd -n name``)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if name in cmdline and "pytest" not in cmdline:
            found.append(cmdline)
    return found


def test_a_killed_run_leaves_no_server_running(tmp_path: Path) -> None:
    for tool in ("jackd", "jack_wait", "redis-server", "runuser"):
        require_tool(tool)
    (tmp_path / "conftest.py").write_text(CONFTEST)
    (tmp_path / "test_hold.py").write_text(HOLD)
    facts_file = tmp_path / "facts.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOLD_FACTS": str(facts_file), "PYTEST_ADDOPTS": ""}
    child = subprocess.Popen(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", str(tmp_path)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 90
        while not facts_file.exists() and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert facts_file.exists(), child.communicate(timeout=30)[0].decode(errors="replace")[-3000:]
        time.sleep(0.2)  # the facts are written whole
        facts = json.loads(facts_file.read_text())
        assert _answers(facts["postgres"]) and _answers(facts["redis"]) and _named(facts["jack"])
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        left = {
            "postgres": _answers(facts["postgres"]),
            "redis": _answers(facts["redis"]),
            "jackd": bool(_named(facts["jack"])),
        }
        if not any(left.values()):
            break
        time.sleep(0.2)
    assert not any(left.values()), f"still running 20 s after the run was killed: {left}"
