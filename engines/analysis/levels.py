"""The tempo level and the meter: which of a beat grid's octaves is the beat, and how sure the meter is.

The beat tracker finds beats between 55 and 215 BPM (madmom's range) and, inside it, can lock onto
half or twice the beat: a clip at 40 BPM came back at 80, one at 240 at 120, steady sixteenths at
84 BPM at 168. Two more pieces of evidence choose the level (issue 21; docs/benchmarks/analysis.md, "Tempo level
and meter"):

- Twice the tempo, when it lies above the tracker's range (it could not have been found there):
  taken when the downbeat tracker's model fits the doubled grid better than the tracked one.
- Half the tempo, when the harmony changes no more often than every ``HALVE_CHORD_BEATS`` beats
  (two bars of 4/4 at the tracked level: one chord a bar is far the commonest harmonic rhythm) and
  the tracked tempo is either fast (``FAST_BPM``) or its half lies below the tracker's range.

The other levels are reported as ``tempo_alternatives``. The meter's confidence is the downbeat
model's per-bar likelihood of the chosen meter against the others (``meter_confidence``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from engines.analysis.result import NO_CHORD, ChordSegment

HALVE_CHORD_BEATS = 8.0  # median chord length, in tracked beats, from which the beats are too fast
FAST_BPM = 140.0  # ... and only above this tempo, or where half of it is below the tracker's range
ALTERNATIVE_BPM = (30.0, 300.0)  # levels outside this are not offered as alternatives
# The bar tracker's beats per bar and the signature each one reads as: seven beats are eighths
# (7/8, two and two and three), five are quarters (5/4).
SIGNATURES = {3: (3, 4), 4: (4, 4), 5: (5, 4), 7: (7, 8)}
# 5 and 7 beats a bar must be clearly likelier than 3 and 4: rendered 5/4 and 7/8 parts reach
# 0.97 and 0.997, while an ambient song in 4/4 went to 7 with 0.71; and 7 beats are eighths, so
# fast (a 4/4 chorale at 66 BPM went to 7 with 0.95) (docs/benchmarks/analysis.md, "Tempo level and meter").
ODD_METERS, ODD_METER_SHARE = (5, 7), 0.9
# 7 beats a bar are eighths, so only on a beat this fast (a 7/8 with eighths at 140 came back at 139.9
# and was refused by the 140 first used here; eighths at 120 are quarters at 60) (issue 32).
SEVEN_MIN_BPM = 120.0
# A bar of three beats is 6/8 when halfway through it (the 6/8 backbeat) sounds this much louder
# than its second and third beats: MuseAroo's rendered 6/8 (rock 1.01, pop 1.11) and 12/8 (pop
# 1.15) against its 3/4 (pop 0.84) and the real waltz (0.70) (docs/benchmarks/analysis.md, "Tempo level and meter").
COMPOUND_ACCENT = 0.95
ONSET_MAX_HZ = 11025.0  # the compound test's onsets come from below this (the top octave is cymbals)
COMPOUND_CHORD_BEATS = 4.0  # 6/8 bars whose chords last four dotted quarters or more are 12/8


def signature(beats_per_bar: int, *, compound: bool = False) -> tuple[int, int]:
    """The time signature of a bar of ``beats_per_bar`` tracked beats (quarters unless SIGNATURES
    says; dotted quarters when ``compound``: 2 -> 6/8, 4 -> 12/8)."""
    if compound:
        return (3 * beats_per_bar, 8)
    return SIGNATURES.get(beats_per_bar, (beats_per_bar, 4))


def meter_confidence(by_meter: dict[int, float], bars: float, meter: int | None = None) -> float:
    """0..1: the share of ``meter`` (default: the likeliest) when each meter's log-probability is
    taken per bar.

    Path log-probabilities differ by tens to hundreds over a clip; per bar they say how much each
    bar prefers one meter (a per-bar likelihood ratio of e is a share of about 0.73 between two).
    """
    if not by_meter:
        return 0.0
    values = np.array(list(by_meter.values()), dtype=np.float64)
    chosen = by_meter[meter] if meter is not None else float(values.max())
    per_bar = (values - chosen) / max(bars, 1.0)
    return float(1.0 / np.exp(per_bar).sum())


def chosen_meter(by_meter: dict[int, float], beat_count: int, tempo_bpm: float) -> tuple[int, float]:
    """(beats per bar, its confidence): the likeliest meter, but an odd one (5, 7) only with
    ODD_METER_SHARE of the per-bar likelihood, and 7 (eighths of 7/8) only on a beat of at least
    SEVEN_MIN_BPM; else the likelier of 3 and 4, its confidence then taken between those two. (4, 0.0)
    when the fit is empty."""
    if tempo_bpm < SEVEN_MIN_BPM:
        by_meter = {m: v for m, v in by_meter.items() if m != 7}
    if not by_meter:
        return 4, 0.0
    best = max(by_meter, key=lambda m: by_meter[m])
    confidence = meter_confidence(by_meter, beat_count / best)
    plain = {m: v for m, v in by_meter.items() if m not in ODD_METERS}
    if best in ODD_METERS and confidence < ODD_METER_SHARE and plain:
        meter = max(plain, key=lambda m: plain[m])
        return meter, meter_confidence(plain, beat_count / meter)
    return best, confidence


def median_chord_beats(segments: Sequence[ChordSegment], beats_s: np.ndarray) -> float | None:
    """The median length of the chords (not "N"), in beats of the grid; None without two beats or chords."""
    beats = np.asarray(beats_s, dtype=np.float64)
    lengths = [c.end_s - c.start_s for c in segments if c.label != NO_CHORD]
    if len(beats) < 2 or not lengths:
        return None
    return float(np.median(lengths) / np.median(np.diff(beats)))


def should_halve(tempo_bpm: float, chord_beats: float | None, min_bpm: float) -> bool:
    """Whether the tracked beats are twice the beat (module docstring)."""
    if chord_beats is None or chord_beats < HALVE_CHORD_BEATS:
        return False
    return tempo_bpm >= FAST_BPM or tempo_bpm / 2 < min_bpm


def halved(beats_s: np.ndarray, strength: np.ndarray) -> np.ndarray:
    """Every other beat: the half (odd or even) whose downbeat-network strength is higher."""
    beats = np.asarray(beats_s, dtype=np.float64)
    even, odd = float(np.sum(strength[0::2])), float(np.sum(strength[1::2]))
    return beats[0::2] if even >= odd else beats[1::2]


def doubled(beats_s: np.ndarray) -> np.ndarray:
    """The beats with one more halfway between each two."""
    beats = np.asarray(beats_s, dtype=np.float64)
    if len(beats) < 2:
        return beats
    middles = (beats[:-1] + beats[1:]) / 2
    return np.sort(np.concatenate([beats, middles]))


def alternatives(tempo_bpm: float | None, *others: float) -> tuple[float, ...]:
    """The other tempo levels worth offering: ``others`` (levels the evidence weighed), then half and
    twice the tempo, within ALTERNATIVE_BPM, without repeats (within 2 %), rounded to 0.001."""
    if tempo_bpm is None:
        return ()
    out: list[float] = []
    low, high = ALTERNATIVE_BPM
    for level in (*others, tempo_bpm / 2, tempo_bpm * 2):
        if low <= level <= high and all(abs(level / seen - 1) > 0.02 for seen in (tempo_bpm, *out)):
            out.append(round(level, 3))
    return tuple(out)


def onset_envelope(
    samples: np.ndarray, sample_rate_hz: int, fps: int = 100, *, max_hz: float = ONSET_MAX_HZ
) -> np.ndarray:
    """Spectral flux at ``fps``: the summed rise of the log magnitude spectrum below ``max_hz``
    (2048-sample frames), where kick, snare and bass speak and the hi-hats' even eighths do not."""
    (envelope,) = onset_envelopes(samples, sample_rate_hz, fps, max_hzs=(max_hz,))
    return envelope


def onset_envelopes(
    samples: np.ndarray, sample_rate_hz: int, fps: int = 100, *, max_hzs: Sequence[float] = (ONSET_MAX_HZ,)
) -> tuple[np.ndarray, ...]:
    """``onset_envelope`` below each of ``max_hzs``, from one set of FFTs (each figure as that
    function computes it alone)."""
    n, hop = 2048, sample_rate_hz / fps
    tops = [max(2, int(max_hz * n / sample_rate_hz)) for max_hz in max_hzs]
    frames = max(0, int((len(samples) - n) / hop) + 1)
    if frames < 2:
        return tuple(np.zeros(frames) for _ in tops)
    window = np.hanning(n).astype(np.float32)
    outs = [np.zeros(frames) for _ in tops]
    previous: list[np.ndarray | None] = [None for _ in tops]
    for first in range(0, frames, 512):  # blocks keep the memory small on long clips
        starts = (np.arange(first, min(frames, first + 512)) * hop).astype(np.int64)
        block = np.stack([samples[s : s + n] for s in starts]) * window
        spectrum = np.log1p(100.0 * np.abs(np.fft.rfft(block, axis=1)[:, : max(tops)]))
        for i, top in enumerate(tops):
            below = spectrum[:, :top]
            last = previous[i]
            if last is not None:
                below = np.vstack([last, below])
            rises = np.maximum(np.diff(below, axis=0), 0.0).sum(axis=1)
            outs[i][first + (0 if last is not None else 1) : first + len(starts)] = rises
            previous[i] = below[-1:]
    return tuple(outs)


def compound_accent(envelope: np.ndarray, fps: int, beats_s: np.ndarray, downbeats_s: np.ndarray) -> float:
    """For bars of three beats: the onset strength halfway through the bar (a dotted quarter in, the
    6/8 backbeat) over the mean on its second and third beats (3/4's). 0 with no whole bar."""
    beats = np.asarray(beats_s, dtype=np.float64)
    if len(beats) < 2:
        return 0.0
    period = float(np.median(np.diff(beats)))

    def at(t: float) -> float:
        frame = round(t * fps)
        window = envelope[max(0, frame - 3) : frame + 4]
        return float(window.max()) if len(window) else 0.0

    middles, beats_on = [], []
    for down in downbeats_s:
        if down + 2 * period <= beats[-1] + 0.5 * period:
            middles.append(at(down + 1.5 * period))
            beats_on.append((at(down + period) + at(down + 2 * period)) / 2)
    if not middles or sum(beats_on) <= 0:
        return 0.0
    return float(np.mean(middles) / np.mean(beats_on))


def dotted_beats(beats_s: np.ndarray, downbeats_s: np.ndarray) -> np.ndarray:
    """Two beats a bar of three: each downbeat and the point halfway to the next (a 6/8 counted in two)."""
    beats = np.asarray(beats_s, dtype=np.float64)
    period = float(np.median(np.diff(beats))) if len(beats) > 1 else 0.0
    out = []
    for down in downbeats_s:
        out.append(float(down))
        if down + 1.5 * period <= beats[-1] + 0.5 * period:
            out.append(float(down) + 1.5 * period)
    return np.array(out)
