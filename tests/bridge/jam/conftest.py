"""JACK for the jam tests: a `jackd -d dummy` server under its own name, and a reader process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

import pytest

from bridge.jam import Outputs
from tests.conftest import ROOT, require_tool
from tests.reruns import record_rerun
from tests.servers import bound_popen

Events = list[tuple[float, str, list[int]]]
SYNC = ["-S", "-t", "1000"]  # what `roo jam --midi jack` asks of the server (bridge/jam/ports.py JACK_HINT)
T = TypeVar("T")


@pytest.fixture
def jack(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A running dummy JACK server; this process and its children talk to it."""
    for tool in ("jackd", "jack_wait"):
        require_tool(tool)
    name = f"roo-jam-test-{os.getpid()}"
    monkeypatch.setenv("JACK_DEFAULT_SERVER", name)
    monkeypatch.setenv("JACK_NO_AUDIO_RESERVATION", "1")
    server = None
    # Synchronous (-S, the client timeout -t 1000 ms): the server waits for every client to run
    # each cycle, where the default (asynchronous) starts the next cycle on time and a reader the
    # machine did not run in its cycle never sees that cycle's MIDI (issue 31, docs/benchmarks/jam.md).
    # Real-time where the system permits, else not.
    for flags in (["-R", "-P", "20"], ["--no-realtime"]):
        server = bound_popen(
            ["jackd", "-n", name, *SYNC, *flags, "-d", "dummy", "-r", "48000", "-p", "256"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if jack_up(server, 10.0):
            break
        stop_jackd(server, name)
        server = None
    assert server is not None, "jackd did not start, real-time or not"
    try:
        yield name
    finally:
        stop_jackd(server, name)


def jack_up(server: subprocess.Popen[bytes], timeout_s: float, env: dict[str, str] | None = None) -> bool:
    """Whether the JACK server ``server`` (the one JACK_DEFAULT_SERVER names) answers within ``timeout_s``:
    asked every 20 ms with ``jack_wait -c``, which starts none; ``jack_wait -w`` asks once a second, and
    a dummy server is up in a third of one (1.1 s a server against 0.4 s, 16 of them in the serial
    realtime run). False at once if the server has exited (a real-time start the system refuses)."""
    end = time.monotonic() + timeout_s
    while server.poll() is None:
        check = subprocess.run(["jack_wait", "-c"], env=env, capture_output=True, text=True, timeout=15)
        if check.stdout.strip() == "running":
            return server.poll() is None
        if time.monotonic() > end:
            return False
        time.sleep(0.02)
    return False


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
    started once more and stopped, cleanly this time. A jackd that stops does so in about 0.15 s; one
    that has not in 2 s is hanging (it waited 5 s here in three tests' teardowns a run: ci63), so it is
    killed and its entry freed as above.
    """
    server.terminate()
    try:
        server.wait(timeout=2)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=5)
    if not registered(name):
        return
    env = {**os.environ, "JACK_DEFAULT_SERVER": name, "JACK_NO_AUDIO_RESERVATION": "1"}
    again = bound_popen(
        ["jackd", "-n", name, "--no-realtime", "-d", "dummy", "-p", "256"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        jack_up(again, 5.0, env)
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
        lines = out.strip().splitlines()
        if not lines:  # the reader wrote no recording: JACK threw its client out (a stall past -t)
            raise ReaderLost(f"the reader wrote no recording (exit code {self.proc.returncode})")
        return [(t, part, msg) for t, part, msg in json.loads(lines[-1])]


class ReaderLost(Exception):
    """The reader process ended without its recording (seen once in CI: jackd's "JackSocketClientChannel
    read fail", the reader's client thrown out by the synchronous server's 1 s client timeout)."""


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


class SentOutputs(Outputs):
    """The jam's ports, keeping every message sent: what JACK should deliver to the reader.

    (``ProcessOutputs(..., log=True)`` keeps the same list, ``sent``, in the sender process.)
    """

    def __init__(self, parts: tuple[str, ...], backend: str) -> None:
        super().__init__(parts, backend)
        self.sent: Events = []

    def send(self, part: str, message: Sequence[int]) -> None:
        self.sent.append((time.monotonic(), part, list(message)))
        super().send(part, message)


def notes_only(events: Events) -> list[list[int]]:
    return [msg for _, _, msg in events if msg[0] & 0xF0 in (0x80, 0x90)]


def lost_on_the_way(heard: list[list[int]], sent: list[list[int]]) -> bool:
    """Whether ``heard`` is ``sent`` with some messages missing (in order, nothing else changed)."""
    if len(heard) >= len(sent):
        return False
    rest = iter(sent)
    return all(any(message == candidate for candidate in rest) for message in heard)


def per_part(events: Events) -> dict[str, list[list[int]]]:
    """The note messages of each part in order (parts sounding together may interleave either way)."""
    parts: dict[str, list[list[int]]] = {}
    for _, part, msg in events:
        if msg[0] & 0xF0 in (0x80, 0x90):
            parts.setdefault(part, []).append(msg)
    return parts


def once_more_if_lost(scenario: Callable[[], tuple[Events, Events, T]]) -> tuple[Events, T]:
    """Run ``scenario`` (answers what the reader heard, what the jam sent, and anything else).

    Every note-on the jam sent has its note-off: the jam's own duty, checked on what it sent. The
    reader must then have heard exactly what was sent, part by part. On JACK's default
    asynchronous server a reader the machine did not run within a period lost that period's
    messages (issue 31); the ``jack`` server here is synchronous, so that should no longer happen.
    A loss, shown by the count, still earns one more run, with a line in pytest's summary
    (tests/reruns.py) for anyone to see; so does a reader thrown out of JACK before it wrote its
    recording (``ReaderLost``); any other difference fails.
    """
    try:
        heard, sent, extra = scenario()
    except ReaderLost as lost_reader:  # the reader, not the jam, is gone: shown, and run once more
        record_rerun(f"{lost_reader}: the run is repeated once")
        heard, sent, extra = scenario()
    assert hanging(sent) == {}, "the jam left notes sounding"
    got, want = per_part(heard), per_part(sent)
    if got != want and all(
        lost_on_the_way(got.get(part, []), want[part]) or got.get(part) == want[part] for part in want
    ):
        lost = sum(len(m) for m in want.values()) - sum(len(m) for m in got.values())
        record_rerun(f"JACK lost {lost} note message(s) of those sent: the run is repeated once")
        heard, sent, extra = scenario()
        assert hanging(sent) == {}, "the jam left notes sounding"
        got, want = per_part(heard), per_part(sent)
    assert got == want, "the reader heard other notes than were sent"
    return heard, extra
