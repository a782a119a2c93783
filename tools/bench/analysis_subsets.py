"""Tempo, beats, downbeats, meter and key on a spread subset of the two rendered sets, the analysis alone.

The full sections (tools/bench/analysis_sets.py) also run the librosa fallback and each network
alone, about 20 minutes on a quiet machine; this one runs ``analyze`` only, on every ``--chorale-step``
th of Riemenschneider's chorales and every ``--song-step``th of MuseAroo's songs, so two versions
of the analysis can be compared side by side in one sitting (issue 32):

    PYTHONPATH=. .venv/bin/python -m tools.bench.analysis_subsets --json F
    cd /tmp/x && PYTHONPATH=/tmp/base:CHECKOUT CHECKOUT/.venv/bin/python -m tools.bench.analysis_subsets
    (the peer: /tmp/base holds the base commit's ``engines/``; from the checkout's own folder
    ``python -m`` would import the checkout's engines ahead of PYTHONPATH)

Tempo Acc1: within 4 % of the score's tempo (chorales: quarters; songs: the genre's tempo).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from tools.bench.analysis_sets import beat_f

ACC1 = 0.04


def chorales(step: int, extra: tuple[int, ...]) -> tuple[Path, list[dict[str, Any]]]:
    """Every ``step``th chorale from 1 and the ``extra`` numbers, rendered as tools/eval/rendered.py
    renders them (reusing WAVs already there)."""
    from tools.eval import rendered

    out = rendered.default_out()
    out.mkdir(parents=True, exist_ok=True)
    manifest = out / "subset.json"
    done = {p["name"]: p for p in json.loads(manifest.read_text())} if manifest.exists() else {}
    by_number = {rendered.piece_number(p): p for p in done.values() if (out / p["wav"]).exists()}
    fluidsynth = shutil.which("fluidsynth") or "fluidsynth"
    pieces, taken = [], set()
    for number in sorted({*range(1, rendered.N_PIECES + 1, step), *extra}):
        bwv = rendered.chorale_bwv(number)
        if bwv in taken:
            continue
        taken.add(bwv)
        if number not in by_number:
            tempo = rendered.TEMPOS_BPM[(number - 1) % len(rendered.TEMPOS_BPM)]
            by_number[number] = rendered.render_piece(number, tempo, out, fluidsynth)
            manifest.write_text(json.dumps(list(by_number.values()), indent=1))
        pieces.append(by_number[number])
    return out, pieces


def songs(step: int) -> tuple[Path, list[dict[str, Any]]]:
    """Every ``step``th of MuseAroo's songs (tools/eval/generated.py's plan), rendered as it renders them."""
    from tools.eval import generated

    out = generated.default_out()
    out.mkdir(parents=True, exist_ok=True)
    manifest = out / "subset.json"
    done = {p["name"]: p for p in json.loads(manifest.read_text())} if manifest.exists() else {}
    fluidsynth = shutil.which("fluidsynth") or "fluidsynth"
    pieces = []
    for genre, tonic, scale in generated.plan()[::step]:
        name = f"{genre}_{generated.NOTE_NAMES[tonic]}_{scale.lower()}"
        if name not in done or not (out / done[name]["wav"]).exists():
            done[name] = generated.render_piece(genre, tonic, scale, out, fluidsynth)
            manifest.write_text(json.dumps(list(done.values()), indent=1))
        pieces.append(done[name])
    return out, pieces


def row(piece: dict[str, Any], res: dict[str, Any]) -> dict[str, Any]:
    import mir_eval

    tempo = res["tempo_bpm"] or 0.0
    signature = piece.get("time_signature")
    return {
        "tempo_bpm": tempo,
        "tempo_acc1": abs(tempo / piece["tempo_bpm"] - 1) <= ACC1,
        "beat_f": beat_f(np.array(piece["beats_s"]), np.array(res["beats_s"])),
        "downbeat_f": beat_f(np.array(piece["downbeats_s"]), np.array(res["downbeats_s"])),
        "time_signature": res["time_signature"],
        "meter_ok": None if signature is None else res["time_signature"] == list(signature),
        "key_score": mir_eval.key.weighted_score(piece.get("key_final", piece["key"]), res["key"]),
        "key_ambiguous": res.get("key_ambiguous"),
    }


def section(out: Path, pieces: list[dict[str, Any]]) -> dict[str, Any]:
    from engines.analysis import analyze, read_audio

    rows = {}
    for piece in pieces:
        samples, sr = read_audio(out / piece["wav"])
        rows[piece["name"]] = row(piece, analyze(samples, sr).to_dict())
        print(piece["name"], rows[piece["name"]], file=sys.stderr)
    values = list(rows.values())
    summary: dict[str, Any] = {"pieces": len(values)}
    for key in ("tempo_acc1", "beat_f", "downbeat_f", "key_score"):
        summary[key] = statistics.mean(r[key] for r in values)
    meters = [r["meter_ok"] for r in values if r["meter_ok"] is not None]
    summary["meter_ok"] = statistics.mean(meters) if meters else None
    return {"pieces": rows, "summary": summary}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chorale-step", type=int, default=7)
    parser.add_argument("--song-step", type=int, default=3)
    parser.add_argument(
        "--sections", default="chorales,songs", help="comma-separated, run in this order (chorales, songs)"
    )
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    wanted = args.sections.split(",")
    if unknown := set(wanted) - {"chorales", "songs"}:
        parser.error(f"--sections: {sorted(unknown)} unknown; expected chorales and/or songs")
    started = time.process_time()
    result: dict[str, Any] = {}
    for name in wanted:
        # r181 (BWV 319, 66 BPM) once went to 7 beats a bar (docs/benchmarks/analysis.md, "Tempo level and meter").
        pieces = chorales(args.chorale_step, (181,)) if name == "chorales" else songs(args.song_step)
        result[name] = section(*pieces)
    result["cpu_s"] = time.process_time() - started
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))
    print(json.dumps({k: v["summary"] for k, v in result.items() if k != "cpu_s"}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
