"""Typed command -> Intent latency (issue 55): ours (rules + the learned reading) beside a peer, warm.

    PYTHONPATH=$PWD .venv/bin/python -m tools.bench.parser_latency [--peer REF] [--repeat N] [--startup N]

Every sentence of the written sets (tests/data/commands*.yaml) is parsed one at a time, in a child
process per parser after a warm-up (the encoder loaded, as the daemon has it by
its first command); the figures are per sentence, p50 / p99 / max in milliseconds. The peer is the
parser of each git revision ``--peer`` (repeatable; default ``aa62efa``: the rules alone, main
before issue 55), extracted with ``git archive`` and run the same way, in the same run: ``--repeat``
rounds, each parser's child in turn in each round (a change of the machine's load falls on all).
The children are limited to the cores the machine has (``taskset`` to at most two). ``--startup N`` also times ``roo serve`` from launch to "listening",
N times with the learned reading on and N with it off (``MUSEAROO_READING=off``), alternating.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from tools.bench.parser import peer_tree

ROOT = Path(__file__).resolve().parents[2]
CORES = "0,1"  # two cores, the daemon's machine in the issue

_CHILD = """
import json, sys, time
from bridge.commands import parse
texts, repeat = json.load(sys.stdin)
for t in texts[:20]:
    parse(t)  # warm: the encoder and the head loaded, caches filled
times = []
for _ in range(repeat):
    for t in texts:
        start = time.perf_counter()
        parse(t)
        times.append(time.perf_counter() - start)
print(json.dumps(times))
"""


def sentences() -> list[str]:
    texts: list[str] = []
    for path in sorted((ROOT / "tests" / "data").glob("commands*.yaml")):
        data = yaml.safe_load(path.read_text())
        texts += [str(item["text"]) for item in (data["phrases"] if isinstance(data, dict) else data)]
    return texts


def _pinned(cmd: list[str]) -> list[str]:
    return ["taskset", "-c", CORES, *cmd] if shutil.which("taskset") and (os.cpu_count() or 1) >= 2 else cmd


def timings_s(texts: list[str], tree: Path, repeat: int) -> list[float]:
    env = {**os.environ, "PYTHONPATH": str(tree), "HF_HUB_OFFLINE": "1"}
    done = subprocess.run(_pinned([sys.executable, "-c", _CHILD]), input=json.dumps([texts, repeat]),
                          capture_output=True, text=True, env=env, cwd=tree, check=True)  # fmt: skip
    return [float(t) for t in json.loads(done.stdout.strip().splitlines()[-1])]


def summary_ms(times: list[float]) -> str:
    ms = sorted(t * 1000 for t in times)
    p99 = ms[min(len(ms) - 1, int(0.99 * len(ms)))]
    return f"p50 {statistics.median(ms):6.2f} ms  p99 {p99:6.2f} ms  max {ms[-1]:7.2f} ms  (n={len(ms)})"


def startup_s(reading: bool) -> float:
    """Seconds from launching ``roo serve`` (free ports, no HTTP, no history) to its "listening" line."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "MUSEAROO_READING": "on" if reading else "off"}
    roo = str(Path(sys.executable).with_name("roo"))
    cmd = _pinned([roo, "serve", "--port", "0", "--live-port", "1", "--no-http", "--no-history"])
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=ROOT
    )
    assert proc.stdout is not None
    try:
        for line in proc.stdout:
            if "listening on" in line:
                return time.perf_counter() - start
        raise SystemExit(f"roo serve ended before it listened (exit {proc.wait()})")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--peer",
        action="append",
        help="git revision whose parser runs beside ours, repeatable (default: aa62efa, main before issue 55)",
    )
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--step", type=int, default=1, help="every STEP-th sentence (1: all)")
    ap.add_argument("--startup", type=int, default=0, help="also time roo serve's start-up N times each way")
    args = ap.parse_args()
    texts = sentences()[:: args.step]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores (children pinned to {CORES}), "
          f"Python {platform.python_version()}, load {os.getloadavg()[0]:.1f}")  # fmt: skip
    print(f"{len(texts)} sentences x {args.repeat}, one at a time, warm")
    refs = args.peer or ["aa62efa"]
    with tempfile.TemporaryDirectory(prefix="roo_parser_peer_") as tmp:
        trees = {"ours (working tree)": ROOT}
        for ref in refs:
            (Path(tmp) / ref).mkdir()
            trees[f"peer ({ref})"] = peer_tree(ref, Path(tmp) / ref)
        times: dict[str, list[float]] = {name: [] for name in trees}
        for _ in range(args.repeat):  # rounds: the parsers take turns, so a change of load falls on all
            for name, tree in trees.items():
                times[name] += timings_s(texts, tree, 1)
    for name, got in times.items():
        print(f"{name + ':':22s}{summary_ms(got)}")
    if args.startup:
        on, off = [], []
        for _ in range(args.startup):
            on.append(startup_s(True))
            off.append(startup_s(False))
        print(f"roo serve to listening: reading on median {statistics.median(on):.2f} s {[round(x, 2) for x in on]}, "
              f"off median {statistics.median(off):.2f} s {[round(x, 2) for x in off]}")  # fmt: skip
    print(
        f"load average at end: {os.getloadavg()[0]:.1f}; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
    )


if __name__ == "__main__":
    main()
