"""Speed of every transform on 8-bar parts: median milliseconds per call, on one core.

    PYTHONPATH=. taskset -c 0 .venv/bin/python tools/bench/transforms_speed.py [--runs N] [--json OUT]

Each transform runs ``--runs`` times on each of the four generated parts (rock, A minor, 8 bars,
seed 1; the key is given, as the daemon and the CLI pass it when they know it, and detected
from the notes when they do not: ``detect`` rows time that case). It prints each kind's median
for each part, and the slowest median overall.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> int:
    from engines.generators import generate
    from engines.music import Key, MusicalContext
    from engines.transforms import KINDS, make_options, transform

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--json", default=None)
    args = parser.parse_args()
    ctx = MusicalContext(key=Key(9, "Minor"), genre="rock", bars=8)
    parts = {
        name: generate(name, ctx, density=0.8, complexity=0.6, seed=1)
        for name in ("drums", "bass", "chords", "melody")
    }
    figures: dict[str, dict[str, float]] = {}
    for kind in KINDS:
        for detect in (False, True):
            row: dict[str, float] = {}
            for name, notes in parts.items():
                given: dict[str, Any] = {"voices": "hats"} if kind.startswith("drums_") else {}
                if not detect:
                    given["key"] = "A minor"
                options = make_options(ctx.length_beats, **given)
                times = []
                for run in range(args.runs):
                    start = time.perf_counter()
                    transform(kind, notes, options, run)
                    times.append(time.perf_counter() - start)
                row[f"{name} ({len(notes)} notes) ms"] = round(statistics.median(times) * 1000, 4)
            figures[f"{kind}{' detect' if detect else ''}"] = row
            print(
                f"{kind:14s}{' detect' if detect else '       '}  "
                + "  ".join(f"{k} {v}" for k, v in row.items())
            )
    worst = max((v, k, p) for k, row in figures.items() for p, v in row.items())
    print(f"slowest median: {worst[0]} ms ({worst[1]}, {worst[2]})")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
