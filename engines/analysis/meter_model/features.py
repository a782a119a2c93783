"""Beat-synchronous evidence of the bar (issue 45): what a bar of k tracked beats looks like.

All of it is read on the tracked beats (``beats_s``), so it does not depend on the tempo:

- the beat's division: onsets at its thirds, its half and its quarters, each over those on the beat;
- for each lag k in ``LAGS`` and each beat-wise sequence (onsets, bass onsets, the downbeat
  network's strength, chord changes): how much one phase of k stands out (``contrast``) and how
  alike the sequence is k beats apart (``repeat``);
- the bar tracker's share for three against four beats, the chords' median length in beats and
  the tracked tempo (log2 of BPM / 100).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np

from engines.analysis.result import NO_CHORD, ChordSegment

LAGS = (2, 3, 4, 6, 8, 9, 12)
SEQUENCES = ("onsets", "bass", "downbeat", "changes")
DIVISIONS = ("thirds", "half", "quarters", "triple_share")
ENVELOPE_LEAD_S = 0.035  # as meter.ENVELOPE_LEAD_S: an onset's rise peaks this early in the envelope
CHANGE_REACH = 0.25  # a chord change counts for a beat within this share of a beat period
FINE = 12  # envelope samples per tracked beat for the fine-grained bar patterns
FINE_SEQUENCES = ("onsets", "bass")
NAMES = (
    "log2_tempo",
    "log2_chord_beats",
    "three_share",
    *DIVISIONS,
    *(f"{s}_{kind}_{k}" for s in SEQUENCES for kind in ("contrast", "repeat") for k in LAGS),
    *(f"fine_{s}_{kind}_{k}" for s in FINE_SEQUENCES for kind in ("pattern", "repeat") for k in LAGS),
    *(f"chroma_{kind}_{k}" for kind in ("repeat", "novelty") for k in LAGS),
)


def at(envelope: np.ndarray, fps: float, times_s: np.ndarray, reach: int = 2) -> np.ndarray:
    """The envelope's peak within ``reach`` frames of each time (0 past its end)."""
    out = np.zeros(len(times_s))
    for i, t in enumerate(times_s):
        frame = round((float(t) - ENVELOPE_LEAD_S) * fps)
        window = envelope[max(0, frame - reach) : frame + reach + 1]
        out[i] = float(window.max()) if len(window) else 0.0
    return out


def contrast(x: np.ndarray, k: int) -> float:
    """How far the strongest phase of ``k`` stands above the sequence's mean, in its spread."""
    if len(x) < 2 * k:
        return 0.0
    spread = float(x.std())
    if spread <= 1e-9:
        return 0.0
    return max(float(x[p::k].mean()) for p in range(k)) / spread - float(x.mean()) / spread


def repeat(x: np.ndarray, k: int) -> float:
    """The correlation of the sequence with itself ``k`` beats on (0 when too short or flat)."""
    if len(x) < k + 4:
        return 0.0
    a, b = x[:-k], x[k:]
    if a.std() <= 1e-9 or b.std() <= 1e-9:
        return 0.0
    return float(np.corrcoef(a, b)[0, 1])


def fine(envelope: np.ndarray, fps: float, beats: np.ndarray) -> np.ndarray:
    """The envelope at FINE points through each beat (the last beat left out), one row a beat."""
    starts, spans = beats[:-1], np.diff(beats)
    times = (starts[:, None] + spans[:, None] * np.arange(FINE)[None, :] / FINE).reshape(-1)
    return at(envelope, fps, times, reach=1).reshape(-1, FINE)


def pattern(rows: np.ndarray, k: int) -> float:
    """How much of the fine envelope's spread a bar of ``k`` beats' mean pattern explains, less what
    chance gives with that many bars (0 with fewer than two bars)."""
    bars = len(rows) // k
    if bars < 2:
        return 0.0
    folded = rows[: bars * k].reshape(bars, k * FINE)
    total = float(folded.var())
    if total <= 1e-12:
        return 0.0
    return float(folded.mean(axis=0).var()) / total - 1.0 / bars


def chroma_periodicity(chroma: np.ndarray, chroma_fps: float, beats: np.ndarray) -> list[float]:
    """Per lag: the mean cosine of beat-wise chroma k beats apart, and the contrast of the chroma's
    novelty (one minus the cosine with the beat before) over the phases of k."""
    frames = np.clip((beats * chroma_fps).astype(int), 0, max(len(chroma) - 1, 0))
    if len(chroma) == 0 or len(beats) < 4:
        return [0.0] * (2 * len(LAGS))
    vectors = np.array([chroma[a : max(b, a + 1)].mean(axis=0) for a, b in itertools.pairwise(frames)])
    vectors = vectors / (np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9)
    novelty = np.concatenate([[0.0], 1.0 - (vectors[1:] * vectors[:-1]).sum(axis=1)])
    repeats = [
        float((vectors[k:] * vectors[:-k]).sum(axis=1).mean()) if len(vectors) > k else 0.0 for k in LAGS
    ]
    return repeats + [contrast(novelty, k) for k in LAGS]


def three_share(fit: dict[int, float], beats: int) -> float:
    """The bar tracker's per-bar share of three beats a bar against four (0.5 without both)."""
    if 3 not in fit or 4 not in fit or beats < 2:
        return 0.5
    per_bar = (fit[3] / (beats / 3) - fit[4] / (beats / 4)) if beats else 0.0
    return float(1.0 / (1.0 + np.exp(-np.clip(per_bar, -30, 30))))


def features(
    beats_s: np.ndarray,
    fit: dict[int, float],
    segments: Sequence[ChordSegment],
    downbeat_activation: np.ndarray,
    envelope: np.ndarray,
    bass_envelope: np.ndarray,
    fps: float,
    chroma: np.ndarray,
    chroma_fps: float,
) -> np.ndarray:
    """The evidence vector (in ``NAMES``' order) of the bar over ``beats_s``, at least 4 beats."""
    beats = np.asarray(beats_s, dtype=np.float64)
    period = float(np.median(np.diff(beats)))
    starts, spans = beats[:-1], np.diff(beats)
    on = at(envelope, fps, beats)
    on_mean = float(np.median(on[:-1])) or 1e-9
    thirds = np.minimum(at(envelope, fps, starts + spans / 3), at(envelope, fps, starts + 2 * spans / 3))
    half = at(envelope, fps, starts + spans / 2)
    quarters = np.minimum(at(envelope, fps, starts + spans / 4), at(envelope, fps, starts + 3 * spans / 4))
    t, h, q = (float(np.median(x)) for x in (thirds, half, quarters))
    division = [t / on_mean, h / on_mean, q / on_mean, t / (t + h) if t + h > 0 else 0.5]
    lengths = [c.end_s - c.start_s for c in segments if c.label != NO_CHORD]
    chord_beats = float(np.median(lengths)) / period if lengths else 1.0
    changed = np.zeros(len(beats))
    for c in list(segments)[1:]:
        if c.label == NO_CHORD:
            continue
        i = int(np.argmin(np.abs(beats - c.start_s)))
        if abs(beats[i] - c.start_s) <= CHANGE_REACH * period:
            changed[i] = 1.0
    down = np.zeros(len(beats))
    for i, tb in enumerate(beats):
        frame = round(float(tb) * fps)
        window = downbeat_activation[max(0, frame - 2) : frame + 3]
        down[i] = float(window.max()) if len(window) else 0.0
    sequences = {"onsets": on, "bass": at(bass_envelope, fps, beats), "downbeat": down, "changes": changed}
    periodic = [fn(sequences[s], k) for s in SEQUENCES for fn in (contrast, repeat) for k in LAGS]
    fine_rows = {"onsets": fine(envelope, fps, beats), "bass": fine(bass_envelope, fps, beats)}
    fine_part = [
        value
        for s in FINE_SEQUENCES
        for value in (
            *(pattern(fine_rows[s], k) for k in LAGS),
            *(repeat(fine_rows[s].reshape(-1), k * FINE) for k in LAGS),
        )
    ]
    head = [np.log2(60.0 / period / 100.0), np.log2(max(chord_beats, 0.25)), three_share(fit, len(beats))]
    harmony = chroma_periodicity(np.atleast_2d(chroma), chroma_fps, beats)
    return np.array([*head, *division, *periodic, *fine_part, *harmony], dtype=np.float64)
