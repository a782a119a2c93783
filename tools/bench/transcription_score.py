"""Scores for the transcription benchmark: note F by mir_eval, and per-voice F for drums."""

from __future__ import annotations

from collections.abc import Sequence

import mir_eval
import numpy as np

from engines.transcription.notes import DRUM_NOTES, VOICE_OF_GM_NOTE

ONSET_TOLERANCE_S = 0.05
Row = tuple[int, float, float, int] | Sequence[float]
VOICES = tuple(DRUM_NOTES)  # kick, snare, closed and open hat (the targets), ride, crash, tom


def note_f(truth: Sequence[Row], found: Sequence[Row], *, offsets: bool) -> tuple[float, float, float]:
    """(precision, recall, F) of notes matched by pitch and onset (50 ms), and offset when asked."""
    if not truth or not found:
        return (0.0, 0.0, 0.0) if truth or found else (1.0, 1.0, 1.0)
    ref_i, ref_p = _intervals(truth)
    est_i, est_p = _intervals(found)
    p, r, f, _ = mir_eval.transcription.precision_recall_f1_overlap(
        ref_i, ref_p, est_i, est_p, onset_tolerance=ONSET_TOLERANCE_S, offset_ratio=0.2 if offsets else None
    )
    return float(p), float(r), float(f)


def _intervals(rows: Sequence[Row]) -> tuple[np.ndarray, np.ndarray]:
    intervals = np.array([[r[1], max(float(r[2]), float(r[1]) + 0.01)] for r in rows], dtype=float)
    hz = np.array([440.0 * 2 ** ((float(r[0]) - 69) / 12) for r in rows])
    return intervals, hz


def voice_counts(truth: Sequence[Row], found: Sequence[Row]) -> dict[str, tuple[int, int, int]]:
    """Per voice (hits matched, truth hits, found hits): onsets within 50 ms, one to one."""
    counts = {}
    for voice in VOICES:
        ref = np.array(sorted(float(r[1]) for r in truth if VOICE_OF_GM_NOTE.get(int(r[0])) == voice))
        est = np.array(sorted(float(r[1]) for r in found if VOICE_OF_GM_NOTE.get(int(r[0])) == voice))
        matched = len(mir_eval.util.match_events(ref, est, ONSET_TOLERANCE_S)) if len(ref) and len(est) else 0
        counts[voice] = (matched, len(ref), len(est))
    return counts


def f_of(matched: int, n_truth: int, n_found: int) -> float:
    """F from pooled counts (1.0 when there was nothing to find and nothing found)."""
    if n_truth == 0 and n_found == 0:
        return 1.0
    return 2 * matched / max(1, n_truth + n_found)
