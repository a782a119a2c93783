"""Which acts leave a value word of their sentence unread, and what asking on them would cost (issue 55).

    HF_HUB_OFFLINE=1 PYTHONPATH=$PWD .venv/bin/python -m tools.bench.leftover_values
        [--heldout 1-88] [--sets 93,94,95,96] [--guard KINDS] [-v]

For each sentence of a labelled set: whether its reading acted, whether the act was wrong (as
``grammar_blind.score`` says: "wrong" or "acted"), and its value words that the reading leaves out
(``bridge.commands.leftover_values``: numbers, amounts, sections, parts, keys, tempi), read with the
guard off (``leftover_values.GUARDED`` empty). The table counts, per kind, the wrong acts with a word
of that kind left over (what a guard on it could catch) and the right acts with one (what asking
on them would cost: each a question, half a point at best).

``--heldout``: blind sets 1-88 read as ``tools.bench.agree_heldout --cached`` reads them (each
sentence's reading by a head that never saw its writer, through ``agree.agreed``; needs
``.cache/reading/heldout_readings.json``); ``--sets``: blind sets read by ``bridge.commands.parse``
with the shipped head (fair only on sets it was not trained on). ``--guard KINDS`` (comma separated,
``all``): each set read again with those kinds guarded, and points and wrong acts before and after.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Callable
from typing import Any

from bridge.commands import leftover_values as lv
from bridge.commands import reader
from bridge.commands.agree import agreed, heard_as
from bridge.commands.intent import Intent
from tools.bench.agree_heldout import KEPT, ruled
from tools.bench.grammar_blind import load, score
from tools.corpus import reading_train as rt

Reader = Callable[[str, int], Intent]  # (sentence, its place in the set) -> the answer


def heldout_reader(name: str) -> Reader:
    """The held-out reading of set ``name``'s sentences (``agree_heldout --cached``'s "agreed" column)."""
    kept = json.loads(KEPT.read_text())[name]
    readings = [reader.Reading(tuple(map(tuple, r[0])), r[1]) for r in kept]

    def read(text: str, i: int) -> Intent:
        first = ruled(text)
        heard, asked = heard_as(text)
        return first if asked else agreed(heard, first, readings[i])

    return read


def shipped_reader(_: str) -> Reader:
    from bridge.commands import parse

    return lambda text, _i: parse(text)


def rows(name: str, read: Reader, guard: tuple[str, ...]) -> list[dict[str, Any]]:
    """Each sentence of set ``name`` read with ``guard``'s kinds guarded: text, how, points, leftovers."""
    out = []
    was = lv.GUARDED
    lv.GUARDED = guard
    try:
        for i, item in enumerate(load(rt.DATA / f"{name}.yaml")):
            text = str(item["text"])
            answer = read(text, i)
            points, how = score(answer.as_dict(), item["means"])
            left = lv.leftover(heard_as(text)[0], answer) if answer.understood else []
            out.append({"text": text, "means": item["means"], "how": how, "points": points, "left": left,
                        "acted": answer.understood, "got": answer.as_dict()})  # fmt: skip
    finally:
        lv.GUARDED = was
    return out


def table(read: list[dict[str, Any]]) -> list[str]:
    """Per kind: wrong acts and right acts with a word of that kind left over."""
    wrong = [r for r in read if r["how"] in ("wrong", "acted")]
    right = [r for r in read if r["acted"] and r["how"] not in ("wrong", "acted")]
    lines = [
        f"  {len(read)} sentences, {len(right) + len(wrong)} acts: {len(wrong)} wrong, {len(right)} right"
    ]
    lines.append(f"  {'kind':8} {'wrong acts, value left':>24} {'right acts, value left':>24}")
    for kind in (*lv.KINDS, "any"):
        w = sum(any(kind in ("any", k) for _, k in r["left"]) for r in wrong)
        g = sum(any(kind in ("any", k) for _, k in r["left"]) for r in right)
        lines.append(f"  {kind:8} {w:>24} {g:>24}")
    return lines


def _names(spec: str) -> list[str]:
    if not spec:
        return []
    numbers: list[int] = []
    for part in spec.split(","):
        low, _, high = part.partition("-")
        numbers += range(int(low), int(high or low) + 1)
    return [f"commands_blind{n}" for n in numbers]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--heldout", default="", help="blind set numbers read by held-out heads (e.g. 1-88)")
    ap.add_argument("--sets", default="", help="blind set numbers read by the shipped head (e.g. 93-96)")
    ap.add_argument("--guard", default="", help="kinds guarded in a second reading (comma separated, all)")
    ap.add_argument("-v", "--verbose", action="store_true", help="every act with a value left over")
    args = ap.parse_args()
    guard = lv.KINDS if args.guard == "all" else tuple(k for k in args.guard.split(",") if k)
    for label, names, make in (("held out", _names(args.heldout), heldout_reader),
                               ("shipped head", _names(args.sets), shipped_reader)):  # fmt: skip
        if not names:
            continue
        before: list[dict[str, Any]] = []
        after: list[dict[str, Any]] = []
        for name in names:
            read = make(name)
            got = rows(name, read, ())
            before += got
            after += rows(name, read, guard) if guard else []
            for r in got if args.verbose else []:
                if r["left"]:
                    print(f"  {name[14:]:>3} {r['how']:6} {r['left']} {r['text']!r}\n        got {r['got']}")
        print(f"{label}: {names[0]}..{names[-1]} ({len(names)} sets), guard off")
        print("\n".join(table(before)))
        if guard:
            _compare(before, after, guard)


def _compare(before: list[dict[str, Any]], after: list[dict[str, Any]], guard: tuple[str, ...]) -> None:
    def wrong(rs: list[dict[str, Any]]) -> int:
        return sum(r["how"] in ("wrong", "acted") for r in rs)

    n = len(before)
    print(f"  guard {','.join(guard)}: points {sum(r['points'] for r in before):g} -> "
          f"{sum(r['points'] for r in after):g} of {n}; wrong acts {wrong(before)} -> {wrong(after)}")  # fmt: skip
    moves = Counter(
        f"{b['how']}->{a['how']}" for b, a in zip(before, after, strict=True) if b["how"] != a["how"]
    )
    print("  changed: " + ", ".join(f"{k} {c}" for k, c in moves.most_common()))
    for b, a in zip(before, after, strict=True):
        if b["points"] != a["points"]:
            print(f"    {b['points']:g}->{a['points']:g} {b['left']} {b['text']!r}")


if __name__ == "__main__":
    main()
