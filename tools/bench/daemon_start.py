"""What a `roo` process costs before it does anything: `roo serve` launch to listening, `roo --help`, `roo parse`.

    PYTHONPATH=$PWD .venv/bin/python -m tools.bench.daemon_start [--peer DIR ...] [--repeat 5] [--only serve]

Each figure is the median of ``--repeat`` runs, ours and each peer's (a tree, e.g. ``git archive REF |
tar -x -C DIR``, run with this venv, named by its folder) taking turns, so all see the same load. For `roo serve`: the
wall seconds from launch to its "listening" line and the CPU seconds the process had spent by then
(``/proc``), two ways: as the issue 55 figure was taken (learned reading on, no HTTP, no history,
``tools.bench.parser_latency --startup``) and as the tests start it (reading off, the recogniser and
the rules not preloaded, a take store in a fresh folder, the studio page on). For `roo --help` and
`roo parse "make the drums busier" --json`: wall and CPU (user + system) of the whole process.
"""

from __future__ import annotations

import argparse
import os
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TICK = os.sysconf("SC_CLK_TCK")


def _port(kind: int) -> int:
    with socket.socket(socket.AF_INET, kind) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _env(tree: Path, extra: dict[str, str]) -> dict[str, str]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(tree), **extra}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as CI runs (.ci/run): the bytecode is written once
    return env


def _cpu_s(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # utime + stime


def serve(tree: Path, as_tests: bool) -> tuple[float, float]:
    """(wall s, CPU s) from launching `roo serve` in ``tree`` to its "listening" line."""
    args = ["serve", "--port", str(_port(socket.SOCK_DGRAM)), "--live-port", "1"]
    with tempfile.TemporaryDirectory(prefix="roo-start-") as data:
        if as_tests:
            extra = {"MUSEAROO_READING": "off", "MUSEAROO_VOICE_PRELOAD": "0", "MUSEAROO_PREPARE": "0"}
            extra["MUSEAROO_DATA_DIR"] = data
            args += ["--http-port", str(_port(socket.SOCK_STREAM))]
        else:
            extra = {"MUSEAROO_READING": "on"}
            args += ["--no-http", "--no-history"]
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "bridge", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=_env(tree, extra),
            cwd=tree,
        )
        assert proc.stdout is not None
        try:
            for line in proc.stdout:
                if "listening on" in line:
                    return time.perf_counter() - start, _cpu_s(proc.pid)
            raise SystemExit(f"roo serve in {tree} ended before it listened (exit {proc.wait()})")
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def command(tree: Path, args: list[str]) -> tuple[float, float]:
    """(wall s, CPU s) of one whole `roo` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "bridge", *args],
        capture_output=True,
        check=True,
        env=_env(tree, {"MUSEAROO_READING": "off"}),
        cwd=tree,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


CASES = {
    "roo serve, reading on, no HTTP/history": lambda tree: serve(tree, as_tests=False),
    "roo serve as the tests start it": lambda tree: serve(tree, as_tests=True),
    "roo --help": lambda tree: command(tree, ["--help"]),
    "roo parse": lambda tree: command(tree, ["parse", "make the drums busier", "--json"]),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--peer", type=Path, action="append", default=[], help="a tree run beside ours, repeatable"
    )
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--only", default="", help="only the cases whose name holds this text (e.g. serve)")
    args = ap.parse_args()
    trees = {"ours": ROOT, **{peer.name: peer.resolve() for peer in args.peer}}
    for tree in trees.values():  # bytecode written, as in CI after the first process
        command(tree, ["--help"])
    print(f"load {os.getloadavg()[0]:.1f}")
    for name, case in CASES.items():
        if args.only not in name:
            continue
        got: dict[str, list[tuple[float, float]]] = {who: [] for who in trees}
        for _ in range(args.repeat):
            for who, tree in trees.items():
                got[who].append(case(tree))
        cells = []
        for who, runs in got.items():
            wall = statistics.median(r[0] for r in runs)
            cpu = statistics.median(r[1] for r in runs)
            cells.append(f"{who} {wall:.2f} s wall / {cpu:.2f} s CPU")
        print(f"{name}: {'; '.join(cells)}", flush=True)
    print(f"load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
