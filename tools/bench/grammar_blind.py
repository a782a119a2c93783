"""Blind phrasing benchmark (issue 44): the parser's answers read into the meaning schema and scored.

    PYTHONPATH=. .venv/bin/python tools/bench/grammar_blind.py tests/data/commands_blind1.yaml [--json OUT]
        [--show-misses]

The set is a YAML list of ``{text, means}`` (docs/intents.md). Each text goes through
``bridge.commands.parse`` in-process (the code ``roo parse --json`` runs), the answer is read into
the schema (``means_of``), and scored (``score``):

- exact intent (every field equal, nothing said by one side only): 1;
- label ``none`` answered with a refusal (the parser does nothing): 1;
- label ``ask`` answered with a question (a refusal whose reason asks, ending in "?"): 1;
- a refusal or question when the label is a real op, with a suggestion that is useful (a suggestion
  the parser itself reads as the label's op): 0.5;
- anything else (a wrong action, an action where ``none``/``ask`` was meant, a useless refusal): 0.

Read as the schema says: a target ``this`` equals no target for the ops that work on the selected
clip anyway (the parser's answer then names none; a vary's "it", the newest take, and a drawing on the
selected track count among them, docs/intents.md "Reading a label"), a fill's target ``drums`` equals
none (the op table's "target (drums)"), a label's ``then`` of the first op and fields on other parts is
read as ``means_of`` reads the answer's (one op with a target list), and a target ``song`` equals no target for
``set`` and ``tempo`` (Live's tempo, key and meter are the song's; only what is said is written, so
"set the key to B minor" labelled with no target is the song's key; ``this`` and ``song`` stay
different); parser details with no schema field (replace,
here, the device a drawing moves, ``into`` a section) are left out; ``not_done`` (a clause left undone) stays, so a
partly done sentence is not exact; ``then`` (later requests, docs/intents.md) is compared in the order said. It prints counts per family (the label's op) and the total.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bridge.commands.means import SELECTED_OPS, means_of, then_as_list  # noqa: E402

QUESTION_OPS = ("none", "ask")
SONG_OPS = ("set", "tempo")  # ops whose target, when the sentence names none, is the song
# docs/intents.md "Reading a label": a vary of "it" / "this one" is the newest take, the take ops' ``this``
# (history.which_take), and a drawing with no part is on the selected track's clip: ``this`` = unsaid
SCORED_SELECTED = SELECTED_OPS | {"vary", "automate"}
IMPLIED = {"fill": "drums"}  # docs/intents.md: a fill's target is the drums, said or not
YAML_BOOL_KEYS: dict[object, str] = {True: "yes", False: "no"}


def load(path: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(path.read_text())
    items = data["phrases"] if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise SystemExit(f"{path}: expected a YAML list of {{text, means}}, got {type(items).__name__}")
    for item in items:  # YAML 1.1 reads the key ``yes:`` (confirm's field) as the boolean true
        item["means"] = {YAML_BOOL_KEYS.get(k, k): v for k, v in item["means"].items()}
    return items


def _norm(value: Any) -> Any:
    """One spelling for values that mean the same: a one-item list is its item, numbers as floats,
    text in lower case with single spaces, mappings and lists element-wise."""
    if isinstance(value, dict):
        # ``then``: later requests in the order said (a target list's order does not matter)
        return {str(k): [_norm(x) for x in v] if k == "then" and isinstance(v, list) else _norm(v)
                for k, v in value.items() if v is not None}  # fmt: skip
    if isinstance(value, list | tuple):
        items = [_norm(v) for v in value]
        return items[0] if len(items) == 1 else sorted(items, key=str)
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        text = " ".join(value.lower().replace("_", " ").split())
        try:
            return float(text)
        except ValueError:
            return text
    return value


def same(got: dict[str, Any], label: dict[str, Any]) -> bool:
    """Exact intent: every field equal, none said by one side only (``this`` = unsaid where the op
    works on the selected clip anyway)."""
    a, b = _norm(got), _norm(_collapsed(label))
    later = a.pop("then", []), b.pop("then", [])  # each later request read by the same rules, in order
    if len(later[0]) != len(later[1]) or not all(same(x, y) for x, y in zip(*later, strict=True)):
        return False
    if a.get("op") in SONG_OPS:  # a song setting or tempo: the song is what it works on when none is said
        for side, other in ((a, b), (b, a)):
            if side.get("target") == "song" and "target" not in other:
                side.pop("target")
    if a.get("op") in SCORED_SELECTED and "song" not in (a.get("target"), b.get("target")):
        for side in (a, b):
            if side.get("target") == "this":
                side.pop("target")
    for side in (a, b):
        if side.get("op") in IMPLIED and side.get("target") == IMPLIED[str(side["op"])]:
            side.pop("target")
    return bool(a == b)


def _collapsed(label: dict[str, Any]) -> dict[str, Any]:
    """The label read as ``means_of`` reads the parser's answer (docs/intents.md "Several requests"): a
    ``then`` whose requests are the first's op and fields on other targets is one op with a target list
    ("8 bars of drums and then 8 of bass" labelled with ``then`` = ``make [drums, bass]``, 8 bars)."""
    if not label.get("then"):
        return label
    first = {k: v for k, v in label.items() if k != "then"}
    return then_as_list(first, list(label["then"]))


def score(answer: dict[str, Any], label: dict[str, Any]) -> tuple[float, str]:
    """(points, how) for the parser's ``answer`` (Intent.as_dict()) against the ``label``."""
    op = str(label.get("op"))
    if answer["action"] != "unknown":
        got = means_of(answer)
        if op in QUESTION_OPS:
            return 0.0, "acted"
        return (1.0, "exact") if same(got, label) else (0.0, "wrong")
    reason = str(answer["params"].get("reason", ""))
    asked = reason.rstrip().endswith("?") or bool(answer["params"].get("question"))
    if op == "none":
        return (1.0, "refused") if not asked else (0.0, "asked")
    if op == "ask":
        return (1.0, "asked") if asked else (0.0, "refused")
    if useful(answer["params"].get("suggestions", []), op):
        return 0.5, "half"
    return 0.0, "useless refusal"


def useful(suggestions: list[str], op: str) -> bool:
    """Whether a suggestion, read by the parser itself, does the label's op."""
    from bridge.commands import parse

    for text in suggestions:
        intent = parse(text)
        if intent.understood and means_of(intent.as_dict()).get("op") == op:
            return True
    return False


def run(items: list[dict[str, Any]]) -> dict[str, Any]:
    from bridge.commands import parse

    rows: list[dict[str, Any]] = []
    families: dict[str, dict[str, Any]] = {}  # by the label's op
    written: dict[str, dict[str, Any]] = {}  # by the family the writer gave the line, when given
    for item in items:
        label = item["means"]
        answer = parse(str(item["text"])).as_dict()
        points, how = score(answer, label)
        got = means_of(answer) if answer["action"] != "unknown" else {"op": "unknown"}
        rows.append({"text": item["text"], "means": label, "got": got, "answer": answer, "points": points,
                     "how": how})  # fmt: skip
        for table, name in ((families, str(label.get("op"))), (written, str(item.get("family", "-")))):
            fam = table.setdefault(name, {"n": 0, "points": 0.0, "exact": 0, "half": 0})
            fam["n"] += 1
            fam["points"] += points
            fam["exact"] += points == 1.0
            fam["half"] += how == "half"
    total = sum(r["points"] for r in rows)
    return {"n": len(rows), "points": total, "ratio": total / max(1, len(rows)), "families": families, "written_families": written,
            "rows": rows}  # fmt: skip


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="+", type=Path, help="YAML files of {text, means}")
    ap.add_argument("--json", type=Path, help="write every row and the totals here")
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args()
    out = {}
    for path in args.sets:
        result = run(load(path))
        out[str(path)] = result
        print(f"{path}: {result['points']:g}/{result['n']} = {result['ratio']:.3f}")
        for title, table in (
            ("by op", result["families"]),
            ("by the writer's family", result["written_families"]),
        ):
            if title == "by op" or len(table) > 1:
                print(f" {title}:")
            for op, fam in sorted(table.items()) if title == "by op" or len(table) > 1 else ():
                print(
                    f"  {op:14} {fam['points']:5g}/{fam['n']:<3} exact {fam['exact']:3} half {fam['half']:3}"
                )
        if args.show_misses:
            for r in result["rows"]:
                if r["points"] < 1:
                    print(f"    {r['points']:g} {r['how']:16} {r['text']!r}\n      means {r['means']}\n"
                          f"      got   {r['got']}  {r['answer']['params'].get('reason', '')}")  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(out, indent=1, sort_keys=True, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
