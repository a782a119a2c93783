"""The beat and bar grid: tempo from beat times, downbeats placed on the beat grid, the bar phase.

All times are in seconds; arrays are 1-d numpy float arrays sorted in time.
"""

from __future__ import annotations

import numpy as np

SNAP_S = 0.1  # beats this close outside the audible span are kept
SILENCE_FLOOR_DB = -50.0  # quieter than this below the loudest 10 ms is silence (no beats there)
# Fewer distinct onsets than this and the clip has no rhythm to track (a pad, a drone, one hit):
# trackers would still lay an invented grid over it, and an "apply tempo" would set Live's tempo from it.
MIN_ONSETS = 4
MIN_ONSET_GAP_S = 0.1


def count_onsets(
    strength: np.ndarray, fps: float, threshold: float, *, min_gap_s: float = MIN_ONSET_GAP_S
) -> int:
    """Peaks of an onset or beat activation curve above ``threshold``, at least ``min_gap_s`` apart.

    A peak is a frame at least as high as both neighbours; of peaks closer than ``min_gap_s``
    only the first counts.
    """
    x = np.asarray(strength, dtype=np.float64).reshape(-1)
    if len(x) < 3:
        return 0
    padded = np.r_[-np.inf, x, -np.inf]
    peaks = np.flatnonzero((x >= padded[:-2]) & (x >= padded[2:]) & (x > threshold))
    count, last = 0, -np.inf
    for frame in peaks:
        if (frame - last) / fps >= min_gap_s:
            count, last = count + 1, float(frame)
    return count


def rhythmic(strength: np.ndarray, fps: float, threshold: float) -> bool:
    """Whether an activation curve has enough onsets (``MIN_ONSETS``) to carry a beat grid."""
    return count_onsets(strength, fps, threshold) >= MIN_ONSETS


def tempo_from_beats(beats_s: np.ndarray) -> float | None:
    """Tempo in BPM from the beat grid; None with fewer than two beats.

    The mean of the inter-beat intervals within 10 % of their median: robust to a skipped or
    doubled beat, and finer than one interval (beat times come on a 10 ms frame grid).
    """
    if len(beats_s) < 2:
        return None
    intervals = np.diff(np.asarray(beats_s, dtype=np.float64))
    median = float(np.median(intervals))
    if median <= 0:
        return None
    steady = intervals[np.abs(intervals - median) <= 0.1 * median]
    return 60.0 / float(steady.mean())


def strength_at_beats(
    beats_s: np.ndarray, activation: np.ndarray, fps: float, *, reach_frames: int = 2
) -> np.ndarray:
    """The highest value of a frame-wise activation within ``reach_frames`` of each beat (0 past its end)."""
    act = np.asarray(activation, dtype=np.float64).reshape(-1)
    out = np.zeros(len(beats_s))
    for i, t in enumerate(np.asarray(beats_s, dtype=np.float64)):
        frame = round(float(t) * fps)
        window = act[max(0, frame - reach_frames) : frame + reach_frames + 1]
        out[i] = window.max() if len(window) else 0.0
    return out


def downbeat_phase(
    beats_s: np.ndarray, beats_per_bar: int, change_times_s: list[float], downbeat_strength: np.ndarray
) -> int:
    """Index (0 .. beats_per_bar - 1) of the first downbeat among the beats, from two cues.

    Chords change on the bar line far more often than inside the bar: each change counts for
    its nearest beat (within half a beat period). A downbeat network's strength at each beat is
    the other cue. Each cue becomes shares over the phases (summing to 1; a cue without evidence
    is uniform) and the two are added with equal weight. On MuseAroo's own songs and on the
    chorales this finds the bar phase more often than the bar tracker alone (docs/benchmarks/analysis.md).
    """
    beats = np.asarray(beats_s, dtype=np.float64)
    if len(beats) < 2 or beats_per_bar < 1:
        return 0
    period = float(np.median(np.diff(beats)))
    changes = np.zeros(beats_per_bar)
    for t in change_times_s:
        i = int(np.argmin(np.abs(beats - t)))
        if abs(beats[i] - t) <= 0.5 * period:
            changes[i % beats_per_bar] += 1
    strength = np.zeros(beats_per_bar)
    for i, value in enumerate(np.asarray(downbeat_strength, dtype=np.float64)):
        strength[i % beats_per_bar] += value
    return int(np.argmax(_shares(changes) + _shares(strength)))


def _shares(x: np.ndarray) -> np.ndarray:
    total = float(x.sum())
    return x / total if total > 0 else np.full(len(x), 1.0 / len(x))


def likeliest_level(fits: dict[float, dict[int, float]]) -> tuple[float, int]:
    """(tempo, meter) with the highest log-probability in ``{tempo_bpm: {meter: log_prob}}``.

    Ties go to the first tempo given (the beat tracker's own), then to the first meter.
    """
    best: tuple[float, float, int] | None = None
    for tempo_bpm, by_meter in fits.items():
        for meter, log_prob in by_meter.items():
            if best is None or log_prob > best[0]:
                best = (log_prob, tempo_bpm, meter)
    if best is None:
        raise ValueError("likeliest_level needs at least one tempo with one meter")
    return best[1], best[2]


def downbeats_by_accent(
    beat_accents: np.ndarray, *, meters: tuple[int, ...] = (3, 4), prefer: int = 4, margin: float = 1.1
) -> tuple[int, int]:
    """(beats per bar, index of the first downbeat) from one accent strength per beat.

    For each meter and phase, the mean accent on the would-be downbeats over the mean accent
    elsewhere; ``prefer`` wins unless another meter beats it by ``margin``. Needs accents for
    at least two bars of the longest meter, else returns (prefer, 0).
    """
    meter, phase, _ = accent_meter(beat_accents, meters=meters, prefer=prefer, margin=margin)
    return meter, phase


def accent_meter(
    beat_accents: np.ndarray, *, meters: tuple[int, ...] = (3, 4), prefer: int = 4, margin: float = 1.1
) -> tuple[int, int, float]:
    """``downbeats_by_accent``'s (beats per bar, first downbeat) and the chosen meter's share of the
    meters' scores (0..1, its confidence; 0 when too short to judge)."""
    accents = np.asarray(beat_accents, dtype=np.float64)
    if len(accents) < 2 * max(meters):
        return prefer, 0, 0.0
    best: dict[int, tuple[float, int]] = {}
    for meter in meters:
        scores = []
        for phase in range(meter):
            on = accents[phase::meter]
            off = np.delete(accents, np.arange(phase, len(accents), meter))
            scores.append(on.mean() / max(off.mean(), 1e-9))
        best[meter] = (max(scores), int(np.argmax(scores)))
    meter = prefer
    for other, (score, _) in best.items():
        if other != prefer and score > best[prefer][0] * margin and score > best[meter][0]:
            meter = other
    return meter, best[meter][1], best[meter][0] / sum(score for score, _ in best.values())


def audible_span(
    samples: np.ndarray, sample_rate_hz: int, *, floor_db: float = SILENCE_FLOOR_DB
) -> tuple[float, float]:
    """(first_s, last_s) of the 10 ms frames louder than ``floor_db`` below the loudest frame.

    (0, 0) for an all-silent signal. Used to drop beats a tracker carries on into silence.
    """
    hop = max(1, sample_rate_hz // 100)
    frames = len(samples) // hop
    if frames == 0:
        return 0.0, 0.0
    rms = np.sqrt(np.mean(np.square(samples[: frames * hop].reshape(frames, hop), dtype=np.float64), axis=1))
    peak = float(rms.max())
    if peak <= 0:
        return 0.0, 0.0
    loud = np.flatnonzero(rms > peak * 10 ** (floor_db / 20))
    return float(loud[0] * hop / sample_rate_hz), float((loud[-1] + 1) * hop / sample_rate_hz)


def beats_in_span(
    beats_s: np.ndarray, first_s: float, last_s: float, *, margin_s: float = SNAP_S
) -> np.ndarray:
    """The beats from ``first_s - margin_s`` to ``last_s + margin_s``."""
    beats = np.asarray(beats_s, dtype=np.float64)
    return beats[(beats >= first_s - margin_s) & (beats <= last_s + margin_s)]
