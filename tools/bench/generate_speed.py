"""Speed of generate_parts for 8 bars per genre, plain, with every groove control and in E Hirajoshi.

    python3 tools/bench/generate_speed.py [--runs 300] [--core 3] [--before DIR] [--json OUT]

Needs only the engines and PyYAML (no MIDI readers), so it runs on any machine with the checkout.
Pinned to one core; each figure is the median of ``--runs`` calls after 20 warm-up calls, the
three variants interleaved call by call so a busy moment hits them alike. The peer in the same
run: building as many random notes (``naive_random_ms``). ``*_p10_ms`` is the fastest tenth, a
steadier figure than the median on a machine others are using. ``--before DIR`` runs the plain case
again from another checkout's ``engines`` and ``presets`` (e.g. ``git archive <commit> engines
presets | tar -x -C DIR``) in a child process, for the genres it has.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def median_ms(calls: dict[str, Callable[[], object]], runs: int) -> dict[str, float]:
    for fn in calls.values():
        for _ in range(20):
            fn()
    times: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(runs):
        for name, fn in calls.items():
            t0 = time.perf_counter()
            fn()
            times[name].append((time.perf_counter() - t0) * 1000)
    out = {name: round(statistics.median(v), 3) for name, v in times.items()}
    out |= {
        name.replace("_ms", "_p10_ms"): round(statistics.quantiles(v, n=10)[0], 3)
        for name, v in times.items()
    }
    return out


def measure(runs: int, plain_only: bool) -> dict[str, Any]:
    from engines.generators import generate_parts
    from engines.music import Key, MusicalContext, Note, parse_key
    from engines.presets import names

    out: dict[str, Any] = {}
    for g in names("genres"):
        ctx = MusicalContext(tempo_bpm=100, key=Key(9, "Minor"), genre=g, bars=8)
        calls: dict[str, Callable[[], object]] = {"generate_ms": partial(generate_parts, ctx, seed=1)}
        if not plain_only:  # an older checkout has no Feel: only the plain case there
            from engines.music import Feel

            feel = Feel(swing=0.3, humanize=0.2, accent=0.7, intensity=0.6, fills="4")
            grooved, exotic = replace(ctx, feel=feel), replace(ctx, key=parse_key("E Hirajoshi"))
            count = sum(len(v) for v in generate_parts(ctx, seed=1).values())

            def naive(count: int = count) -> list[Note]:
                rng = random.Random(0)
                return [Note(rng.randrange(36, 84), rng.randrange(128) / 4, 0.25, 90) for _ in range(count)]

            calls |= {
                "groove_controls_ms": partial(generate_parts, grooved, seed=1),
                "e_hirajoshi_ms": partial(generate_parts, exotic, seed=1),
                "naive_random_ms": naive,
            }
            out[g] = {"notes": count}
        out[g] = {**out.get(g, {}), **median_ms(calls, runs)}
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=300)
    ap.add_argument("--core", type=int, default=-1, help="the core to pin to (default: the last allowed)")
    ap.add_argument("--before", default="", help="another checkout's root: its plain case too")
    ap.add_argument("--plain-only", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--json", default="")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        allowed = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {args.core if args.core >= 0 else allowed[-1]})
    sys.path.insert(0, os.environ.get("MUSEAROO_BENCH_ROOT", str(ROOT)))  # the checkout to measure
    report = {"speed": measure(args.runs, args.plain_only)}
    if args.before:
        env = {**os.environ, "MUSEAROO_BENCH_ROOT": args.before, "PYTHONPATH": args.before}
        cmd = [sys.executable, __file__, "--plain-only", "--runs", str(args.runs), "--core", str(args.core)]
        before = json.loads(subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout)
        for g, row in before["speed"].items():
            if g in report["speed"]:
                report["speed"][g]["before_ms"] = row["generate_ms"]
    text = json.dumps(report, indent=1)
    print(text)
    if args.json:
        Path(args.json).write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
