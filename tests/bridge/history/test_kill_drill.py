"""The kill -9 drill of issue 31, with real processes: `roo sim` (the in-memory Live) and `roo serve`.

Bursts of generates, each ended by kill -9 of the daemon at a seeded random point, then a restart
that reconciles the pending takes the dead daemon left with Live. At the end, the clips Live holds
(read over OSC) and the store's takes are the same: no clip in Live without a take, no take
without its clip (note for note), and nothing left pending.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bridge import protocol
from bridge.history import open_store
from bridge.history.recovery import STATE_FILE
from bridge.live.sources import parse_reading
from tests.bridge.harness import Client
from tests.conftest import free_udp_port

ROOT = Path(__file__).resolve().parents[3]
ROUNDS, MAX_ROUNDS, BURST = 3, 8, 20
TRACKS = 4
SCENES = MAX_ROUNDS * BURST // TRACKS + 8  # room for every generate of the longest drill
PARTS = ("drums", "bass", "chords", "melody")
SEED = 31  # the kill points
SET = f"tempo: 120\nscenes: {SCENES}\ntracks:\n" + "".join(
    f"  - {{type: midi, name: {part}}}\n" for part in PARTS
)


def _env(data: Path) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MUSEAROO_DATA_DIR": str(data), "MUSEAROO_PREPARE": "0"}
    env.pop("MUSEAROO_DB", None)
    return env


@pytest.fixture
def sim(tmp_path: Path) -> Iterator[int]:
    """`roo sim` with four MIDI tracks and SCENES scenes; yields its port once it answers."""
    (tmp_path / "set.yaml").write_text(SET, encoding="utf-8")
    port = free_udp_port()
    command = [
        sys.executable,
        "-m",
        "bridge",
        "sim",
        "--port",
        str(port),
        "--set",
        str(tmp_path / "set.yaml"),
    ]
    proc = subprocess.Popen(
        [*command, "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=_env(tmp_path), cwd=ROOT
    )
    probe = Client(port)
    try:
        end = time.monotonic() + 60
        while True:
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            assert time.monotonic() < end, "roo sim did not answer within 60 s"
            probe.send(protocol.RS_CONTEXT_GET, 1, port=port)
            try:
                probe.wait_for(protocol.RS_CONTEXT_GET, 0.5)
                break
            except TimeoutError:
                continue
        yield port
    finally:
        probe.close()
        proc.terminate()
        proc.wait(10)


def _serve(live_port: int, data: Path) -> tuple[subprocess.Popen[bytes], Client]:
    """`roo serve` on a free port, answering /roo/ping, its start-up reconciliation done."""
    (data / STATE_FILE).unlink(missing_ok=True)
    port = free_udp_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bridge", "serve", "--port", str(port), "--live-port", str(live_port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=_env(data),
        cwd=ROOT,
    )
    client = Client(port)
    end = time.monotonic() + 60
    while not (data / STATE_FILE).exists():  # written once the pending takes are reconciled
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        assert time.monotonic() < end, "roo serve did not reconcile its pending takes within 60 s"
        time.sleep(0.05)
    client.send(protocol.PING)
    assert client.wait_for(protocol.PONG, 10.0)
    return proc, client


def _live_clips(live_port: int) -> dict[tuple[int, int], list[tuple[int, float, float, int]]]:
    """Every MIDI clip Live holds, read over OSC (/roo/live/clip_read)."""
    reader = Client(live_port)
    clips = {}
    try:
        for track in range(TRACKS):
            for slot in range(SCENES):
                req = track * 1000 + slot + 1
                reader.send(protocol.RS_CLIP_READ, req, track, slot)
                while True:  # an empty slot is answered on /live/error
                    address, args = reader.recv(5.0)
                    if address == protocol.RS_CLIP_READ and args[0] == req:
                        break
                    if address == protocol.LIVE_ERROR and args[-1] == req:
                        args = [req, track, slot, ""]
                        break
                reading = parse_reading(track, slot, args[3:])
                if reading is not None:
                    clips[(track, slot)] = [
                        (n.pitch, n.start_beats, n.duration_beats, n.velocity) for n in reading.notes
                    ]
    finally:
        reader.close()
    return clips


def _recovered(counts: list[str]) -> bool:
    """Whether a restart's state file says it recovered a take the killed daemon left pending."""
    return any('"recovered": 0' not in said for said in counts)


def _burst(client: Client, round_: int, kill_after: int) -> int:
    """Send BURST generates, wait for ``kill_after`` of them to end; returns how many ended."""
    for i in range(BURST):
        track = (round_ * BURST + i) % TRACKS
        seed = round_ * 1000 + i
        client.send(protocol.GENERATE, PARTS[track], "track", track, "slot", 0, "bars", 1, "seed", seed)
    ended = 0
    while ended < kill_after:
        address, args = client.recv(30.0)
        if address == protocol.STATUS and args[1] in protocol.FINAL_STATES:
            assert args[1] == "done" and "NOT recorded" not in args[3], args
            ended += 1
    return ended


def test_kill_9_mid_burst_then_restart_every_clip_in_live_is_a_take(sim: int, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    rng = random.Random(SEED)
    counts: list[str] = []
    round_ = 0
    # ROUNDS kills, and more (up to MAX_ROUNDS) until one has landed mid-generate: on a loaded machine
    # every kill of the first rounds can fall between generates, and the drill would recover nothing
    while round_ < ROUNDS or (round_ < MAX_ROUNDS and not _recovered(counts)):
        proc, client = _serve(sim, data)
        try:
            if round_:
                counts.append((data / STATE_FILE).read_text())
            _burst(client, round_, rng.randint(1, BURST - 4))
            time.sleep(rng.uniform(0.0, 0.02))  # the kill lands anywhere in the next generates
            proc.send_signal(signal.SIGKILL)
            proc.wait(10)
        finally:
            if proc.poll() is None:
                proc.kill()
            client.close()
        round_ += 1
    proc, client = _serve(sim, data)  # the last start reconciles the last round's pending takes
    counts.append((data / STATE_FILE).read_text())
    proc.terminate()
    proc.wait(10)
    client.close()

    clips = _live_clips(sim)
    store = open_store(None, data)
    try:
        assert store.check() == []
        takes = [store.get(t.take_id) for t in store.takes(limit=10_000)]
    finally:
        store.close()
    with sqlite3.connect(data / "history.db") as con:
        assert con.execute("SELECT count(*) FROM takes WHERE pending = 1").fetchone() == (0,), counts
    where: dict[tuple[int, int], Any] = {}
    for take in takes:
        at = (take.live["track"], take.live["slot"])
        assert at not in where, f"two takes claim track {at[0]} slot {at[1]}"
        where[at] = take
    without_take = sorted(set(clips) - set(where))
    without_clip = sorted(
        at
        for at, take in where.items()
        if clips.get(at)
        != [(n["pitch"], n["start_beats"], n["length_beats"], n["velocity"]) for n in take.notes]
    )
    assert (without_take, without_clip) == ([], []), counts
    assert len(clips) > ROUNDS  # each round wrote some before it was killed
    assert _recovered(counts) or any(t.live.get("recovered") for t in takes), counts
