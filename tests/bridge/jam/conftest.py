"""JACK for the jam tests: a `jackd -d dummy` server under its own name, and a reader process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import ROOT, require_tool


@pytest.fixture
def jack(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A running dummy JACK server; this process and its children talk to it."""
    for tool in ("jackd", "jack_wait"):
        require_tool(tool)
    name = f"roo-jam-test-{os.getpid()}"
    monkeypatch.setenv("JACK_DEFAULT_SERVER", name)
    monkeypatch.setenv("JACK_NO_AUDIO_RESERVATION", "1")
    server = None
    # Real-time where the system permits: a JACK stalled by other load flushes a burst of queued
    # notes into one period, and what does not fit the port's buffer is lost (a test failure
    # that is the machine's, not the jam's); without real-time as before otherwise.
    for flags in (["-R", "-P", "20"], ["--no-realtime"]):
        server = subprocess.Popen(
            ["jackd", "-n", name, *flags, "-d", "dummy", "-r", "48000", "-p", "256"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        up = subprocess.run(["jack_wait", "-w", "-t", "10"], capture_output=True, timeout=15).returncode == 0
        if up and server.poll() is None:
            break
        stop_jackd(server, name)
        server = None
    assert server is not None, "jackd did not start, real-time or not"
    try:
        yield name
    finally:
        stop_jackd(server, name)


REGISTRY = "/dev/shm/jack-shm-registry"


def registered(name: str) -> bool:
    """Whether JACK's machine-wide server registry still holds an entry for ``name``."""
    try:
        with open(REGISTRY, "rb") as f:
            return f":{name}:".encode() in f.read()
    except OSError:
        return False


def stop_jackd(server: subprocess.Popen[bytes], name: str) -> None:
    """Stop a jackd, and free its entry in JACK's server registry if it is still there.

    jackd can hang on exit while a client lingers, and a killed one (and, seen here, sometimes
    one stopped with SIGTERM) keeps its entry in JACK's machine-wide registry, which holds 8
    servers and frees an entry only when a server of the same name starts again; so the name is
    started once more and stopped, cleanly this time.
    """
    server.terminate()
    try:
        server.wait(timeout=5)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=5)
    if not registered(name):
        return
    env = {**os.environ, "JACK_DEFAULT_SERVER": name, "JACK_NO_AUDIO_RESERVATION": "1"}
    again = subprocess.Popen(
        ["jackd", "-n", name, "--no-realtime", "-d", "dummy", "-p", "256"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        subprocess.run(["jack_wait", "-w", "-t", "5"], env=env, capture_output=True, timeout=10)
    finally:
        again.terminate()
        try:
            again.wait(timeout=5)
        except subprocess.TimeoutExpired:
            again.kill()
            again.wait(timeout=5)


class Reader:
    """tools.bench.jam_reader in a second process: connects to the parts' ports and records."""

    def __init__(self, parts: list[str], seconds: float = 60.0, wait: bool = True) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tools.bench.jam_reader", str(seconds), *parts],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        if wait:
            self.wait_ready()

    def wait_ready(self) -> None:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().strip()
        assert line == "ready", f"the reader did not connect: {line!r}"

    def events(self) -> list[tuple[float, str, list[int]]]:
        out, _ = self.proc.communicate("", timeout=30)
        return [(t, part, msg) for t, part, msg in json.loads(out.strip().splitlines()[-1])]


def note_ons(events: list[tuple[float, str, list[int]]], part: str | None = None) -> list[Any]:
    return [e for e in events if e[2][0] & 0xF0 == 0x90 and e[2][2] > 0 and part in (None, e[1])]


def hanging(events: list[tuple[float, str, list[int]]]) -> dict[tuple[str, int], int]:
    """Per (part, pitch): note-ons minus note-offs, only where they differ (a stuck note)."""
    count: dict[tuple[str, int], int] = {}
    for _, part, msg in events:
        kind = msg[0] & 0xF0
        if kind == 0x90 and msg[2] > 0:
            count[(part, msg[1])] = count.get((part, msg[1]), 0) + 1
        elif kind == 0x80 or (kind == 0x90 and msg[2] == 0):
            count[(part, msg[1])] = count.get((part, msg[1]), 0) - 1
    return {k: v for k, v in count.items() if v != 0}
