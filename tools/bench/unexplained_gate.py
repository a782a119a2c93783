"""The unexplained-word gate (issue 55) on blind sets' first measurements: designed on one group, reported on the other.

    .venv/bin/python -m tools.bench.unexplained_gate DESIGN.json[,...] HELD.json[,...] [-v]

Each JSON is a blind measurement's dump (``{set: [{text, means, got, answer, points, how}]}``, the
parser's answer per sentence when nobody had tuned on the set). The gate turns an act whose reading
leaves a word unexplained (``bridge.commands.unexplained``) into a question. Its table is learned
here from the corpus, the older sets and the blind sets measured before either group
(commands_blind1..8), so neither group is seen; the thresholds (``SHARE``, ``SEEN``, ``EXPLAINS``)
and the kinds of word gated are chosen on the design group by net points (low), then the held-out
group is scored once with them.

Points of a gated act: a right act becomes a question suggesting its own (right) op: -0.5; a wrong
act +0.5 when its op was right (the question suggests it: "low", a lower bound) and +0.5 in any
case ("high", as if the question's other suggestion were right); an act where a question was meant +1.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from bridge.commands.intent import Intent
from bridge.commands.unexplained import Named, unexplained, words_from
from tools.corpus.explained_words import blind_rows, corpus_rows, learn, older_rows

EARLY = [f"commands_blind{i}" for i in range(1, 9)]  # measured before sets d..o (blind9..20)
GRID = [(s, n, e) for s in (0.5, 0.7, 0.9) for n in (3, 5, 10) for e in (0.02, 0.05, 0.15)]
KIND_SETS = [("value",), ("target",), ("op",), ("value", "target"), ("value", "target", "op")]
Table = dict[str, Named]


def acts(paths: list[str]) -> list[dict[str, Any]]:
    """Every row of the dumps that acted (the parser's answer was not a question or refusal)."""
    rows = [r for p in paths for rs in json.loads(Path(p).read_text()).values() for r in rs]
    return [r for r in rows if r["answer"]["action"] != "unknown"]


def outcome(row: dict[str, Any], words: Table, kinds: tuple[str, ...]) -> tuple[str, list[str], float, float]:
    """(how, the unexplained words, low gain, high gain) of one act when gated."""
    a = row["answer"]
    intent = Intent(a["action"], a.get("part"), a.get("params") or {}, row["text"])
    left = unexplained(row["text"], intent, words, kinds)
    if not left:
        return row["how"], left, 0.0, 0.0
    if row["how"] == "exact":
        return "exact", left, -0.5, -0.5
    if row["how"] == "acted":
        gain = 1.0 if row["means"].get("op") == "ask" else 0.0
        return "acted", left, gain, gain
    same_op = row["got"].get("op") == row["means"].get("op")
    return row["how"], left, 0.5 if same_op else 0.0, 0.5


def tally(rows: list[dict[str, Any]], words: Table, kinds: tuple[str, ...], n_sets: int) -> dict[str, Any]:
    """Wrong acts caught, right acts caught and net points per 60 (low, high) over ``rows``."""
    seen = [outcome(r, words, kinds) for r in rows]
    wrong = [o for o in seen if o[0] in ("wrong", "acted")]
    return {
        "wrong": len(wrong),
        "wrong_caught": sum(bool(o[1]) for o in wrong),
        "right": sum(o[0] == "exact" for o in seen),
        "right_caught": sum(bool(o[1]) and o[0] == "exact" for o in seen),
        "net_low_per60": round(sum(o[2] for o in seen) / n_sets, 2),
        "net_high_per60": round(sum(o[3] for o in seen) / n_sets, 2),
    }


def sets_in(paths: list[str]) -> int:
    return sum(len(json.loads(Path(p).read_text())) for p in paths)


def main() -> None:
    design, held = sys.argv[1].split(","), sys.argv[2].split(",")
    base = corpus_rows() + older_rows() + blind_rows(EARLY)
    d_rows, h_rows = acts(design), acts(held)
    print(f"design {design}; held out {held}; table learned from corpus + older sets + blind1..8")
    best: tuple[float, tuple[float, int, float], tuple[str, ...]] | None = None
    for grid in GRID:
        words = words_from(learn(base, *grid))
        for kinds in KIND_SETS:
            t = tally(d_rows, words, kinds, sets_in(design))
            print(f"  design (share, seen, explains) {grid} kinds {kinds}: {t}")
            if best is None or t["net_low_per60"] > best[0]:
                best = (t["net_low_per60"], grid, kinds)
    assert best is not None
    _, grid, kinds = best
    words = words_from(learn(base, *grid))
    print(f"chosen on design: (share, seen, explains) {grid}, kinds {kinds}")
    print(f"design:   {tally(d_rows, words, kinds, sets_in(design))}")
    print(f"HELD OUT: {tally(h_rows, words, kinds, sets_in(held))}")
    if "-v" in sys.argv:
        for r in h_rows:
            how, left, low, _ = outcome(r, words, kinds)
            if left or how in ("wrong", "acted"):
                print(f"  {how:6} {low:+.1f} {left} | {r['text']}")


if __name__ == "__main__":
    main()
