"""Evidence of the bar not sampled on the tracked beats (issue 45, second round).

The first round's features (``features``) are read at the tracked beats, so a tracker on the
wrong level or phase blurs them. These are read from the whole signals at lags that are multiples
of the tracked beat period (so they still do not depend on the tempo), plus the rules' reading:

- the autocorrelation of the onset envelope, the bass envelope, the beat network's and the downbeat
  network's activations at ``RATIOS`` times the period (``RATIOS`` holds candidate bars and beats,
  half and third of a beat up to twelve beats);
- the chroma's self-similarity at those lags (the pitch pattern repeating each bar);
- a histogram of inter-onset intervals in beat periods (what divides the beat, how long notes are)
  and, for each bar of k beats, how much the long notes gather at one phase of k (long notes end bars);
- the rules' reading: its bar in tracked beats (log2) and its signature, one-hot over ``RULE_SIGNATURES``.
"""

from __future__ import annotations

import numpy as np

RATIOS = (1 / 3, 1 / 2, 2 / 3, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 9.0, 12.0)
SIGNALS = ("envelope", "bass", "beat", "downbeat", "chroma")
IOI_BINS = (1 / 4, 1 / 3, 1 / 2, 2 / 3, 3 / 4, 1.0, 1.5, 2.0, 3.0)
LONG_LAGS = (2, 3, 4, 6, 8, 9, 12)
MAX_LAG_SHARE = 0.7  # lags up to this share of the signal are read
RULE_SIGNATURES = ((2, 4), (3, 4), (4, 4), (6, 8), (9, 8), (12, 8))
PEAK_GAP_S = 0.07  # onsets in the envelope at least this far apart
PEAK_OVER_MEDIAN = 2.5  # an onset peaks this far over the envelope's median within half a second
PEAK_GLOBAL = 0.05  # ... and over this share of the envelope's 99th percentile
NAMES = (
    *(f"ac_{s}_{r:.3g}" for s in SIGNALS for r in RATIOS),
    *(f"ioi_{b:.3g}" for b in IOI_BINS),
    *(f"long_contrast_{k}" for k in LONG_LAGS),
    "rules_log2_bar_beats",
    *(f"rules_{a}_{b}" for a, b in RULE_SIGNATURES),
)


def autocorrelation(x: np.ndarray, lags: np.ndarray) -> np.ndarray:
    """The normalised autocorrelation of ``x`` at each (fractional) lag in frames, the best within a
    frame either side (0 where the lag passes MAX_LAG_SHARE of the signal or the signal is flat)."""
    x = np.asarray(x, dtype=np.float64)
    x = x - x.mean()
    energy = float((x * x).sum())
    out = np.zeros(len(lags))
    if energy <= 1e-12:
        return out
    for i, lag in enumerate(lags):
        best = -1.0
        for d in (round(lag) - 1, round(lag), round(lag) + 1):
            if 1 <= d < MAX_LAG_SHARE * len(x):
                best = max(best, float((x[:-d] * x[d:]).sum()) / energy * len(x) / (len(x) - d))
        out[i] = max(best, -1.0) if best > -1.0 else 0.0
    return out


def chroma_similarity(chroma: np.ndarray, lags: np.ndarray) -> np.ndarray:
    """The mean cosine of chroma frames ``lag`` frames apart, less the mean over all lags."""
    c = np.atleast_2d(np.asarray(chroma, dtype=np.float64))
    if c.shape[0] < 8:
        return np.zeros(len(lags))
    c = c / (np.linalg.norm(c, axis=1, keepdims=True) + 1e-9)
    sims = np.zeros(len(lags))
    for i, lag in enumerate(lags):
        d = max(1, round(lag))
        if d < MAX_LAG_SHARE * c.shape[0]:
            sims[i] = float((c[:-d] * c[d:]).sum(axis=1).mean())
    valid = sims[sims != 0]
    return sims - (float(valid.mean()) if len(valid) else 0.0)


def onsets(envelope: np.ndarray, fps: float) -> np.ndarray:
    """Times (s) of the envelope's local peaks above a quarter of its 95th percentile."""
    e = np.asarray(envelope, dtype=np.float64)
    if len(e) < 3:
        return np.zeros(0)
    from scipy.ndimage import median_filter

    floor = np.maximum(PEAK_OVER_MEDIAN * median_filter(e, size=int(fps // 2) | 1, mode="nearest"),
                       PEAK_GLOBAL * float(np.percentile(e, 99)))  # fmt: skip
    peaks = np.flatnonzero((e[1:-1] > e[:-2]) & (e[1:-1] >= e[2:]) & (e[1:-1] > floor[1:-1])) + 1
    kept: list[int] = []
    gap = PEAK_GAP_S * fps
    for p in peaks[np.argsort(-e[peaks])]:
        if all(abs(p - q) >= gap for q in kept):
            kept.append(int(p))
    return np.sort(np.array(kept, dtype=np.float64)) / fps


def ioi_features(times: np.ndarray, beats: np.ndarray, period: float) -> list[float]:
    """IOI shares near each of IOI_BINS beat periods, and per bar of k beats the contrast of where
    the long notes (an IOI of a beat or more) start, over the beat phases of k."""
    if len(times) < 4:
        return [0.0] * (len(IOI_BINS) + len(LONG_LAGS))
    ioi = np.diff(times) / period
    edges = np.log2(np.asarray(IOI_BINS))
    nearest = np.argmin(np.abs(np.log2(np.maximum(ioi, 1e-3))[:, None] - edges[None, :]), axis=1)
    hist = np.bincount(nearest, minlength=len(IOI_BINS)) / len(ioi)
    longs = np.zeros(len(beats))
    for t, gap in zip(times[:-1], ioi, strict=True):
        if gap >= 0.95:
            i = int(np.argmin(np.abs(beats - t)))
            if abs(beats[i] - t) <= 0.25 * period:
                longs[i] += gap
    from engines.analysis.meter_model.features import contrast

    return [*hist.tolist(), *(contrast(longs, k) for k in LONG_LAGS)]


def rules_part(rules: tuple[tuple[int, int], float] | None) -> list[float]:
    """log2 of the rules' bar in tracked beats (0 without) and their signature one-hot."""
    if rules is None:
        return [0.0] + [0.0] * len(RULE_SIGNATURES)
    signature, bar_beats = rules
    return [float(np.log2(max(bar_beats, 0.25)))] + [float(signature == s) for s in RULE_SIGNATURES]


def period_features(
    beats_s: np.ndarray,
    envelope: np.ndarray,
    bass_envelope: np.ndarray,
    beat_activation: np.ndarray,
    downbeat_activation: np.ndarray,
    fps: float,
    chroma: np.ndarray,
    chroma_fps: float,
    rules: tuple[tuple[int, int], float] | None,
) -> np.ndarray:
    """The vector (in ``NAMES``' order) over the tracked beats ``beats_s``; ``rules``: the rules'
    (signature, bar length in tracked beats), or None."""
    beats = np.asarray(beats_s, dtype=np.float64)
    period = float(np.median(np.diff(beats)))
    lags = np.asarray(RATIOS) * period * fps
    parts = [
        autocorrelation(s, lags) for s in (envelope, bass_envelope, beat_activation, downbeat_activation)
    ]
    parts.append(chroma_similarity(chroma, np.asarray(RATIOS) * period * chroma_fps))
    iois = ioi_features(onsets(envelope, fps), beats, period)
    return np.array([*np.concatenate(parts), *iois, *rules_part(rules)], dtype=np.float64)
