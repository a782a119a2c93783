"""How many readings another hold rule would hold (issue 45, docs/benchmarks/meter.md): the rules'
reading held where the model's probability of its signature is below ``tau``, cross-validated on
the same halves as ``meter_train``; held, of those wrong, and wrong signatures applied, per tau.
The engine's rule (``meter_model.judge``) is the strictest of these.

    .venv/bin/python -m tools.corpus.meter_tradeoff
"""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

from tools.corpus import meter_train

CORPORA = (
    Path(".cache/meter_corpus"),
    Path(".cache/meter_corpus/project"),
    Path(".cache/meter_corpus/songs"),
)
TAUS = (0.02, 0.05, 0.1, 0.2, 0.3, 0.4)


def main() -> int:
    truth = {p["name"]: p for c in CORPORA for p in json.loads((c / "manifest.json").read_text())["pieces"]}
    rows = [r for c in CORPORA for r in json.loads((c / "rows.json").read_text())]
    by_meter: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for r in rows:
        r["signature"] = "/".join(map(str, truth[r["name"]]["time_signature"]))
        by_meter[r["signature"]].append(r)
    halves: list[list[dict[str, Any]]] = [[], []]
    for group in by_meter.values():
        for i, r in enumerate(group):
            halves[i % 2].append(r)
    read = []  # (project piece, model's probability of the rules' signature, rules right)
    for test in (1, 0):
        model = meter_train.fit(halves[1 - test])
        for r in halves[test]:
            if r["features"] is None or r["before"]["signature"] is None:
                continue
            p = model.probabilities(np.array(r["features"]))
            mass = sum(
                q
                for c, q in zip(model.classes, p, strict=True)
                if list(c.signature) == r["before"]["signature"]
            )
            read.append((r["name"].startswith("project_"), float(mass), r["before"]["signature"] == truth[r["name"]]["time_signature"]))  # fmt: skip
    print(
        "| tau | set | pieces | held | of those wrong | wrong signature applied |\n|---|---|---|---|---|---|"
    )
    for tau in TAUS:
        for project in (False, True):
            items = [x for x in read if x[0] == project]
            held = [x for x in items if x[1] < tau]
            applied_wrong = sum(1 for x in items if x[1] >= tau and not x[2])
            print(f"| {tau} | {'project' if project else 'folk'} | {len(items)} | {len(held)} | "
                  f"{sum(not x[2] for x in held)} | {applied_wrong} |")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
