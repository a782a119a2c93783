"""Parser benchmark: exact intent on every written phrase set, ours beside an older parser (the peer).

Sets: tests/data/commands.yaml (development), commands_heldout.yaml (held out) and
commands_producer.yaml (issue 30's producer phrasings) and commands_fresh.yaml (more, measured untuned). Exact intent = action, part and params
all equal (params not compared for "unknown"), as in tests/bridge/commands/phrases.py. The peer is
the parser of another git revision (``--peer REF``, default the commit before issue 30's parser
work), extracted with ``git archive`` into a temporary folder and run in a child process on the
same sentences. Speech is tools/bench/commands.py's (this script runs no audio).
Usage: PYTHONPATH=$PWD .venv/bin/python -m tools.bench.parser [--peer REF] [--show-misses]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
SETS = {
    "dev": "commands.yaml",
    "heldout": "commands_heldout.yaml",
    "producer": "commands_producer.yaml",
    "fresh": "commands_fresh.yaml",
}
PEER_REF = "0c9fdfa"  # the parser as it was before issue 30's command families

_CHILD = """
import json, sys, time
from bridge.commands import parse
texts = json.load(sys.stdin)
start = time.perf_counter()
out = [parse(t).as_dict() for t in texts]
print(json.dumps({"intents": out, "us": (time.perf_counter() - start) / max(1, len(texts)) * 1e6}))
"""


def load(name: str) -> list[dict[str, Any]]:
    return list(yaml.safe_load((DATA / name).read_text())["phrases"])


def exact(intent: dict[str, Any], entry: dict[str, Any]) -> bool:
    if intent["action"] != entry["action"] or intent["part"] != entry["part"]:
        return False
    return entry["params"] is None or intent["params"] == entry["params"]


def parse_all(texts: list[str], pythonpath: Path) -> tuple[list[dict[str, Any]], float]:
    """Every sentence's intent from the parser under ``pythonpath``, and microseconds per sentence."""
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        env=env,
        cwd=pythonpath,
        check=True,
    )
    found = json.loads(done.stdout)
    return found["intents"], float(found["us"])


def peer_tree(ref: str, folder: Path) -> Path:
    """The ``bridge`` and ``engines`` packages of git revision ``ref``, extracted into ``folder``."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", ref, "bridge", "engines"], capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    return folder


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--peer", default=PEER_REF, help="git revision whose parser runs beside ours")
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args()
    head = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    )
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"ours: {head.stdout.strip()} (working tree), peer: {args.peer}")
    totals = {"ours": [0, 0], "peer": [0, 0]}
    with tempfile.TemporaryDirectory(prefix="roo_parser_peer_") as tmp:
        peer_path = peer_tree(args.peer, Path(tmp))
        for label, name in SETS.items():
            phrases = load(name)
            texts = [e["text"] for e in phrases]
            line = f"{label:9} ({len(phrases):3} phrases):"
            for who, path in (("ours", ROOT), ("peer", peer_path)):
                intents, us = parse_all(texts, path)
                hits = [exact(i, e) for i, e in zip(intents, phrases, strict=True)]
                totals[who][0] += sum(hits)
                totals[who][1] += len(hits)
                line += f"  {who} {sum(hits):3}/{len(hits)} = {100 * sum(hits) / len(hits):5.1f} % ({us:4.0f} us/sentence)"
                if args.show_misses and who == "ours":
                    misses = [
                        (e["text"], i) for i, e, ok in zip(intents, phrases, hits, strict=True) if not ok
                    ]
                    for text, got in misses:
                        print(f"    miss {text!r}: {got}")
            print(line)
    for who, (right, n) in totals.items():
        print(f"all sets {who}: exact intent {right}/{n} = {100 * right / n:.1f} %")
    print(
        f"load average at end: {os.getloadavg()[0]:.1f}; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
    )


if __name__ == "__main__":
    main()
