"""Meter benchmark: the analysis on the rendered meter set (tools/eval/meters.py).

Per piece: the time signature, the counted tempo within 4 % (Acc1), Live's quarter-note tempo
within 4 % where the result gives one, beat and downbeat F (mir_eval, 70 ms). Summary: meter
accuracy, the confusion matrix of signatures and the 3/4-vs-6/8 confusion (3/4 pieces read as 6/8
and 6/8 pieces read as 3/4, over all 3/4 and 6/8 pieces).

    PYTHONPATH=. .venv/bin/python -m tools.bench.analysis_meters [--backend librosa] [--json F]

The previous commit's analysis as the peer: ``git archive BASE engines | tar -x -C /tmp/base``, then
run from another folder (``python -m`` puts the current folder ahead of PYTHONPATH) with
``PYTHONPATH=/tmp/base:/path/to/checkout``.
"""

from __future__ import annotations

import argparse
import collections
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from tools.bench.analysis_sets import beat_f

ACC1 = 0.04  # tempo within 4 % (MIREX Acc1)


def score_piece(piece: dict[str, Any], res: dict[str, Any]) -> dict[str, Any]:
    truth_sig, ours = tuple(piece["time_signature"]), tuple(res["time_signature"] or ())
    tempo = res["tempo_bpm"] or 0.0
    live = res.get("live_tempo_bpm")
    return {
        "style": piece["style"],
        "texture": piece["texture"],
        "truth": "/".join(map(str, truth_sig)),
        "ours": "/".join(map(str, ours)) or "none",
        "meter_ok": ours == truth_sig,
        "tempo_bpm": tempo,
        "tempo_acc1": abs(tempo / piece["tempo_bpm"] - 1) <= ACC1,
        "live_tempo_bpm": live,
        "live_acc1": None if live is None else abs(live / piece["live_tempo_bpm"] - 1) <= ACC1,
        "beat_f": beat_f(np.array(piece["beats_s"]), np.array(res["beats_s"])),
        "downbeat_f": beat_f(np.array(piece["downbeats_s"]), np.array(res["downbeats_s"])),
        "meter_alternatives": res.get("meter_alternatives"),
        "meter_held": bool(res.get("meter_ambiguous", False)),  # issue 45: not applied without force
        "no_chord_share": sum(c["end_s"] - c["start_s"] for c in res["chords"] if c["label"] == "N")
        / max(res["duration_s"], 1e-9),
    }


def summary(rows: dict[str, dict[str, Any]]) -> dict[str, Any]:
    values = list(rows.values())
    confusion: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for r in values:
        confusion[r["truth"]][r["ours"]] += 1
    triple = [r for r in values if r["truth"] in ("3/4", "6/8")]
    crossed = sum((r["truth"], r["ours"]) in (("3/4", "6/8"), ("6/8", "3/4")) for r in triple)
    lives = [r["live_acc1"] for r in values if r["live_acc1"] is not None]
    return {
        "pieces": len(values),
        "meter_accuracy": statistics.mean(r["meter_ok"] for r in values),
        "confusion_34_68": crossed / max(len(triple), 1),
        "tempo_acc1": statistics.mean(r["tempo_acc1"] for r in values),
        "live_tempo_acc1": statistics.mean(lives) if lives else None,
        "beat_f": statistics.mean(r["beat_f"] for r in values),
        "downbeat_f": statistics.mean(r["downbeat_f"] for r in values),
        "no_chord_share": statistics.mean(r["no_chord_share"] for r in values),
        "meter_held": sum(r["meter_held"] for r in values),
        "meter_held_wrong": sum(r["meter_held"] and not r["meter_ok"] for r in values),
        "meter_wrong_applied": sum(not r["meter_held"] and not r["meter_ok"] for r in values),
        "confusion": {truth: dict(read) for truth, read in sorted(confusion.items())},
        "by_style": {
            style: {
                "meter_accuracy": statistics.mean(r["meter_ok"] for r in values if r["style"] == style),
                "tempo_acc1": statistics.mean(r["tempo_acc1"] for r in values if r["style"] == style),
                "beat_f": statistics.mean(r["beat_f"] for r in values if r["style"] == style),
            }
            for style in sorted({r["style"] for r in values})
        },
    }


def run(backend: str, only: str | None) -> dict[str, Any]:
    from engines.analysis import analyze, read_audio
    from tools.eval import meters

    out = meters.default_out()
    rows = {}
    started = time.process_time()
    for piece in meters.build(out):
        if only and only not in piece["name"]:
            continue
        samples, sr = read_audio(out / piece["wav"])
        rows[piece["name"]] = score_piece(piece, analyze(samples, sr, backend=backend).to_dict())
        print(piece["name"], rows[piece["name"]], file=sys.stderr)
    return {"pieces": rows, "summary": summary(rows), "cpu_s": time.process_time() - started}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", default="madmom", choices=("madmom", "librosa"))
    parser.add_argument("--only", default=None, help="pieces whose name contains this")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    result = run(args.backend, args.only)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))
    print(json.dumps(result["summary"], indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
