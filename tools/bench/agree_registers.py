"""Where the held-out head is weak, by register (issue 55, round 10): the held-out readings of
``tools.bench.agree_heldout`` (each blind set read by a head that never saw it) grouped by the kind
of sentence, with the share of ops and targets the head gets right and what the decision made of it.

    HF_HUB_OFFLINE=1 PYTHONPATH=$PWD .venv/bin/python -m tools.bench.agree_registers [--confusions N]

It reads the readings ``agree_heldout`` kept (run that first; ``--cached`` there and here read the
same file). A sentence is in every register whose pattern it matches (:data:`REGISTERS`: a rough
sorting by surface words, good enough to say where the head's errors gather, not a label).
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter

from bridge.commands import reader
from bridge.commands.agree import agreed
from bridge.reading.labels import classes
from tools.bench.agree_heldout import KEPT, ruled
from tools.bench.grammar_blind import load, score
from tools.corpus import reading_train as rt

REGISTERS: dict[str, str] = {
    "formal, long (>= 16 words)": r"^(?=(?:\S+\s+){15}\S)(?=.*\b(?:please|could|would|kindly|i'd like|should like)\b)",
    "purpose clause (so that, in order to)": r"\b(?:so that|in order to|so it|so they|so we|to make room)\b",
    "hedged (wonder, might, maybe, perhaps)": r"\b(?:wonder|might|maybe|perhaps|possibly|i guess|not sure)\b",
    "question mark": r"\?\s*$",
    "terse (<= 4 words)": r"^\s*(?:\S+\s+){0,3}\S+\s*$",
    "fillers (um, uh, like, you know)": r"\b(?:um+|uh+|erm|er|like|you know|okay so|ok so|so yeah|basically)\b",
    "negation (don't, leave, keep, no)": r"\b(?:not the|don'?t|do not|leave|without|keep|no)\b",
    "exception (except, apart from, but the)": r"\b(?:except|apart from|other than|but not|everything but|all but)\b",
    "condition (if, when, unless)": r"^\s*(?:if|when|unless|should)\b|,\s*(?:if|unless)\b",
    "theory words": r"\b(?:modulate|third|fifth|fourth|octave|cadence|voicing|inversion|semitone|minor|major)\b",
    "slang (gimme, lil, kinda, yo)": r"\b(?:gimme|lil|kinda|yo|wanna|gonna|tryna|bro|fam|innit|af)\b",
    "Pidgin, Indian, ESL (abeg, kindly, dey, itself)": r"\b(?:abeg|dey|comot|na|oya|wahala|kindly|itself|prepone|needful)\b",
    "state said (too X, is X)": r"\b(?:too|rather|far too|way too)\s+(?:\w+)|\bis (?:bare|empty|sparse|busy|loud|quiet)\b",
    "a reason (because, since, too)": r"\b(?:because|since|cos|cuz|it's getting|for the)\b",
    "an errand word beside a request": r"\b(?:master|email|upload|reverb|export|book|send|pdf|post)\b",
}
ALL = "all sentences"


def registers_of(text: str) -> list[str]:
    low = text.lower()
    return [ALL] + [name for name, pattern in REGISTERS.items() if re.search(pattern, low)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--confusions", type=int, default=15, help="how many of the head's op confusions to list")
    ap.add_argument("--ops", type=int, default=12, help="how many of the weakest labelled ops to list")
    ap.add_argument("--writers", default="", help="blind set numbers, comma separated (default all)")
    args = ap.parse_args()
    if not KEPT.exists():
        raise SystemExit(f"{KEPT} is missing: run `python -m tools.bench.agree_heldout` first")
    kept = json.loads(KEPT.read_text())
    names = [f"commands_blind{n}" for n in args.writers.split(",")] if args.writers else list(kept)
    tally: dict[str, list[float]] = {}  # n, op right, target right, points, acted wrong
    confused: Counter[tuple[str, str]] = Counter()
    for name in names:
        items = load(rt.DATA / f"{name}.yaml")
        for item, (ops, target) in zip(items, kept[name], strict=True):
            text, label = str(item["text"]), classes(item["means"])
            reading = reader.Reading(tuple(map(tuple, ops)), target)
            op_right = reading.ops[0][0] == label["op"]
            target_right = (target or "none") == label["target"]
            got, how = score(agreed(" ".join(text.split()), ruled(text), reading).as_dict(), item["means"])
            if not op_right:
                confused[(label["op"], reading.ops[0][0])] += 1
            for register in [*registers_of(text), f"label op {label['op']}"]:
                row = tally.setdefault(register, [0, 0, 0, 0, 0])
                for i, value in enumerate((1, op_right, target_right, got, how in ("wrong", "acted"))):
                    row[i] += value
    rows = sorted(tally.items(), key=lambda kv: kv[1][1] / kv[1][0])
    for title, kept_rows in (("register", [r for r in rows if not r[0].startswith("label op ")]),
                             ("the label's op (n >= 20)", [r for r in rows if r[0].startswith("label op ")
                                                           and r[1][0] >= 20][: args.ops])):  # fmt: skip
        print(f"\n{title:48} {'n':>5} {'op':>6} {'target':>7} {'agreed':>7} {'wrong':>6}")
        for register, (n, op, target, points, wrong) in kept_rows:
            print(f"{register:48} {n:5.0f} {op / n:6.3f} {target / n:7.3f} {points / n:7.3f} {wrong:6.0f}")
    print(f"\nthe head's likeliest op where the label says another ({sum(confused.values())} sentences):")
    for (said, read), count in confused.most_common(args.confusions):
        print(f"  {count:3d}  {said} read as {read}")


if __name__ == "__main__":
    main()
