"""The take history's cost: what recording a MIDI take adds to /roo/generate, and listing speed.

    .venv/bin/python tools/bench/history.py [--requests 200] [--takes 100000]

Side by side in one run, against one in-memory Live (`roo sim`, its own process): two daemons, one with the SQLite store
(WAL) and one with the store off, requests alternating between them (so drift and the machine's
load fall on both alike). Each request is /roo/generate drums 8 bars replace 1; the clock stops
when "done" arrives. The time the job spends committing its take (App._record: the hop to the
history thread and the SQLite transaction) is timed inside the daemon as well. Then a store is
filled with --takes takes (8-bar MIDI) and the newest 50 are listed repeatedly. A MIDI take is
written (pending) while its Live write is in flight and confirmed once Live answered: the rows
time that pending commit and the confirm. Then recall and a separation job side by side
(tools/bench/history_jobs.py).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bridge import protocol  # noqa: E402
from bridge.embedded import daemon_in_thread  # noqa: E402
from bridge.history import TakeDraft, note_dict, open_store  # noqa: E402
from tests.conftest import free_udp_port  # noqa: E402
from tools.bench.history_jobs import print_separation, recall_timing, separation_side_by_side  # noqa: E402
from tools.bench.history_store import audio_store, list_speed  # noqa: E402
from tools.bench.latency import Client, percentiles  # noqa: E402

PENDING_ROW = "pending commit during the Live write (commit_now on the loop, else the thread)"
CONFIRM_ROW = "of which Store.confirm_now on the event loop"


def _time_method(store: Any, name: str, samples: list[float]) -> None:
    inner = getattr(store, name)

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return inner(*args, **kwargs)
        finally:
            samples.append((time.perf_counter() - start) * 1000.0)

    setattr(store, name, timed)


def _timed_record(daemon: Any, samples: list[float]) -> None:
    board = daemon.app.jobs
    inner = board._record

    async def record(job: Any) -> str:
        start = time.perf_counter()
        try:
            return str(await inner(job))
        finally:
            samples.append((time.perf_counter() - start) * 1000.0)

    board._record = record


def start_sim() -> tuple[subprocess.Popen[bytes], int]:
    """`roo sim` (the in-memory Live) in its own process, as Live is its own process."""
    port = free_udp_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bridge", "sim", "--port", str(port), "--quiet"],
        stdout=subprocess.DEVNULL,
        cwd=ROOT,
    )
    probe = Client()
    probe.sock.settimeout(0.5)
    for _ in range(120):
        try:
            probe.round_trip(port, "/live/song/get/tempo", [], lambda a, v: a == "/live/song/get/tempo")
            return proc, port
        except TimeoutError:
            continue
    proc.kill()
    raise SystemExit("roo sim did not answer within 60 s")


def clip_note_count(client: Client, live_port: int, track: int, slot: int) -> int:
    counts: list[int] = []

    def until(address: str, values: list[Any]) -> bool:
        if address == protocol.CLIP_GET_NOTES:
            counts.append((len(values) - 2) // 5)
            return True
        return address == protocol.LIVE_ERROR

    client.round_trip(live_port, protocol.CLIP_GET_NOTES, [track, slot], until)
    return counts[0] if counts else 0


def generate_side_by_side(requests: int, folder: Path, same: bool = False) -> dict[str, list[float]]:
    """``same``: the store off on both sides (the "store on" rows then measure the bench's own bias)."""
    sim, live_port = start_sim()
    client = Client()
    out: dict[str, list[float]] = {
        "store off": [],
        "store on (SQLite)": [],
        "commit inside the job": [],
        PENDING_ROW: [],
        CONFIRM_ROW: [],
    }
    store = open_store(f"sqlite:///{folder / 'history.db'}", folder)
    _time_method(store, "commit", out[PENDING_ROW])  # the first take (the project's row id unknown)
    _time_method(store, "commit_now", out[PENDING_ROW])
    _time_method(store, "confirm_now", out[CONFIRM_ROW])
    try:
        with (
            daemon_in_thread(live_port) as off,
            daemon_in_thread(live_port, history=None if same else store) as on,
        ):
            _timed_record(on, out["commit inside the job"])
            for i in range(requests):
                for name, daemon, track in (("store off", off, 0), ("store on (SQLite)", on, 1)):
                    args: list[object] = [
                        "drums",
                        "track",
                        track,
                        "slot",
                        i % 8,
                        "bars",
                        8,
                        "seed",
                        i,
                        "replace",
                        1,
                    ]
                    ms = client.round_trip(
                        daemon.port,
                        protocol.GENERATE,
                        args,
                        lambda a, v: a == protocol.STATUS and v[1] in protocol.FINAL_STATES,
                    )
                    out[name].append(ms)
                    if not clip_note_count(client, live_port, track, i % 8):
                        raise SystemExit(f"request {i} to {name} left track {track} slot {i % 8} empty")
            if store.count() != (0 if same else requests):
                raise SystemExit(f"the store holds {store.count()} takes, expected {requests}")
            if not same:
                out |= recall_timing(client, on.port, live_port, [t.take_id for t in store.takes(limit=100)])
    finally:
        sim.terminate()
        sim.wait(10)
    return out


def hop_alone(count: int) -> list[float]:
    """An empty call through a one-thread executor and back, as App.in_history makes: the hop's cost."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    async def main() -> list[float]:
        loop = asyncio.get_running_loop()
        samples = []
        with ThreadPoolExecutor(max_workers=1) as pool:
            for _ in range(count):
                start = time.perf_counter()
                await loop.run_in_executor(pool, int)
                samples.append((time.perf_counter() - start) * 1000.0)
        return samples

    return asyncio.run(main())


def commit_alone(folder: Path, count: int) -> list[float]:
    """store.commit of an 8-bar drum take (128 notes) on the calling thread: the recording's own cost."""
    store = open_store(f"sqlite:///{folder / 'alone.db'}", folder)
    notes = [note_dict(36 + i % 10, i * 0.25, 0.25, 100) for i in range(128)]
    samples = []
    for i in range(count + 20):
        draft = TakeDraft("generate", "drums", params={"bars": 8}, seed=i, live={"track": 0}, notes=notes)
        start = time.perf_counter()
        store.commit(draft)
        if i >= 20:  # the first commits warm SQLAlchemy's statement cache
            samples.append((time.perf_counter() - start) * 1000.0)
    store.close()
    return samples


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--takes", type=int, default=100_000)
    parser.add_argument("--audio-minutes", type=float, default=3.0, help="0 skips the audio part")
    parser.add_argument("--separate-seconds", type=float, default=10.0, help="0 skips the separation jobs")
    parser.add_argument("--separate-runs", type=int, default=2)
    parser.add_argument(
        "--same", action="store_true", help="the store off on both sides: the bench's own bias, then stop"
    )
    args = parser.parse_args()
    load = os.getloadavg()[0]
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, load {load:.1f}, Python {platform.python_version()}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        results = generate_side_by_side(args.requests, Path(tmp), args.same)
        if args.same:
            off, on = results["store off"], results["store on (SQLite)"]
            print(
                f"both sides store off: {statistics.median(on) - statistics.median(off):+.2f} ms median difference"
            )
            print(json.dumps({k: percentiles(v) for k, v in results.items() if v}))
            return 0
        results["store.commit alone, 8-bar drum take"] = commit_alone(Path(tmp), args.requests)
        results["history-thread hop alone (empty call)"] = hop_alone(args.requests)
        results |= list_speed(Path(tmp), args.takes)
    print("| what | n | p50 ms | p99 ms | max ms |")
    print("|---|---|---|---|---|")
    for name, samples in results.items():
        p50, p99, worst = percentiles(samples)
        print(f"| {name} | {len(samples)} | {p50:.2f} | {p99:.2f} | {worst:.2f} |")
    off, on = results["store off"], results["store on (SQLite)"]
    print(f"median difference on - off: {statistics.median(on) - statistics.median(off):+.2f} ms")
    if args.audio_minutes > 0:
        with tempfile.TemporaryDirectory() as tmp:
            audio = audio_store(Path(tmp), args.audio_minutes)
        print(
            f"4 stems of {args.audio_minutes:g} min: " + ", ".join(f"{k} {v:,.3f}" for k, v in audio.items())
        )
    if args.separate_seconds > 0:
        print_separation(separation_side_by_side(args.separate_seconds, args.separate_runs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
