"""Learn the table of ``bridge.commands.unexplained`` (the words that name an op, a target or a value).

    .venv/bin/python -m tools.corpus.explained_words          (writes bridge/commands/unexplained_words.json)
    .venv/bin/python -m tools.corpus.explained_words OUT.json

Training material: the generated corpus (``command_corpus.generate``, the learned reading's seed), the
project's labelled blind sets (tests/data/commands_blind*.yaml, each trained on only after its one
blind measurement) and the older sets (commands*.yaml, their intents read into the schema). In each
sentence the words of its own values (``unexplained.value_words`` of its schema reading) are left
out (field names aside); each other word is counted with the sentence's op and targets. A word names
something when it is seen in at least ``SEEN`` sentences and at least ``SHARE`` of them say it as one
kind: a value, or with one op, or with one target (its kind is the likeliest of the three); it is
explained by each op and target said in at least ``EXPLAINS`` of its sentences that are not values.
The words said after a number at least ``SEEN`` times are its known units (``#bars``, ``#times``).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from bridge.commands.normalize import normalize
from bridge.commands.unexplained import KEY, TABLE, targets_of, value_words, with_units
from tools.corpus.command_corpus import generate
from tools.corpus.reading_train import BLIND, OLDER, SEED, read_set

SHARE = 0.7  # a word names something when this share of its sentences say it as one op, target or value
SEEN = 3  # in at least this many sentences
EXPLAINS = 0.02  # an op's or target's word explains each op (target) said in this share of its sentences

Rows = list[tuple[str, dict[str, Any]]]


def blind_rows(names: Iterable[str]) -> Rows:
    """(text, schema reading) of each labelled blind set named (``commands_blindN``)."""
    return [(e["text"], e["means"]) for n in names for e in read_set(n)]


def older_rows() -> Rows:
    """(text, schema reading) of the older sets' sentences whose intents the schema reader takes."""
    from bridge.commands.means import means_of

    rows: Rows = []
    for name in OLDER:
        for e in read_set(name)["phrases"]:
            try:
                means = means_of(
                    {"action": e["action"], "part": e.get("part"), "params": e.get("params") or {}}
                )
            except (KeyError, TypeError, ValueError, AttributeError):
                continue
            rows.append((e["text"], means))
    return rows


def corpus_rows() -> Rows:
    """The generated corpus the shipped table was learned from: round 9's and 10's kinds (learned
    reading's material) are not in it, round 8's are; a change here changes the decision rules' table."""
    return [(example.text, example.means) for example in generate(SEED, without=("spoken", "registers"))]


def learn(rows: Rows, share: float = SHARE, seen: int = SEEN, explains: float = EXPLAINS) -> dict[str, Any]:
    """The table's JSON form learned from ``rows`` (text, schema reading)."""
    by_op: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    by_target: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    as_value: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    units: dict[str, int] = defaultdict(int)  # the words said after a number
    for text, means in rows:
        s, key, _ = normalize(text)
        said = {k: v for k, v in means.items() if k != "op"}  # the op's name is its word, not a value
        values = value_words(said, keys=False)
        if key is not None and value_words(key) <= values:  # the key said, as normalize writes it
            values.add(KEY)
        for word, unit in set(with_units(s)):
            units[unit or ""] += unit is not None
            total[word] += 1
            if word in values:
                as_value[word] += 1
                continue
            by_op[word][str(means.get("op"))] += 1
            for target in targets_of(means):
                by_target[word][target] += 1
    table: dict[str, Any] = {}
    for word, n in sorted(total.items()):
        ops, targets = by_op[word], by_target[word]
        most = {
            "value": as_value[word],
            "op": max(ops.values(), default=0),
            "target": max(targets.values(), default=0),
        }
        kind = max(most, key=lambda k: most[k])
        if n < seen or most[kind] < share * n:
            continue  # a word said for many things, or too seldom to say
        bar = max(1.0, explains * (n - as_value[word]))
        table[word] = {
            "kind": kind,
            "ops": sorted(o for o, c in ops.items() if c >= bar),
            "targets": sorted(x for x, c in targets.items() if c >= bar),
        }
    for unit, n in sorted(units.items()):  # a number's unit said often enough to judge the number by
        if unit and n >= seen:
            table[unit] = {"kind": "unit", "ops": [], "targets": []}
    return table


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else TABLE
    data = learn(corpus_rows() + older_rows() + blind_rows(BLIND))
    out.write_text(json.dumps(data, indent=0, sort_keys=True) + "\n")
    print(f"{out}: {len(data)} words that name something")


if __name__ == "__main__":
    main()
