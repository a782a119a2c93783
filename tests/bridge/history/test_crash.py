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
from livesim.host import LiveHost
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
        end = time.monotonic() + 120.0
        while len(done) < KILL_AFTER_DONE:
            assert time.monotonic() < end, f"only {len(done)} takes done within 120 s"
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


def test_two_daemons_and_roo_history_on_one_sqlite_file(live: LiveHost, tmp_path: Path) -> None:
    data = tmp_path / "data"
    first, a = _start_daemon(live.port, data)
    second, b = _start_daemon(live.port, data)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MUSEAROO_DATA_DIR": str(data)}
    reader = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from bridge.cli import main\nfor _ in range(10):\n    main(['history', '--json'])\n",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        cwd=ROOT,
    )
    done: list[str] = []
    try:
        for i in range(30):
            a.send(protocol.GENERATE, "bass", "track", 1, "slot", 0, "bars", 1, "seed", i)
            b.send(protocol.GENERATE, "chords", "track", 3, "slot", 0, "bars", 1, "seed", i)
        for client in (a, b):
            finals, end = 0, time.monotonic() + 180.0
            while finals < 30:
                assert time.monotonic() < end, f"only {finals} jobs ended within 180 s"
                address, args = client.recv(30.0)
                if address == protocol.STATUS and args[1] in protocol.FINAL_STATES:
                    finals += 1
                    assert args[1] == "done" and "NOT recorded" not in args[3], args
                    found = TAKE.search(args[3])
                    assert found, args[3]
                    done.append(found.group(1))
        _, err = reader.communicate(timeout=120)
        assert reader.returncode == 0, err
    finally:
        for proc in (first, second):
            proc.terminate()
            proc.wait(10)
        a.close()
        b.close()
    store = open_store(None, data)
    try:
        assert store.check() == []
        assert {t.take_id for t in store.takes(limit=100)} == set(done) and len(done) == 60
        assert {store.get(t).part for t in done} == {"bass", "chords"}
    finally:
        store.close()
