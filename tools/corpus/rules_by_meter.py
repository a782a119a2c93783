"""The rules' reading (``meter_heard``'s rows.json "before": the engine before issue 45) of one corpus
per meter: signature, bar length and Live tempo right (within meter_train.ACC), what it said
instead, and for a corpus with genres (project_songs --signatures) a genre by meter grid of pieces
read right (signature and Live tempo). With ``--cv F`` (meter_train --json F) and ``--prefix``, the
cross-validated figures of the pieces whose names start so, as meter_report writes them.

    .venv/bin/python -m tools.corpus.rules_by_meter --corpus /work/cache/songs3 \\
        [--cv /work/cache/songs3_cv.json --prefix project_song_]
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path
from typing import Any

from tools.corpus.meter_report import HEADER, ORDER, rows
from tools.corpus.meter_train import score


def scored(corpus: Path) -> list[dict[str, Any]]:
    """Each piece of the corpus with its truth and the rules' reading scored against it."""
    truth = {p["name"]: p for p in json.loads((corpus / "manifest.json").read_text())["pieces"]}
    out = []
    for r in json.loads((corpus / "rows.json").read_text()):
        t = truth[r["name"]]
        meter = "/".join(map(str, t["time_signature"]))
        out.append({"name": r["name"], "meter": meter, "genre": t.get("genre"), **score(r["before"], t)})
    return out


def meter_table(pieces: list[dict[str, Any]]) -> list[str]:
    lines = ["| meter | pieces | signature | bar | Live tempo | what it said |", "|---|---|---|---|---|---|"]
    for meter in (*ORDER, "all"):
        items = [p for p in pieces if meter in ("all", p["meter"])]
        if not items:
            continue
        rates = [sum(p[k] for p in items) / len(items) for k in ("signature", "bar", "live_tempo")]
        said = collections.Counter(p["said"] for p in items).most_common()
        lines.append(f"| {meter} | {len(items)} | " + " | ".join(f"{x:.3f}" for x in rates)
                     + " | " + ", ".join(f"{s} {n}" for s, n in said) + " |")  # fmt: skip
    return lines


def genre_grid(pieces: list[dict[str, Any]]) -> list[str]:
    meters = [m for m in ORDER if any(p["meter"] == m for p in pieces)]
    lines = ["| genre | " + " | ".join(meters) + " |", "|---" * (len(meters) + 1) + "|"]
    for genre in sorted({p["genre"] for p in pieces}):
        cells = []
        for m in meters:
            items = [p for p in pieces if p["genre"] == genre and p["meter"] == m]
            cells.append(f"{sum(p['signature'] and p['live_tempo'] for p in items)}/{len(items)}")
        lines.append(f"| {genre} | " + " | ".join(cells) + " |")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--cv", type=Path, default=None, help="meter_train --json output")
    parser.add_argument("--prefix", default="project_song_", help="with --cv: the pieces reported")
    args = parser.parse_args()
    pieces = scored(args.corpus)
    print("rules (before), per meter\n\n" + "\n".join(meter_table(pieces)))
    if all(p["genre"] is not None for p in pieces):
        print("\nright (signature and Live tempo), genre by meter\n\n" + "\n".join(genre_grid(pieces)))
    if args.cv is not None:
        cv = json.loads(args.cv.read_text())["pieces"]
        chosen = [n for n in cv if n.startswith(args.prefix)]
        print(f"\ncross-validated, {len(chosen)} pieces named {args.prefix}*\n\n{HEADER}")
        print("\n".join(rows(cv, lambda n: n.startswith(args.prefix))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
