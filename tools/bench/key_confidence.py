"""Key confidence against key truth on the rendered sets: where `apply 1` should stop setting a key.

    PYTHONPATH=. .venv/bin/python tools/bench/key_confidence.py [--limit N] [--json OUT]

Analyses every piece of the rendered chorales (truth: the final-and-signature key) and of
MuseAroo's own songs (truth: the key they were generated in) that is on disk in the eval cache
(``tools/eval/``), with the analysis as the daemon runs it (madmom backend, no result cache), and
prints, for candidate thresholds, how many keys ``apply 1`` would set and how many of those are
wrong, and how many right ones it would hold back. Times per piece are printed too; the
figures do not depend on load.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

THRESHOLDS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


def pieces(limit: int) -> list[tuple[str, Path, str]]:
    """(set, wav path, truth key) of every piece on disk, chorales first."""
    from tools.eval import generated, rendered

    out = []
    for name, folder, truth_field in (
        ("chorales", rendered.default_out(), "key_final"),
        ("generated", generated.default_out(), "key"),
    ):
        manifest = folder / "manifest.json"
        if not manifest.exists():
            continue
        entries = [p for p in json.loads(manifest.read_text()) if (folder / p["wav"]).exists()]
        out += [(name, folder / p["wav"], str(p[truth_field])) for p in entries[:limit]]
    return out


def measure(limit: int) -> list[dict[str, Any]]:
    import time

    import mir_eval

    from engines.analysis import analyze, read_audio

    rows = []
    for set_name, wav, truth in pieces(limit):
        samples, sr = read_audio(wav)
        start = time.perf_counter()
        result = analyze(samples, sr)
        row = {
            "set": set_name,
            "piece": wav.stem,
            "truth": truth,
            "key": result.key,
            "confidence": round(result.key_confidence, 4),
            "score": mir_eval.key.weighted_score(truth, result.key),
            "seconds": round(time.perf_counter() - start, 2),
        }
        print(json.dumps(row), file=sys.stderr, flush=True)
        rows.append(row)
    return rows


def table(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per threshold: keys set, of those wrong (not exact), right keys held back."""
    out = []
    for threshold in THRESHOLDS:
        applied = [r for r in rows if r["confidence"] >= threshold]
        held = [r for r in rows if r["confidence"] < threshold]
        out.append(
            {
                "threshold": threshold,
                "applied": len(applied),
                "applied_wrong": sum(r["score"] < 1.0 for r in applied),
                "held_back": len(held),
                "held_back_right": sum(r["score"] == 1.0 for r in held),
            }
        )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=1000, help="pieces per set")
    parser.add_argument("--json", type=Path, default=None, help="also write rows and table here")
    args = parser.parse_args()
    rows = measure(args.limit)
    figures = {"rows": rows}
    for set_name in ("chorales", "generated", "all"):
        chosen = [r for r in rows if set_name in ("all", r["set"])]
        figures[set_name] = table(chosen)
        print(f"\n{set_name} ({len(chosen)} pieces)")
        print("threshold  applied  applied_wrong  held_back  held_back_right")
        for t in figures[set_name]:
            print(
                f"{t['threshold']:9.2f}  {t['applied']:7d}  {t['applied_wrong']:13d}  "
                f"{t['held_back']:9d}  {t['held_back_right']:15d}"
            )
    if args.json is not None:
        args.json.write_text(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
