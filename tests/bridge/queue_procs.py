"""Real processes for the worker-queue tests: a redis-server on a free port and `roo worker`s."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import redis

from bridge.queue.serve_worker import REGISTRY
from tests.conftest import require_tool
from tests.servers import bound_popen

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def started_redis() -> Iterator[RedisServer]:
    """A module's redis-server: ``yield from started_redis()`` in a fixture; stopped after."""
    server = RedisServer(require_tool("redis-server"), free_port())
    server.start()
    yield server
    server.stop()


class RedisServer:
    """``redis-server`` without persistence on 127.0.0.1:port; can be stopped and started again."""

    def __init__(self, binary: str, port: int) -> None:
        self.binary, self.port = binary, port
        self.url = f"redis://127.0.0.1:{port}/0"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        args = [
            self.binary,
            "--port",
            str(self.port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ]
        self.process = bound_popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        client = redis.Redis(port=self.port, socket_timeout=0.5)
        for _ in range(100):
            try:
                client.ping()
                return
            except redis.exceptions.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError(f"redis-server did not start on port {self.port}")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(10)
            self.process = None

    def client(self) -> redis.Redis:
        return redis.Redis(port=self.port, socket_timeout=2)


def start_worker(
    url: str, name: str, models: list[str], log: Path, cpus: set[int] | None = None
) -> subprocess.Popen[bytes]:
    """A real ``roo worker`` process; ``cpus``: the cores it may run on (``os.sched_setaffinity``)."""
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "HF_HUB_OFFLINE": "1",
        "OMP_NUM_THREADS": "1",  # tiny models on shared cores
        "MKL_NUM_THREADS": "1",
    }
    command = [sys.executable, "-m", "bridge", "worker", "--broker", url, "--name", name, "--models", *models]
    with log.open("wb") as out:
        return subprocess.Popen(
            command,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
            preexec_fn=None if cpus is None else lambda: os.sched_setaffinity(0, cpus),
        )


def workers(client: redis.Redis) -> dict[str, dict[str, Any]]:
    """The registry: worker name -> its entry (only live workers have one)."""
    found = {}
    for key in client.scan_iter(f"{REGISTRY}*"):
        raw = client.get(key)
        if raw is not None:
            entry = json.loads(raw)
            found[entry["name"]] = entry
    return found


def wait_for_workers(client: redis.Redis, count: int, timeout_s: float = 120.0) -> dict[str, dict[str, Any]]:
    end = time.monotonic() + timeout_s
    while time.monotonic() < end:
        try:
            found = workers(client)
        except redis.exceptions.ConnectionError:
            found = {}
        if len(found) >= count:
            return found
        time.sleep(0.2)
    raise RuntimeError(f"fewer than {count} queue workers registered within {timeout_s:.0f} s")


def stop_worker(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
