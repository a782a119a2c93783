"""kill -9 of a real `roo serve` in the middle of a burst of generates: every take whose done
reached the client is in the store with the notes Live holds, and the store checks out."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bridge import protocol
from bridge.history import open_store
from bridge.livesim.host import LiveHost
from tests.bridge.harness import Client
from tests.conftest import free_udp_port

ROOT = Path(__file__).resolve().parents[3]
BURST = 200
KILL_AFTER_DONE = 40
TAKE = re.compile(r"\(take ([0-9a-f]{12})\)")


@pytest.fixture
def live() -> Iterator[LiveHost]:
    host = LiveHost(port=0).start_in_thread()
    yield host
    host.stop()


def _start_daemon(live_port: int, data: Path) -> tuple[subprocess.Popen[bytes], Client]:
    port = free_udp_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MUSEAROO_DATA_DIR": str(data)}
    env.pop("MUSEAROO_DB", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "bridge", "serve", "--port", str(port), "--live-port", str(live_port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        cwd=ROOT,
    )
    client = Client(port)
    end = time.monotonic() + 60
    while time.monotonic() < end:
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        client.send(protocol.PING)
        try:
            if client.recv(0.5)[0] == protocol.PONG:
                return proc, client
        except TimeoutError:
            continue
    proc.kill()
    raise AssertionError("roo serve did not answer /roo/ping within 60 s")


def test_kill_9_mid_burst_loses_no_take_whose_done_was_seen(live: LiveHost, tmp_path: Path) -> None:
    data = tmp_path / "data"
    proc, client = _start_daemon(live.port, data)
    try:
        for i in range(BURST):
            client.send(protocol.GENERATE, "drums", "track", i % 4, "slot", 0, "bars", 1, "seed", i)
        done: list[str] = []
        while len(done) < KILL_AFTER_DONE:
            address, args = client.recv(30.0)
            if address == protocol.STATUS and args[1] == "done":
                found = TAKE.search(args[3])
                assert found, args[3]
                done.append(found.group(1))
            assert not (address == protocol.STATUS and args[1] == "failed"), args
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
        client.close()
    store = open_store(None, data)  # as the next `roo serve` would open it
    try:
        assert store.check() == []
        with sqlite3.connect(data / "history.db") as con:
            assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        for take_id in done:
            take = store.get(take_id)
            held = [n[:4] for n in live.clip_notes(take.live["track"], take.live["slot"])]
            assert take.notes is not None and take.notes
            assert [
                (n["pitch"], n["start_beats"], n["length_beats"], n["velocity"]) for n in take.notes
            ] == held
        assert len(done) <= store.count() < BURST  # killed mid-burst: some jobs never finished
    finally:
        store.close()
