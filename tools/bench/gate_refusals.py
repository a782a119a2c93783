"""The gate's refusals on writers the head never saw (issue 55 round 13): every sentence whose label is a
real op and whose answer (``agree.agreed`` on the held-out readings) is a question, with the check that
stopped it, and whether acting on the head's top reading (``agree.read_as`` its op on its target) would
have been right; and the opposite: questions where that act would have been wrong (the check saved it).

    HF_HUB_OFFLINE=1 PYTHONPATH=$PWD .venv/bin/python -m tools.bench.gate_refusals [--show CHECK]

It reuses the held-out readings ``agree_heldout --cached`` keeps (``.cache/reading/heldout_readings.json``).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from typing import Any

from bridge.commands import agree, carried, explain, guards, weighing
from bridge.commands import reader as lr
from bridge.commands.normalize import normalize
from bridge.commands.statements import request_ruled
from bridge.commands.studio_errands import studio_job
from bridge.commands.suggested import QUIET, op_of, target_of
from bridge.commands.unexplained import unexplained
from bridge.reading.labels import classes
from tools.bench.agree_heldout import KEPT, ruled
from tools.bench.grammar_blind import QUESTION_OPS, load, score
from tools.corpus import reading_train as rt


def stopped_by(heard: str, first: Any, reading: lr.Reading) -> str:
    """The check of ``agree._agreed``/``weighing.weighed`` that made the answer a question (their order)."""
    request, again = request_ruled(heard, first)
    heard, first = (request, again) if request != heard else (heard, first)
    s, key, _ = normalize(heard)
    the_rules, s = agree._without_asides(heard, s, key, first)
    ours = op_of(the_rules)
    (best, p_best), (_, p_next) = reading.ops[0], reading.ops[1]
    sure = p_best >= agree.SURE and p_best - p_next >= agree.MARGIN
    if ours is None or ours != best:
        if ours is None:
            if studio_job(s):
                return "studio job refused"
            if not sure:
                return "rules asked, head unsure" if p_best >= agree.SURE else "rules asked, head below SURE"
            if best in QUIET:
                return f"rules asked, head says {best}"
            if not weighing.open_to(the_rules, best, p_best, s):
                return "rules' question not open (< OVERRIDE, or not a reading it offers)"
            if best in agree.INVENTS:
                return "head op invents a value"
            again_ = agree.read_as(best, target_of(reading, s), heard, s, key)
            if again_ is None:
                return "head's op not re-read (rephrase)"
            return "head's reading unexplained (explain.explains)"
        if best == "none" and sure:
            return "rules act, head sure none"
        if best in QUIET and sure:
            return f"rules act, head sure {best}"
        if not sure or best in QUIET:
            return "rules act, head unsure, rules' op < PLAUSIBLE"
        if {ours, best} in agree.OPPOSITES:
            return "opposite ops"
        if p_best < agree.OVERRIDE:
            return "disagree, head < OVERRIDE"
        return "disagree, override failed (re-read/explain/lost)"
    chosen = the_rules
    if explain.dropped(chosen, s) is not None:
        return "explain.dropped (a place left out)"
    if guards.overrules(chosen, s, reading.p(op_of(chosen) or ""), agree.SURE, reading.target):
        return "guards.overrules"
    if guards.two_targets(chosen, heard, s, reading.target):
        return "guards.two_targets"
    if unexplained(heard, chosen):
        return "unexplained word"
    if carried.unsaid(heard, chosen):
        return "carried.unsaid"
    return "other"


def head_act(heard: str, reading: lr.Reading) -> Any:
    """The head's top reading acted on: its op on its target with the sentence's values, or None."""
    s, key, _ = normalize(heard)
    best = reading.ops[0][0]
    return None if best in QUIET else agree.read_as(best, target_of(reading, s), heard, s, key)


COLUMNS = ("real", "half", "top", "h_exact", "h_wrong", "h_none", "r_exact", "r_wrong", "q", "qh", "qr")


def counted(real: bool, reading: lr.Reading, label: dict[str, Any], act: Any, first: Any) -> Counter[str]:
    """One question's counts: a real op's (its top reading right; acting on the head's, the rules')
    or a question label's (would the head's, the rules' reading have acted)."""
    if not real:
        return Counter(q=1, qh=act is not None, qr=first.understood)
    want = classes(label)
    head = score(act.as_dict(), label)[1] if act is not None else "none"
    rules_ = score(first.as_dict(), label)[1] if first.understood else "none"
    top = reading.ops[0][0] == want["op"] and reading.target == want["target"]
    return Counter(real=1, top=top, **{f"h_{head}": 1, f"r_{rules_}": 1})


def row(check: str, c: Counter[str]) -> str:
    return (
        f"| {check} | {c['real']} ({c['half']}) | {c['top']} | {c['h_exact']} / {c['h_wrong']} / {c['h_none']}"
        f" | {c['r_exact']} / {c['r_wrong']} | {c['q']} ({c['qh']} / {c['qr']}) |"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", default="", help="print the sentences stopped by checks containing this")
    args = ap.parse_args()
    kept = json.loads(KEPT.read_text())
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for name in rt.BLIND:
        for item, kept_row in zip(load(rt.DATA / f"{name}.yaml"), kept[name], strict=True):
            reading = lr.Reading(tuple(map(tuple, kept_row[0])), kept_row[1])
            text, label = str(item["text"]), item["means"]
            first = ruled(text)
            heard, asked = agree.heard_as(text)
            if asked:
                continue
            answer = agree.agreed(heard, first, reading)
            if answer.understood:
                continue
            check = stopped_by(heard, first, reading)
            act = head_act(heard, reading)
            real = str(label["op"]) not in QUESTION_OPS
            table[check] += counted(real, reading, label, act, first)
            table[check]["half"] += real and score(answer.as_dict(), label)[1] == "half"
            if args.show and args.show in check:
                print(f"{check} | {text!r}\n   means {label}\n   head {reading.ops[:2]} {reading.target}"
                      f" -> {act.as_dict() if act else None}\n   rules {first.as_dict()}")  # fmt: skip
    print(
        "| check that stopped it | real-op questions (halves) | head's top op+target right "
        "| acting on the head's reading: exact / wrong / nothing to act | acting on the rules' reading: "
        "exact / wrong | question-labelled sentences it stopped (head / rules would have acted) |"
    )
    print("|---|---|---|---|---|---|")
    total: Counter[str] = Counter()
    for check, counts in sorted(table.items(), key=lambda kv: -kv[1]["real"]):
        print(row(check, counts))
        total += counts
    print(row("all", total))


if __name__ == "__main__":
    main()
