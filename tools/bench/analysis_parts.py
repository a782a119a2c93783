"""Parts section of the analysis benchmark: each part of MuseAroo's songs rendered alone.

A producer drops single parts as often as mixes: a drum loop, a bass line, a melody. Each of six
genres' four parts (8 bars, seed 1, as in tools/eval/generated.py) is rendered alone through
FluidR3_GM and analysed. Reported per part: the key we give, the key the blend names before the
tonal check (the peer: what analysis said until a clip without pitched sound got key "N"),
madmom's deep-chroma pitched share, and the tempo. Run through tools/bench/analysis.py --parts.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

# (genre, tonic, scale): one piece per genre, major and minor mixed.
SONGS = (
    ("pop", 9, "Minor"),
    ("rock", 4, "Major"),
    ("hip-hop", 2, "Minor"),
    ("electronic", 7, "Major"),
    ("jazz", 5, "Major"),
    ("reggae", 0, "Minor"),
)
PARTS = ("drums", "bass", "chords", "melody")


def parts_section() -> dict[str, Any]:
    import mir_eval
    from madmom.audio.signal import Signal

    from engines.analysis import analyze, keys, madmom_backend, read_audio
    from engines.analysis.core import resample
    from tools.eval import generated

    fluidsynth = shutil.which("fluidsynth")
    if fluidsynth is None:
        raise SystemExit("the parts section renders with fluidsynth: install it (Debian fluidsynth)")
    m = madmom_backend.models()
    rows: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for genre, tonic, scale in SONGS:
            for part in PARTS:
                piece = generated.render_piece(genre, tonic, scale, Path(tmp), fluidsynth, only=(part,))
                samples, sr = read_audio(Path(tmp) / piece["wav"])
                res = analyze(samples, sr)
                sig = Signal(resample(samples, sr, 44100), sample_rate=44100, num_channels=1)
                chroma = np.asarray(m["chroma"](sig), dtype=np.float64)
                blend = keys.blend(
                    keys.from_madmom_order(m["key_cnn"](sig)), keys.profile_probabilities(chroma.sum(axis=0))
                )
                named, confidence = keys.best_key(blend)
                rows[piece["name"]] = {
                    "part": part,
                    "key_truth": piece["key"],
                    "key_ours": res.key,
                    "key_before_tonal_check": named,
                    "confidence_before": confidence,
                    "key_score": mir_eval.key.weighted_score(piece["key"], res.key)
                    if res.key != "N"
                    else None,
                    "pitched_share": keys.pitched_share(chroma),
                    "chorded_share": sum(c.end_s - c.start_s for c in res.chords if c.label != "N")
                    / res.duration_s,
                    "tempo_error": abs((res.tempo_bpm or 0.0) - piece["tempo_bpm"]) / piece["tempo_bpm"],
                }
                print(piece["name"], rows[piece["name"]], file=sys.stderr)
    summary: dict[str, Any] = {}
    for part in PARTS:
        mine = [r for r in rows.values() if r["part"] == part]
        scored = [r["key_score"] for r in mine if r["key_score"] is not None]
        summary[part] = {
            "pieces": len(mine),
            "key_N": sum(r["key_ours"] == "N" for r in mine),
            "key_score_of_named": statistics.mean(scored) if scored else None,
            "pitched_share_min": min(r["pitched_share"] for r in mine),
            "pitched_share_max": max(r["pitched_share"] for r in mine),
            "tempo_within_2pct": sum(r["tempo_error"] < 0.02 for r in mine),
        }
    return {"pieces": rows, "summary": summary}
