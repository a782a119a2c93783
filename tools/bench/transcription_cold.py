"""``roo transcribe`` cold, source trees side by side: wall and CPU seconds of fresh processes, and
whether every tree writes the same notes (issue 54's "a 20 s file in <= 2 s on 2 cores including
the process's start"). Usage::

    python tools/bench/transcription_cold.py --tree main=/tmp/main --tree branch=. \\
        --runs 5 twenty-melody.wav:melody twenty-drums.wav:drums --json out.json

Each run starts one process per tree and file, interleaved (tree after tree, file after file), with
the tree's root on PYTHONPATH and the working folder elsewhere, and reads the process's wall time and
its CPU time (user + system, from ``os.wait4``) and the load average as it starts. The first run's
``--json`` notes and MIDI file of each tree are kept: a tree whose notes or file differ from the first
tree's is reported by file (``same``), as is one whose runs disagree among themselves.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

COMMAND = "import sys; sys.argv = ['roo'] + sys.argv[1:]; from bridge.cli import main; sys.exit(main())"


def one_run(root: Path, audio: Path, kind: str, out: Path) -> dict[str, Any]:
    """One fresh ``roo transcribe`` with ``root``'s sources: wall_s, cpu_s, load, the printed notes."""
    env = {**os.environ, "PYTHONPATH": str(root.resolve()), "HF_HUB_OFFLINE": "1"}
    argv = [sys.executable, "-c", COMMAND, "transcribe", str(audio.resolve()), "--kind", kind]
    load = os.getloadavg()[0]
    started = time.perf_counter()
    with tempfile.TemporaryFile() as printed:
        proc = subprocess.Popen(
            [*argv, "--out", str(out), "--json"], stdout=printed, stderr=subprocess.DEVNULL,
            env=env, cwd=out.parent,
        )  # fmt: skip
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        printed.seek(0)
        said = printed.read()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{root}: roo transcribe {audio} --kind {kind} failed")
    return {
        "wall_s": round(wall, 3), "cpu_s": round(usage.ru_utime + usage.ru_stime, 3), "load": round(load, 2),
        "notes": json.loads(said)["notes"], "midi": out.read_bytes(),
    }  # fmt: skip


def summary(values: list[float]) -> dict[str, float]:
    return {"median": round(statistics.median(values), 3), "min": min(values), "max": max(values)}


def bench(trees: dict[str, Path], items: list[tuple[Path, str]], runs: int) -> dict[str, Any]:
    """Per file and tree: walls, CPUs, loads, their medians and ranges; and ``same`` per file."""
    rows: dict[str, dict[str, Any]] = {f"{a.name}:{k}": {} for a, k in items}
    first: dict[tuple[str, str], tuple[Any, bytes]] = {}
    steady: dict[tuple[str, str], bool] = {}
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(runs):
            for audio, kind in items:
                name = f"{audio.name}:{kind}"
                for tree, root in trees.items():
                    got = one_run(root, audio, kind, Path(folder) / f"{tree}.mid")
                    row = rows[name].setdefault(tree, {"wall_s": [], "cpu_s": [], "load": []})
                    for field in ("wall_s", "cpu_s", "load"):
                        row[field].append(got[field])
                    seen = first.setdefault((name, tree), (got["notes"], got["midi"]))
                    steady[(name, tree)] = steady.get((name, tree), True) and seen == (
                        got["notes"],
                        got["midi"],
                    )
    names = list(trees)
    for name, row in rows.items():
        for tree in names:
            row[tree].update(wall=summary(row[tree]["wall_s"]), cpu=summary(row[tree]["cpu_s"]))
            row[tree]["notes"] = len(first[(name, tree)][0])
            row[tree]["runs_agree"] = steady[(name, tree)]
        row["same"] = all(first[(name, tree)] == first[(name, names[0])] for tree in names)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("items", nargs="+", metavar="FILE:KIND")
    parser.add_argument("--tree", action="append", required=True, metavar="NAME=ROOT")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", metavar="F")
    args = parser.parse_args(argv)
    trees = {spec.split("=", 1)[0]: Path(spec.split("=", 1)[1]) for spec in args.tree}
    items = [(Path(item.rsplit(":", 1)[0]), item.rsplit(":", 1)[1]) for item in args.items]
    rows = bench(trees, items, args.runs)
    for name, row in rows.items():
        said = "; ".join(
            f"{tree} wall {row[tree]['wall']['median']} ({row[tree]['wall']['min']}-{row[tree]['wall']['max']}) "
            f"cpu {row[tree]['cpu']['median']} ({row[tree]['cpu']['min']}-{row[tree]['cpu']['max']})"
            for tree in trees
        )
        print(f"{name}: {said}; same notes and MIDI: {row['same']}", flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1))
    return 0 if all(row["same"] for row in rows.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
