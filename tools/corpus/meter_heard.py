"""What the networks heard of each corpus piece, cached once (``madmom_backend.listen``), and the
cheap stage run on it: the rules' reading (the engine before issue 45), the tracked beats the
model reads, its evidence (``meter_model.evidence``) and its class label from the truth.

    nice -n 10 .venv/bin/python -m tools.corpus.meter_heard [--corpus .cache/meter_corpus]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

from engines.analysis.result import ChordSegment

BAR_BEATS = (1, 1.5, 2, 3, 4, 4.5, 6, 8, 9, 12)  # tracked beats a bar the labels may name (1.5, 4.5:
# the tracker took the quarter of a 6/8 or 9/8 bar, or a 3/4's dotted quarter)
LABEL_TOLERANCE = 0.04


def save_heard(path: Path, heard: Any) -> None:
    chords = heard.chords
    np.savez_compressed(
        path,
        beat_activation=heard.beat_activation,
        beats_s=heard.beats_s,
        bar_activations=heard.bar_activations,
        key_cnn=heard.key_cnn,
        chroma=heard.chroma,
        chord_times=np.array([[c.start_s, c.end_s] for c in chords]).reshape(-1, 2),
        chord_labels=np.array([c.label for c in chords]),
        envelope=heard.envelope,
        bass=heard.bass,
    )


def load_heard(path: Path) -> Any:
    from engines.analysis.madmom_backend import Heard

    z = np.load(path)
    chords = [
        ChordSegment(float(a), float(b), str(lab))
        for (a, b), lab in zip(z["chord_times"], z["chord_labels"], strict=True)
    ]
    return Heard(z["beat_activation"], z["beats_s"], z["bar_activations"], z["key_cnn"], z["chroma"], chords, z["envelope"], z["bass"])  # fmt: skip


def heard_of(corpus: Path, piece: dict[str, Any]) -> Any:
    from engines.analysis import read_audio
    from engines.analysis.core import resample
    from engines.analysis.madmom_backend import SAMPLE_RATE_HZ, listen
    from engines.analysis.reader import to_mono

    cache = corpus / "heard" / f"{piece['name']}.npz"
    if cache.exists():
        return load_heard(cache)
    samples, sr = read_audio(corpus / piece["wav"])
    heard = listen(resample(to_mono(samples), sr, SAMPLE_RATE_HZ), lambda f, m: None)
    cache.parent.mkdir(exist_ok=True)
    save_heard(cache, heard)
    return heard


def label(piece: dict[str, Any], period_s: float) -> str | None:
    """The class of the truth over tracked beats of ``period_s``: None where the bar is no whole
    number of them (BAR_BEATS, within LABEL_TOLERANCE)."""
    ratio = piece["bar_s"] / period_s
    k = min(BAR_BEATS, key=lambda b: abs(ratio / b - 1))
    if abs(ratio / k - 1) > LABEL_TOLERANCE:
        return None
    num, den = piece["time_signature"]
    return f"{num}/{den}:{k:g}"


def reading_row(findings: Any) -> dict[str, Any]:
    """Signature, bar length and Live tempo of a backend reading (None without a bar)."""
    from engines.analysis import grid, levels
    from engines.analysis.result import quarters_per_beat

    tempo = grid.tempo_from_beats(findings.beats_s)
    if tempo is None or len(findings.downbeats_s) == 0:
        return {"signature": None, "bar_s": None, "live_tempo_bpm": None}
    sig = levels.signature(findings.beats_per_bar, compound=findings.compound)
    return {
        "signature": list(sig),
        "bar_s": findings.beats_per_bar * 60.0 / tempo,
        "live_tempo_bpm": tempo * quarters_per_beat(sig),
        "ambiguous": bool(findings.meter_ambiguous),
    }


def piece_row(corpus: Path, piece: dict[str, Any]) -> dict[str, Any]:
    from engines.analysis import grid, madmom_backend
    from engines.analysis.meter_model import evidence, rules_bar

    heard = heard_of(corpus, piece)
    row: dict[str, Any] = {
        "name": piece["name"],
        "before": reading_row(madmom_backend.read(heard, model=False)),
    }
    beats, fit = madmom_backend.tracked_grid(heard)
    if grid.tempo_from_beats(beats) is None or len(beats) < 8 or not fit:
        return {**row, "features": None, "label": None, "period_s": None}
    period = float(np.median(np.diff(beats)))
    before = row["before"]
    rules = (
        None if before["signature"] is None else rules_bar(tuple(before["signature"]), before["bar_s"], beats)
    )
    x = evidence(
        beats, fit, heard.chords, heard.bar_activations, heard.envelope, heard.bass, madmom_backend.FPS,
        heard.chroma, madmom_backend.CHROMA_FPS, heard.beat_activation, rules,
    )  # fmt: skip
    return {**row, "features": x.tolist(), "label": label(piece, period), "period_s": period}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path(".cache/meter_corpus"))
    args = parser.parse_args()
    pieces = json.loads((args.corpus / "manifest.json").read_text())["pieces"]
    rows = []
    for i, piece in enumerate(pieces):
        rows.append(piece_row(args.corpus, piece))
        print(i, piece["name"], rows[-1]["label"], rows[-1]["before"]["signature"], file=sys.stderr)
    (args.corpus / "rows.json").write_text(json.dumps(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
