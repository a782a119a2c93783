"""The tables of docs/benchmarks/meter.md from ``meter_train --json F``: per meter, the rules (the
engine's reading, before and after issue 45), the model alone, the share held and how many of those
were wrong, wrong signatures applied without ``force``; and the confusion tables.

    .venv/bin/python -m tools.corpus.meter_report F
    .venv/bin/python -m tools.corpus.meter_report --engine F   (``meter_learners --json F``, third round)
"""

from __future__ import annotations

import collections
import json
import sys
from collections.abc import Callable
from typing import Any

ORDER = ("2/4", "3/4", "4/4", "6/8", "9/8", "12/8")
HEADER = (
    "| meter | pieces | rules (the engine's reading, before and after): signature / bar / Live tempo "
    "| model alone: signature / bar / Live tempo | held as unsure | of those wrong "
    "| wrong signature applied without force |\n|---|---|---|---|---|---|---|"
)


def _rate(items: list[dict[str, Any]], who: str, key: str) -> float:
    return sum((p[who] or p["before"])[key] for p in items) / len(items)


def rows(pieces: dict[str, Any], chosen: Callable[[str], bool]) -> list[str]:
    out = []
    for meter in (*ORDER, "all"):
        items = [p for n, p in pieces.items() if chosen(n) and meter in ("all", p["truth"])]
        if not items:
            continue
        held = [p for p in items if p["after"]["held"]]
        figures = [" / ".join(f"{_rate(items, who, k):.3f}" for k in ("signature", "bar", "live_tempo"))
                   for who in ("before", "model")]  # fmt: skip
        wrong_held = sum(not p["after"]["signature"] for p in held)
        wrong_applied = sum(not p["after"]["signature"] and not p["after"]["held"] for p in items)
        out.append(f"| {meter} | {len(items)} | {figures[0]} | {figures[1]} | {len(held)} "
                   f"({len(held) / len(items):.0%}) | {wrong_held} | {wrong_applied} of {len(items) - len(held)} |")  # fmt: skip
    return out


def confusion(pieces: dict[str, Any], who: str) -> list[str]:
    cols = (*ORDER, "5/4", "none")
    out = ["| truth | " + " | ".join(cols) + " |", "|---" * (len(cols) + 1) + "|"]
    for meter in ORDER:
        said = collections.Counter(
            (p[who] or p["before"])["said"] for n, p in pieces.items() if is_folk(n) and p["truth"] == meter
        )
        out.append(f"| {meter} | " + " | ".join(str(said.get(c, 0)) for c in cols) + " |")
    return out


def is_folk(name: str) -> bool:
    return not name.startswith("project_")


ENGINE_HEADER = (
    "| meter | pieces | engine before: signature / bar / Live tempo | engine after | model alone "
    "| held before | held after (of those wrong) | wrong signature applied before | after |\n"
    "|---|---|---|---|---|---|---|---|---|"
)


def engine_rows(pieces: dict[str, Any], chosen: Callable[[str], bool]) -> list[str]:
    """Per meter, ``meter_learners --json``'s engine before (the rules, judged) and after (the
    model's reading where sure), the model alone, held and wrong signatures applied without force."""
    out = []
    for meter in (*ORDER, "all"):
        items = [p for n, p in pieces.items() if chosen(n) and meter in ("all", p["truth"])]
        if not items:
            continue
        figures = [" / ".join(f"{_rate(items, who, k):.3f}" for k in ("signature", "bar", "live_tempo"))
                   for who in ("before", "after", "model")]  # fmt: skip
        held = {who: [p for p in items if p[who]["held"]] for who in ("before", "after")}
        wrong = {who: sum(not p[who]["signature"] and not p[who]["held"] for p in items) for who in held}
        wrong_held = sum(not p["after"]["signature"] for p in held["after"])
        out.append(f"| {meter} | {len(items)} | {' | '.join(figures)} | {len(held['before'])} "
                   f"({len(held['before']) / len(items):.0%}) | {len(held['after'])} ({len(held['after']) / len(items):.0%}; "
                   f"{wrong_held}) | {wrong['before']} of {len(items) - len(held['before'])} | "
                   f"{wrong['after']} of {len(items) - len(held['after'])} |")  # fmt: skip
    return out


def engine_main(path: str) -> int:
    pieces = json.loads(open(path).read())["pieces"]
    for title, chosen in (("folk", is_folk), ("project", lambda n: not is_folk(n))):
        print(f"\n{title}\n\n{ENGINE_HEADER}\n" + "\n".join(engine_rows(pieces, chosen)))
    for who in ("before", "after", "model"):
        print(f"\nconfusion, {who}, folk\n\n" + "\n".join(confusion(pieces, who)))
    folk = [p for n, p in pieces.items() if is_folk(n)]
    for who in ("before", "after", "model"):
        said = [(p[who] or p["before"]) for p in folk]
        notation = sum(s["signature"] or (s["said"] in ("2/4", "4/4") and p["truth"] in ("2/4", "4/4"))
                       for s, p in zip(said, folk, strict=True))  # fmt: skip
        swapped = [s for s, p in zip(said, folk, strict=True)
                   if {s["said"], p["truth"]} == {"2/4", "4/4"}]  # fmt: skip
        print(f"{who}: signature with 2/4 = 4/4 {notation / len(folk):.3f}; 2/4 and 4/4 swapped "
              f"{len(swapped)}, of those Live tempo right {sum(s['live_tempo'] for s in swapped)}")  # fmt: skip
    return 0


def main() -> int:
    if sys.argv[1] == "--engine":
        return engine_main(sys.argv[2])
    pieces = json.loads(open(sys.argv[1]).read())["pieces"]
    for title, chosen in (("folk", is_folk), ("project", lambda n: not is_folk(n))):
        print(f"\n{title}\n\n{HEADER}\n" + "\n".join(rows(pieces, chosen)))
    for who in ("before", "model"):
        print(
            f"\nconfusion, {who}, folk (rows: truth; columns: read)\n\n" + "\n".join(confusion(pieces, who))
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
