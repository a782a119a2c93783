"""Typed command -> Intent latency (issue 55): ours (rules + the learned reading) beside a peer, warm.

    PYTHONPATH=$PWD .venv/bin/python -m tools.bench.parser_latency [--peer REF] [--env-peer K=V] [--repeat N] [--startup N]

Every sentence of the written sets (tests/data/commands*.yaml) is parsed one at a time, in a child
process per parser after a warm-up (the encoder loaded, as the daemon has it by its first command, and,
where the tree's daemon warms them, the examples questions offer read: ``offered.warm``; not with
``--no-daemon-warm``);
the figures are per sentence, p50 / p99 / max in milliseconds of wall time, and the median and p99 of
the CPU time the parse took (its thread's: the part the machine's load does not add). The peer is the
parser of each git revision ``--peer`` (repeatable; default ``aa62efa``: the rules alone, main before
issue 55), extracted with ``git archive``, or our own tree with one setting changed (``--env-peer
MUSEAROO_ENCODER_ONNX=0``: the trace). All the children are alive together and take turns sentence by
sentence, the first of each turn rotating (lat62: taking turns a whole set at a time, a burst of the
machine's load fell on one parser only and made its p99). ``--repeat`` rounds. The children are
limited to the cores the machine has (``taskset`` to at most two). ``--startup N`` also times ``roo
serve`` from launch to "listening", N times with the learned reading on and N with it off
(``MUSEAROO_READING=off``), alternating.
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
texts = json.loads(sys.stdin.readline())
for t in texts[:20]:
    parse(t)  # warm: the encoder and the head loaded, caches filled
if sys.argv[1:] == ["daemon"]:  # the rest of the daemon's warm-up, where the tree has one (``roo serve``)
    try:
        from bridge.commands.offered import warm
    except ImportError:
        pass
    else:
        warm(parse)
print("ready", flush=True)
for line in sys.stdin:  # one sentence a line; answers its wall and CPU seconds
    t = json.loads(line)
    start, cpu = time.perf_counter(), time.thread_time()
    parse(t)
    print(time.perf_counter() - start, time.thread_time() - cpu, flush=True)
"""


def sentences() -> list[str]:
    texts: list[str] = []
    for path in sorted((ROOT / "tests" / "data").glob("commands*.yaml")):
        data = yaml.safe_load(path.read_text())
        texts += [str(item["text"]) for item in (data["phrases"] if isinstance(data, dict) else data)]
    return texts


def _pinned(cmd: list[str]) -> list[str]:
    return ["taskset", "-c", CORES, *cmd] if shutil.which("taskset") and (os.cpu_count() or 1) >= 2 else cmd


class Child:
    """One parser in its own process, parsing the sentences it is sent one at a time."""

    def __init__(self, tree: Path, texts: list[str], env: dict[str, str], daemon: bool = True) -> None:
        env = {**os.environ, "PYTHONPATH": str(tree), "HF_HUB_OFFLINE": "1", **env}
        cmd = [sys.executable, "-c", _CHILD, *(["daemon"] if daemon else [])]
        self.proc = subprocess.Popen(_pinned(cmd), stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, env=env, cwd=tree)  # fmt: skip
        self.wall: list[float] = []
        self.cpu: list[float] = []
        self._send(texts)
        self._answer("ready")

    def _send(self, item: object) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(item) + "\n")
        self.proc.stdin.flush()

    def _answer(self, starts: str = "") -> str:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if line.startswith(starts):
                return line
        raise SystemExit(f"a parser's process ended (exit {self.proc.wait()})")

    def parse(self, text: str) -> None:
        self._send(text)
        wall, cpu = self._answer().split()
        self.wall.append(float(wall))
        self.cpu.append(float(cpu))

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=60)


def timed(
    trees: dict[str, tuple[Path, dict[str, str]]], texts: list[str], repeat: int, daemon: bool = True
) -> dict[str, Child]:
    """Each parser's child, every sentence parsed by each in turn (the first of a turn rotating)."""
    children = {name: Child(tree, texts, env, daemon) for name, (tree, env) in trees.items()}
    order = list(children.values())
    try:
        for i, text in enumerate(texts * repeat):
            for child in order[i % len(order) :] + order[: i % len(order)]:
                child.parse(text)
    finally:
        for child in order:
            child.close()
    return children


def _p99(ms: list[float]) -> float:
    return sorted(ms)[min(len(ms) - 1, int(0.99 * len(ms)))]


def summary_ms(times: list[float], cpu: list[float] | None = None) -> str:
    ms = [t * 1000 for t in times]
    got = f"p50 {statistics.median(ms):6.2f} ms  p99 {_p99(ms):6.2f} ms  max {max(ms):7.2f} ms  (n={len(ms)})"
    if cpu:
        c = [t * 1000 for t in cpu]
        got += f"  CPU p50 {statistics.median(c):5.2f} / p99 {_p99(c):5.2f} ms"
    return got


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
    ap.add_argument("--env-peer", action="append", default=[], metavar="KEY=VALUE",
                    help="our tree again with this setting, beside ours, repeatable (MUSEAROO_ENCODER_ONNX=0)")  # fmt: skip
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--step", type=int, default=1, help="every STEP-th sentence (1: all)")
    ap.add_argument("--no-daemon-warm", action="store_true",
                    help="warm each child by its 20 first sentences only, not also as roo serve warms (the examples)")  # fmt: skip
    ap.add_argument("--startup", type=int, default=0, help="also time roo serve's start-up N times each way")
    args = ap.parse_args()
    texts = sentences()[:: args.step]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores (children pinned to {CORES}), "
          f"Python {platform.python_version()}, load {os.getloadavg()[0]:.1f}")  # fmt: skip
    print(f"{len(texts)} sentences x {args.repeat}, one at a time, warm, the parsers in turn")
    refs = args.peer or ([] if args.env_peer else ["aa62efa"])
    with tempfile.TemporaryDirectory(prefix="roo_parser_peer_") as tmp:
        trees: dict[str, tuple[Path, dict[str, str]]] = {"ours (working tree)": (ROOT, {})}
        for setting in args.env_peer:
            key, sep, value = setting.partition("=")
            if not sep or not key:
                raise SystemExit(f"--env-peer {setting!r}: expected KEY=VALUE")
            trees[f"ours, {setting}"] = (ROOT, {key: value})
        for ref in refs:
            (Path(tmp) / ref).mkdir()
            trees[f"peer ({ref})"] = (peer_tree(ref, Path(tmp) / ref), {})
        children = timed(trees, texts, args.repeat, not args.no_daemon_warm)
    for name, child in children.items():
        print(f"{name + ':':22s}{summary_ms(child.wall, child.cpu)}")
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
