"""Does a speed-up change any reading? ``roo parse --json`` of every written sentence, ours beside a peer.

    PYTHONPATH=$PWD .venv/bin/python -m tools.bench.parse_same [--peer main] [--limit N] [--step K]

Each parser (this working tree, and the ``bridge``/``engines`` of git revision ``--peer`` extracted
with ``git archive``) reads every sentence of tests/data/commands*.yaml in its own child process and
writes one line per sentence: the JSON ``roo parse --json`` prints, and the learned reading's op
probabilities of the sentence as the encoder gives them (``repr`` of each float: a change of the
encoder's numbers in the last bit shows). The lines are compared; any difference is printed and the
exit status is 1. ``--tolerance T`` lets op probabilities differ by up to T (an encoder whose numbers
are the same within rounding, e.g. the ONNX export); the parse itself must still be identical.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tools.bench.parser import peer_tree
from tools.bench.parser_latency import sentences

ROOT = Path(__file__).resolve().parents[2]

_CHILD = """
import json, sys
from bridge.commands import parse
from bridge.commands import reader as lr
from bridge.commands.agree import learned_sees
for t in json.load(sys.stdin):
    got = lr.reading_of(learned_sees(t))
    ops = [[op, repr(p)] for op, p in got.ops] if got else None
    print(json.dumps([t, parse(t).as_dict(), ops], sort_keys=True))
"""


def outputs(texts: list[str], tree: Path) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(tree), "HF_HUB_OFFLINE": "1"}
    done = subprocess.run([sys.executable, "-c", _CHILD], input=json.dumps(texts), capture_output=True,
                          text=True, env=env, cwd=tree, check=True)  # fmt: skip
    return done.stdout.splitlines()


def same(ours: str, theirs: str, tolerance: float) -> bool:
    """One sentence's lines alike: bit for bit, or the same parse and op probabilities within ``tolerance``."""
    if ours == theirs or tolerance <= 0:
        return ours == theirs
    (text, parsed, ops), (text2, parsed2, ops2) = json.loads(ours), json.loads(theirs)
    if (text, parsed) != (text2, parsed2) or (ops is None) != (ops2 is None):
        return False
    pairs = list(zip(ops or [], ops2 or [], strict=False))
    return len(ops or []) == len(ops2 or []) and all(
        a[0] == b[0] and abs(float(a[1]) - float(b[1])) <= tolerance for a, b in pairs
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--peer", default="main", help="git revision to compare with (default: main)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N sentences (0: all)")
    ap.add_argument("--step", type=int, default=1, help="every STEP-th sentence of every set (1: all)")
    ap.add_argument("--tolerance", type=float, default=0.0, help="op probabilities may differ by this much")
    args = ap.parse_args()
    texts = sentences()[:: args.step][: args.limit or None]
    ours = outputs(texts, ROOT)
    with tempfile.TemporaryDirectory(prefix="roo_parse_same_") as tmp:
        theirs = outputs(texts, peer_tree(args.peer, Path(tmp)))
    differ = [(a, b) for a, b in zip(ours, theirs, strict=True) if not same(a, b, args.tolerance)]
    for a, b in differ[:20]:
        print(f"ours:  {a}\npeer:  {b}\n")
    print(f"{len(texts)} sentences, {len(differ)} read differently from {args.peer}")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
