"""The agreement on writers the head never saw (issue 55): each blind set read with a head trained
without it, beside the rules alone, scored as tools/bench/grammar_blind.py scores.

    HF_HUB_OFFLINE=1 PYTHONPATH=$PWD .venv/bin/python -m tools.bench.agree_heldout [--show-misses]
        [--writers 2,4,6,8 [--only]] [--peer REV] [--cached] [--without writers,spoken] [--reliability]
        [--whole-only]

For each writer (tests/data/commands_blind1..34.yaml, ``reading_train.BLIND``): a head is trained
(``tools.corpus.reading_train``: the generated corpus, the older sets and the other blind sets), its op and target probabilities for the held-out set's sentences (temperature fitted on all
held-out folds, as the shipped head's is) go through ``agree.agreed`` with the rules' reading, and
the answer is scored. "Acted wrong" counts answers that did something other than the label says.
Each sentence is read as ``agree.parse`` reads it: in English first (``tongues.in_english``: a
Spanish-English sentence said in English; one mostly in a tongue nothing reads is asked about).
``--writers`` scores only those sets (a tuning or report half; with ``--only`` only their folds are
trained, temperature fitted on them; with ``--together`` one head is trained without all of them); after ``make reading`` the held-out logits it kept are reused
when the sentences and labels are the same (no second round of fits); ``--peer REV`` scores, beside ours,
the decision rules of ``bridge/commands/agree.py`` as committed at REV (``main``: main's rule) on the
same held-out readings; ``--without`` trains every fold without those kinds of the generated corpus
(``command_corpus.generate``'s ``without``; default ``reading_train.LEFT_OUT``, as the shipped head); ``--reliability`` prints how often the held-out head's
likeliest op is right by its probability (all sentences, and those the rules alone do not act on).
The "parsed" column reads each sentence as ``agree.parse`` does (the compound step included;
``tools/bench/heldout_parse.py``: a clause that is no whole held-out sentence is read by the rules
alone); ``--whole-only`` leaves it out. These figures are the policy's held-out ones; the shipped head has seen
every blind set (it is trained on all of them).
"""

from __future__ import annotations

import argparse
import itertools
import json
import subprocess
import sys
import types
from collections.abc import Callable
from typing import Any

import numpy as np

from bridge.commands import reader
from bridge.commands.agree import agreed, heard_as
from bridge.commands.intent import unknown
from bridge.commands.normalize import normalize
from bridge.commands.parser import parse as rules
from bridge.commands.scoped import read_scoped
from bridge.reading.labels import FIELDS, classes
from bridge.reading.softmax import fit_temperature, softmax
from tools.bench.grammar_blind import load, score
from tools.bench.heldout_parse import Held, held, parsed
from tools.corpus import reading_train as rt

KEPT = rt.CACHE_DIR / "heldout_readings.json"  # the last run's held-out readings (--cached)


def ruled(text: str) -> Any:
    """The rules' reading of a sentence as ``agree.parse`` reads it (``agree.heard_as``: said in English
    first, text speak said plainly; a sentence mostly in a tongue nothing reads asked about); scoped
    clauses read first."""
    heard, asked = heard_as(text)
    if asked:
        return unknown(heard, asked)
    s, key, _ = normalize(heard)
    return read_scoped(heard, s, lambda rest: rules(rest.replace(" _key_ ", f" {key} "))) or rules(heard)


def held_out_readings(
    folds: list[str] | None = None, without: tuple[str, ...] | None = None, together: bool = False
) -> dict[str, list[reader.Reading]]:
    """Per blind set (``folds``: only those, temperatures fitted on them), each sentence's reading by
    a head that did not see that set (trained ``without`` those kinds of the generated corpus);
    ``together``: by one head that saw none of ``folds`` (one training, not one per set)."""
    folds = folds or rt.BLIND
    sources: dict[str, rt.Rows] = {"corpus": rt.corpus_rows(without=without)}
    sources.update({name: rt.blind_set(name) for name in rt.BLIND})
    sources.update({name: rt.older_set(name) for name in rt.OLDER})
    data = rt.Data(sources)
    logits: dict[str, dict[str, np.ndarray]] = {}
    kept = np.load(rt.HELD) if rt.HELD.exists() else None
    if kept is not None and str(kept["key"]) == rt.data_key(data):  # the last `make reading`'s folds
        print(f"held-out logits of the last training ({rt.HELD})")
        logits = {name: {f: kept[f"{name}|{f}"] for f in ("op", "target")} for name in folds}
    if together and not logits:
        net = rt.fit(data, ~np.isin(data.source, folds))
        logits = {n: {f: net.logits(data.x[data.source == n], f) for f in FIELDS} for n in folds}
    for name in [] if logits else folds:
        test = data.source == name
        net = rt.fit(data, ~test)
        logits[name] = {f: net.logits(data.x[test], f) for f in FIELDS}
    temps = {
        f: fit_temperature(np.concatenate([logits[n][f] for n in folds]),
                           np.concatenate([data.y[f][data.source == n] for n in folds]))
        for f in ("op", "target")
    }  # fmt: skip
    out: dict[str, list[reader.Reading]] = {}
    for name in folds:
        p_op = softmax(logits[name]["op"] / temps["op"])
        p_target = softmax(logits[name]["target"] / temps["target"])
        out[name] = []
        for row_op, row_target in zip(p_op, p_target, strict=True):
            order = np.argsort(-row_op, kind="stable")
            ops = tuple((data.labels["op"][i], float(row_op[i])) for i in order)
            best = int(row_target.argmax())
            target = data.labels["target"][best]
            sure = row_target[best] >= reader.TARGET_SURE and target != "none"
            out[name].append(reader.Reading(ops, target if sure else None))
    return out


BINS = (0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0)


def reliability(names: list[str], readings: dict[str, list[reader.Reading]]) -> list[str]:
    """Lines of a table: per bin of the held-out head's likeliest op's probability, how many
    sentences and how many of them that op is right for, over all sentences and over those the
    rules alone do not act on; then the same for readings past agree's SURE and MARGIN, and how
    often a sure target (``reader.TARGET_SURE``) is the label's."""
    from bridge.commands.agree import MARGIN, SURE

    rows: list[tuple[float, float, bool, bool]] = []  # p, margin, op right, rules act
    targets: list[bool] = []
    for name in names:
        for item, reading in zip(load(rt.DATA / f"{name}.yaml"), readings[name], strict=True):
            label = classes(item["means"])
            (best, p_best), (_, p_next) = reading.ops[0], reading.ops[1]
            rows.append((p_best, p_best - p_next, best == label["op"], ruled(str(item["text"])).understood))
            if reading.target is not None:
                targets.append(reading.target == label["target"])
    p, margin, right, acts = (np.array(list(column)) for column in zip(*rows, strict=True))
    out = ["likeliest op's probability: sentences, share right (all | the rules do not act)"]
    for low, high in itertools.pairwise(BINS):
        inside = (p >= low) & ((p < high) if high < 1 else (p <= high))
        out.append(f"  {low:.2f}-{high:.2f}: " + " | ".join(_share(right[inside & part])
                   for part in (np.ones_like(acts), ~acts)))  # fmt: skip
    sure = (p >= SURE) & (margin >= MARGIN)
    out.append(f"  p >= {SURE}, margin >= {MARGIN}: " + " | ".join(_share(right[sure & part])
               for part in (np.ones_like(acts), ~acts)))  # fmt: skip
    out.append(f"sure targets (p >= {reader.TARGET_SURE}): {_share(np.array(targets, dtype=bool))}")
    return out


def _share(right: np.ndarray) -> str:
    return f"{len(right):5d} {right.mean() if len(right) else float('nan'):.3f}"


Policy = Callable[[str, Any, reader.Reading], Any]


def peer_policy(rev: str) -> Policy:
    """``agreed`` of ``bridge/commands/agree.py`` as committed at ``rev`` (its imports are today's)."""
    source = subprocess.run(
        ["git", "show", f"{rev}:bridge/commands/agree.py"], capture_output=True, text=True, check=True,
        cwd=rt.ROOT,
    ).stdout  # fmt: skip
    module = types.ModuleType(f"agree_at_{rev}")
    exec(compile(source, f"{rev}:bridge/commands/agree.py", "exec"), module.__dict__)
    policy: Policy = module.agreed
    return policy


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--cached", action="store_true", help=f"reuse the held-out readings kept in {KEPT}")
    ap.add_argument("--writers", default="", help="blind set numbers to score, comma separated (default all)")
    ap.add_argument("--only", action="store_true", help="train only the --writers' folds (quicker)")
    ap.add_argument("--together", action="store_true", help="with --only: one head that saw none of them")
    ap.add_argument("--peer", default="", help="a git revision whose agree.py is scored beside ours")
    ap.add_argument(
        "--without",
        default="",
        help="corpus kinds left out of training: writers, spoken, none (default: reading_train.LEFT_OUT)",
    )
    ap.add_argument(
        "--reliability", action="store_true", help="the likeliest op's accuracy by its probability"
    )
    ap.add_argument("--whole-only", action="store_true", help="no 'parsed' column (agree.parse, compounds)")
    args = ap.parse_args()
    names = [f"commands_blind{n}" for n in args.writers.split(",")] if args.writers else rt.BLIND
    if args.cached and KEPT.exists():
        kept = json.loads(KEPT.read_text())
        readings = {k: [reader.Reading(tuple(map(tuple, r[0])), r[1]) for r in v] for k, v in kept.items()}
        if unkept := [n for n in names if n not in readings]:  # the head now trains on writers the run lacks
            sys.exit(f"--cached: {KEPT} holds no readings for {', '.join(unkept)} (it holds {len(readings)} sets); "
                     "rerun without --cached (retrains the folds), or name the writers it holds with --writers")  # fmt: skip
    else:
        without = tuple(k for k in args.without.split(",") if k not in ("", "none")) or None
        without = () if args.without == "none" else without  # none: every kind; None: reading_train's
        readings = held_out_readings(names if args.only else None, without, args.together)
        KEPT.write_text(json.dumps({k: [[list(r.ops), r.target] for r in v] for k, v in readings.items()}))
    policies: dict[str, Policy | None] = {"rules": None, "agreed": agreed}
    if args.peer:
        policies[f"at {args.peer}"] = peer_policy(args.peer)
    kept = None if args.whole_only else _held_all(readings)
    if kept is not None:  # agree.parse as shipped, the compound step included (tools/bench/heldout_parse.py)
        policies["parsed"] = agreed
    totals = {who: [0.0, 0, 0] for who in policies}
    for name in names:
        items = load(rt.DATA / f"{name}.yaml")
        line = f"{name:16} n={len(items):3}"
        for who, policy in policies.items():
            points, wrong = 0.0, 0
            for item, reading in zip(items, readings[name], strict=True):
                text = str(item["text"])
                first = ruled(text)
                heard, asked = heard_as(text)  # a question of tongues is asked as it is
                answer = first if policy is None or asked else policy(heard, first, reading)
                answer = parsed(text, kept) if who == "parsed" and kept is not None else answer
                got, how = score(answer.as_dict(), item["means"])
                points += got
                wrong += how in ("wrong", "acted")
                if args.show_misses and who == "agreed" and got < 1:
                    print(f"  {got:g} {how:8} {text!r} means {item['means']}\n     got {answer.as_dict()} "
                          f"learned {reading.ops[:2]} {reading.target}")  # fmt: skip
            totals[who][0] += points
            totals[who][1] += len(items)
            totals[who][2] += wrong
            line += f"   {who} {points / len(items):.3f} (acted wrong {wrong:2})"
        print(line)
    for who, (total, n, acted_wrong) in totals.items():
        print(
            f"these {len(names)} writers, {who}: {total:g}/{n:g} = {total / n:.3f}, acted wrong {acted_wrong:g}"
        )
    if kept is not None:
        print(
            f"parsed: {len(kept.fallbacks)} sentences had a clause read by the rules alone (no held-out reading)"
        )
    if args.reliability:
        for line in reliability(names, readings):
            print(line)


def _held_all(readings: dict[str, list[reader.Reading]]) -> Held:
    """Every held-out sentence's reading (a clause of one set may be a whole sentence of another)."""
    kept = held([], [])
    for name, read in readings.items():
        kept.readings.update(held([str(i["text"]) for i in load(rt.DATA / f"{name}.yaml")], read).readings)
    return kept


if __name__ == "__main__":
    main()
