"""The model's reading of the bar (its class, confidence, alternatives, rival) and how it judges the rules'."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from engines.analysis import grid, levels
from engines.analysis.meter_model.counted import counted_grid
from engines.analysis.meter_model.features import features
from engines.analysis.meter_model.model import MeterClass, Model, load, rival
from engines.analysis.meter_model.periods import period_features
from engines.analysis.result import NO_CHORD, ChordSegment

MIN_BEATS = 8  # fewer tracked beats and the model does not read (the rules' reading stands)
MIN_BARS = 3  # fewer whole bars of the chosen reading and it is held as unsure
ODD = (5, 7)  # the bar tracker's odd meters stay the rules' (the corpus has none)
MAX_ALTERNATIVES = 2

# A meter needs this many onsets a counted beat, on average, to be read sure: four plucked chords one
# every 2 s are held; over the beat tracker's beats, 4 of the meter corpus' 499 pieces fall below it
# (lowest 0.39), the others 0.46 to 2.58 (median 0.89).
MIN_ONSETS_PER_BEAT = 0.45
TEMPO_SAME = 0.04  # two readings ask the same Live tempo within this share

Rival = tuple[tuple[int, int], float, float]  # (signature, live tempo in quarter BPM, probability)


@dataclass(frozen=True, slots=True)
class Reading:
    confidence: float  # the best class's probability
    alternatives: tuple[tuple[tuple[int, int], float], ...]  # other signatures, summed probability
    ambiguous: bool
    rival: Rival | None  # the likeliest reading that would write Live otherwise, where ambiguous
    chosen: Rival  # the best reading as (signature, live tempo, probability)
    chosen_class: MeterClass | None = None  # its class (signature, bar in tracked beats)
    switch: float = 2.0  # the model's probability from which its reading replaces the rules'
    switch_bar: float = 2.0  # ... where it keeps the rules' Live tempo (another bar at that tempo)
    switch_regroup: float = 2.0  # ... where it regroups (``regroups``), whichever of the two is lower


Taken = tuple[np.ndarray, np.ndarray, int, bool]  # counted beats, downbeats, beats a bar, compound


def taken(
    reading: Reading | None,
    rules: tuple[tuple[int, int], float],
    tracked_s: np.ndarray,
    segments: Sequence[ChordSegment],
    downbeat_activation: np.ndarray,
    fps: float,
) -> Taken | None:
    """The model's reading as the engine's (beats, downbeats, beats a bar, compound) where it reads
    another bar than the ``rules`` (signature, Live tempo) with at least the shipped ``switch``, or
    ``switch_bar`` where it asks Live the rules' tempo (a bar of other length or grouping over the same
    quarter notes): cross-validated on the folk corpus and the project's pieces it reads better
    than the rules on both (docs/benchmarks/meter.md, third round); None: the rules' reading stands."""
    if reading is None or reading.chosen_class is None:
        return None
    if not judge(rules, replace(reading, ambiguous=False))[0]:
        return None  # the same bar: the rules' beats, phase and alternatives stay
    same_tempo = abs(reading.chosen[1] / max(rules[1], 1e-9) - 1) <= TEMPO_SAME
    threshold = reading.switch_bar if same_tempo else reading.switch
    if regroups(reading.chosen[0], reading.chosen[1], rules[0], rules[1]):
        threshold = min(threshold, reading.switch_regroup)
    if reading.confidence < threshold:
        return None
    c = reading.chosen_class
    changes = [s.start_s for s in list(segments)[1:] if s.label != NO_CHORD]
    made = counted_grid(tracked_s, c, changes, downbeat_activation, fps)
    if made is None:
        return None
    num, den = c.signature
    return made[0], made[1], c.counted, den == 8 and num % 3 == 0


def regroups(
    signature: tuple[int, int], tempo_bpm: float, rules_signature: tuple[int, int], rules_bpm: float
) -> bool:
    """Whether a reading other than the rules' regroups the music rather than re-counting it: it
    neither doubles or halves their Live tempo (the tempo level, which the rules choose from the
    bar, issue 21) nor swaps 2/4 and 4/4 over the same quarters (mostly notation: of 339 folk 2/4
    tunes the rules read 4/4, 294 had Live's tempo right). 3/4 against 6/8 or 9/8, 4/4 against 6/8 or
    12/8 are regroupings. Such a switch is trusted from a lower probability (``switch_regroup``)."""
    ratio = tempo_bpm / max(rules_bpm, 1e-9)
    if abs(ratio / 2 - 1) <= TEMPO_SAME or abs(ratio * 2 - 1) <= TEMPO_SAME:
        return False
    return not (abs(ratio - 1) <= TEMPO_SAME and {signature, rules_signature} <= {(2, 4), (4, 4)})


def judge(rules: tuple[tuple[int, int], float], reading: Reading | None) -> tuple[bool, Rival | None]:
    """(hold the meter, the rival) for the rules' reading (signature, Live tempo): held where the
    model's best reading is another (that one is the rival) or where the model agrees but is unsure
    (its own rival). Cross-validated, the model's own readings beat the rules' on the folk corpus
    but lose on the project's pieces (docs/benchmarks/meter.md), so it judges their reading and
    does not replace it."""
    if reading is None:
        return False, None
    signature, tempo = rules
    best_signature, best_tempo, _ = reading.chosen
    if best_signature != signature or abs(best_tempo / max(tempo, 1e-9) - 1) > TEMPO_SAME:
        return True, reading.chosen
    return reading.ambiguous, reading.rival if reading.ambiguous else None


def sparse(beat_activation: np.ndarray, fps: float, threshold: float, beats_s: np.ndarray) -> bool:
    """Whether too few onsets sound for the beats counted to carry a meter (MIN_ONSETS_PER_BEAT)."""
    onsets = grid.count_onsets(beat_activation, fps, threshold)
    return onsets < MIN_ONSETS_PER_BEAT * max(len(beats_s), 1)


def rules_bar(
    signature: tuple[int, int], bar_s: float, tracked_beats_s: np.ndarray
) -> tuple[tuple[int, int], float]:
    """The rules' reading as the model's evidence takes it: (signature, bar length in tracked beats)."""
    period = float(np.median(np.diff(np.asarray(tracked_beats_s, dtype=np.float64))))
    return signature, bar_s / period


def evidence(
    beats: np.ndarray,
    fit: dict[int, float],
    segments: Sequence[ChordSegment],
    bar_activations: np.ndarray,
    envelope: np.ndarray,
    bass_envelope: np.ndarray,
    fps: float,
    chroma: np.ndarray,
    chroma_fps: float,
    beat_activation: np.ndarray,
    rules: tuple[tuple[int, int], float] | None,
) -> np.ndarray:
    """The model's input (``model.NAMES``): the beat-synchronous features, then ``periods``'."""
    down = bar_activations[:, 1]
    x = features(beats, fit, segments, down, envelope, bass_envelope, fps, chroma, chroma_fps)
    y = period_features(beats, envelope, bass_envelope, beat_activation, down, fps, chroma, chroma_fps, rules)
    return np.concatenate([x, y])


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
    beat_activation: np.ndarray,
    rules: tuple[tuple[int, int], float] | None = None,
    model: Model | None = None,
) -> Reading | None:
    """The model's reading of the bar over the tracked beats (module docstring of the package);
    ``rules``: the rules' (signature, bar length in tracked beats), part of its evidence."""
    model = model or load()
    beats = np.asarray(beats_s, dtype=np.float64)
    tempo = grid.tempo_from_beats(beats)
    if model is None or tempo is None or len(beats) < MIN_BEATS or not fit or not len(bar_activations):
        return None
    if levels.chosen_meter(fit, len(beats), tempo)[0] in ODD:
        return None
    x = evidence(
        beats, fit, segments, bar_activations, envelope, bass_envelope, fps, chroma, chroma_fps,
        beat_activation, rules,
    )  # fmt: skip
    p = model.probabilities(x)
    best = int(np.argmax(p))
    chosen = model.classes[best]
    period = float(np.median(np.diff(beats)))
    changes = [c.start_s for c in list(segments)[1:] if c.label != NO_CHORD]
    strength = grid.strength_at_beats(beats, bar_activations[:, 1], fps)
    # a bar of 1.5 or 4.5 tracked beats is phased as one of 2 or 4 (only whole bars are counted here)
    first = grid.downbeat_phase(beats, max(1, int(chosen.bar_beats)), changes, strength)
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
        confidence=float(p[best]),
        alternatives=tuple((sig, round(q, 4)) for sig, q in ranked),
        ambiguous=bool(ambiguous),
        rival=held,
        chosen=(chosen.signature, round(chosen.live_tempo_bpm(period), 3), round(float(p[best]), 4)),
        chosen_class=chosen,
        switch=model.switch,
        switch_bar=model.switch_bar,
        switch_regroup=model.switch_regroup,
    )
