"""From the model's class to the bar: counted beats, downbeats, confidence, alternatives, rival."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from engines.analysis import grid, levels
from engines.analysis.meter_model.features import features
from engines.analysis.meter_model.model import MeterClass, Model, load, rival
from engines.analysis.result import NO_CHORD, ChordSegment

MIN_BEATS = 8  # fewer tracked beats and the model does not read (the rules' reading stands)
MIN_BARS = 3  # fewer whole bars of the chosen reading and it is held as unsure
ODD = (5, 7)  # the bar tracker's odd meters stay the rules' (the corpus has none)
MAX_ALTERNATIVES = 2

# A meter needs this many onsets a counted beat, on average, to be read sure: four plucked chords one
# every 2 s (0.3 a beat at 75 BPM) are held; the sparsest corpus melodies (half notes) have 0.5 or more.
MIN_ONSETS_PER_BEAT = 0.45

Rival = tuple[tuple[int, int], float, float]  # (signature, live tempo in quarter BPM, probability)


@dataclass(frozen=True, slots=True)
class Reading:
    beats_s: np.ndarray  # counted beats (quarters; dotted quarters in 6/8, 9/8, 12/8)
    downbeats_s: np.ndarray
    beats_per_bar: int  # counted beats a bar
    compound: bool
    confidence: float  # the class's probability
    alternatives: tuple[tuple[tuple[int, int], float], ...]
    ambiguous: bool
    rival: Rival | None


def sparse(beat_activation: np.ndarray, fps: float, threshold: float, beats_s: np.ndarray) -> bool:
    """Whether too few onsets sound for the beats counted to carry a meter (MIN_ONSETS_PER_BEAT)."""
    onsets = grid.count_onsets(beat_activation, fps, threshold)
    return onsets < MIN_ONSETS_PER_BEAT * max(len(beats_s), 1)


def counted_grid(tracked: np.ndarray, first: int, meter: MeterClass) -> tuple[np.ndarray, np.ndarray]:
    """(beats, downbeats): bars of ``meter.bar_beats`` tracked beats from index ``first``, each cut in
    ``meter.counted`` equal beats, carried on before the first and after the last bar line as far as
    the tracked beats go."""
    period = float(np.median(np.diff(tracked)))
    bar_s = meter.bar_beats * period
    lines = list(tracked[first :: meter.bar_beats])
    while lines[0] - bar_s >= tracked[0] - 0.5 * period:
        lines.insert(0, lines[0] - bar_s)
    while lines[-1] + bar_s <= tracked[-1] + 0.5 * period:
        lines.append(lines[-1] + bar_s)
    edges = [*lines, lines[-1] + bar_s]
    beats = [
        a + (b - a) * i / meter.counted for a, b in itertools.pairwise(edges) for i in range(meter.counted)
    ]
    keep = np.array([t for t in beats if t <= tracked[-1] + 0.5 * period])
    return keep, np.array([t for t in lines if t <= tracked[-1] + 0.5 * period])


def read(
    beats_s: np.ndarray,
    fit: dict[int, float],
    segments: Sequence[ChordSegment],
    bar_activations: np.ndarray,
    envelope: np.ndarray,
    bass_envelope: np.ndarray,
    fps: float,
    chroma: np.ndarray,
    chroma_fps: float,
    *,
    model: Model | None = None,
) -> Reading | None:
    """The model's reading of the bar over the tracked beats (module docstring of the package)."""
    model = model or load()
    beats = np.asarray(beats_s, dtype=np.float64)
    tempo = grid.tempo_from_beats(beats)
    if model is None or tempo is None or len(beats) < MIN_BEATS or not fit or not len(bar_activations):
        return None
    if levels.chosen_meter(fit, len(beats), tempo)[0] in ODD:
        return None
    x = features(
        beats, fit, segments, bar_activations[:, 1], envelope, bass_envelope, fps, chroma, chroma_fps
    )
    p = model.probabilities(x)
    best = int(np.argmax(p))
    chosen = model.classes[best]
    period = float(np.median(np.diff(beats)))
    changes = [c.start_s for c in list(segments)[1:] if c.label != NO_CHORD]
    strength = grid.strength_at_beats(beats, bar_activations[:, 1], fps)
    first = grid.downbeat_phase(beats, chosen.bar_beats, changes, strength)
    counted, downbeats = counted_grid(beats, first, chosen)
    other = rival(model, p, best, period)
    lead = float(p[best] - (p[other] if other is not None else 0.0))
    bars = (len(beats) - first) // chosen.bar_beats
    ambiguous = other is not None and (p[best] < model.sure or lead < model.margin or bars < MIN_BARS)
    by_signature: dict[tuple[int, int], float] = {}
    for c, q in zip(model.classes, p, strict=True):
        if c.signature != chosen.signature:
            by_signature[c.signature] = by_signature.get(c.signature, 0.0) + float(q)
    ranked = sorted(by_signature.items(), key=lambda item: -item[1])[:MAX_ALTERNATIVES]
    held = None
    if ambiguous and other is not None:
        c = model.classes[other]
        held = (c.signature, round(c.live_tempo_bpm(period), 3), round(float(p[other]), 4))
    return Reading(
        beats_s=counted,
        downbeats_s=downbeats,
        beats_per_bar=chosen.counted,
        compound=chosen.signature[1] == 8 and chosen.signature[0] % 3 == 0,
        confidence=float(p[best]),
        alternatives=tuple((sig, round(q, 4)) for sig, q in ranked),
        ambiguous=bool(ambiguous),
        rival=held,
    )
