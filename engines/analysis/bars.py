"""The bar tracker (madmom's downbeat model) and the beat level it helps choose.

``bar_fit`` decodes the downbeat network's activations at a tempo as madmom's
``DBNDownBeatTrackingProcessor`` does, one model per meter; ``beat_level`` picks the beat tracker's
tempo or a 3:2 reading of it, ``other_octave`` twice or half of it (``levels``), and
``compound_meter`` reads bars of three as 6/8 or 12/8 where the music says so. Activations are at
``FPS`` frames a second.
"""

from __future__ import annotations

import numpy as np

from engines.analysis import grid, levels
from engines.analysis import meter as rules
from engines.analysis.result import NO_CHORD, ChordSegment
from engines.analysis.viterbi import best_log_probability

FPS = 100  # beat activation frames per second
BEAT_MIN_BPM, BEAT_MAX_BPM = 55.0, 215.0  # madmom's DBN beat tracker's default tempo range
DOWNBEAT_TEMPO_SPAN = 0.15  # the bar tracker searches tempo x (1 -/+ this)
METERS = (3, 4, 5, 7)  # the bar tracker's beats per bar (levels.SIGNATURES names their signatures)
MIN_METER_BEATS = 8  # fewer tracked beats and no bar is fitted (no downbeats, no time signature)
# Beat levels the bar tracker may prefer over the beat tracker's: on swung music (a beat and its
# swung eighth two triplets apart) the beat tracker can lock onto 3/2 of the tempo (blues at 96
# read as 144). Only 3:2 readings here: at 2:1 inside the tracker's range the bar tracker is no better
# judge (docs/benchmarks/analysis.md); other_octave takes 2:1 above that range and 1:2 on the harmony's word.
TEMPO_RATIOS = (2 / 3, 3 / 2)
# madmom's Viterbi keeps a (frames x states) table of 4-byte back-pointers although the bar fit uses
# only the best path's log-probability: one decode of a 9-minute file at 52 BPM took 1.6 GB. On a
# longer clip the meter and the beat level are chosen on its middle BAR_FIT_MAX_S (docs/benchmarks/analysis.md).
BAR_FIT_MAX_S = 120.0
# The bar fit reads the same log-probability from viterbi.best_log_probability (no back-pointers, about a fifth
# of madmom's time) where the decode is this big (frames x states of the four models: about 0.3 s in madmom);
# a smaller one stays madmom's, since numba's first use costs a fresh process about 1 s of CPU (ci72).
COMPILED_MIN_STATE_FRAMES = 40_000_000


def bar_fit(bar_activations: np.ndarray, tempo_bpm: float) -> dict[int, float]:
    """Log-probability of the downbeat tracker's best path for each meter, tempo within the span.

    As madmom's ``DBNDownBeatTrackingProcessor`` does: the frames from the first to the last
    activation over its threshold (their middle BAR_FIT_MAX_S where longer), one model per meter;
    the meter with the highest figure is the one it would report. Empty when no frame reaches the
    threshold.
    """
    from madmom.features.beats import threshold_activations
    from madmom.features.downbeats import DBNDownBeatTrackingProcessor

    tracker = DBNDownBeatTrackingProcessor(
        beats_per_bar=list(METERS),
        min_bpm=tempo_bpm * (1 - DOWNBEAT_TEMPO_SPAN),
        max_bpm=tempo_bpm * (1 + DOWNBEAT_TEMPO_SPAN),
        fps=FPS,
    )
    active, _ = threshold_activations(bar_activations, tracker.threshold)
    if not active.any():
        return {}
    excess = len(active) - round(BAR_FIT_MAX_S * FPS)
    if excess > 0:
        active = active[excess // 2 : excess // 2 + round(BAR_FIT_MAX_S * FPS)]
    if len(active) * sum(hmm.transition_model.num_states for hmm in tracker.hmms) < COMPILED_MIN_STATE_FRAMES:
        return {meter: float(hmm.viterbi(active)[1]) for meter, hmm in zip(METERS, tracker.hmms, strict=True)}
    return {meter: best_log_probability(hmm, active) for meter, hmm in zip(METERS, tracker.hmms, strict=True)}


def beat_level(bar_activations: np.ndarray, tempo_bpm: float) -> tuple[float, int, dict[int, float]]:
    """(tempo in BPM, beats per bar, the bar fit at that tempo): the beat tracker's tempo or a 3:2
    reading of it, whichever the downbeat tracker's model fits best, and that model's meter (4 and
    no fit when nothing fits)."""
    fits = {tempo_bpm: bar_fit(bar_activations, tempo_bpm)}
    if not fits[tempo_bpm]:
        return tempo_bpm, 4, {}
    for ratio in TEMPO_RATIOS:
        if BEAT_MIN_BPM <= tempo_bpm * ratio <= BEAT_MAX_BPM:
            fits[tempo_bpm * ratio] = bar_fit(bar_activations, tempo_bpm * ratio)
    level, meter = grid.likeliest_level(fits)
    return level, meter, fits[level]


def other_octave(
    bar_activations: np.ndarray,
    beats: np.ndarray,
    fit: dict[int, float],
    segments: list[ChordSegment],
    envelope: np.ndarray,
    bass_envelope: np.ndarray | None = None,
) -> tuple[np.ndarray, dict[int, float]]:
    """The beats and bar fit at twice or half the tracked tempo where the evidence says so
    (``levels``, ``meter.running_halves``), else those given; a backbeat on the tracked beats keeps
    them against the harmony's word (``meter.keeps_fast``). ``envelope``: levels.onset_envelope at
    FPS; ``bass_envelope``: the same below meter.BASS_MAX_HZ."""
    tempo = grid.tempo_from_beats(beats)
    if tempo is None or not fit:
        return beats, fit
    if 2 * tempo > BEAT_MAX_BPM:  # twice the tempo lies where the beat tracker cannot look
        twice = bar_fit(bar_activations, 2 * tempo)
        if twice and max(twice.values()) > max(fit.values()):
            return levels.doubled(beats), twice
    chord_beats = levels.median_chord_beats(segments, beats)
    share, divided = rules.division(envelope, FPS, beats)
    halve = levels.should_halve(tempo, chord_beats, BEAT_MIN_BPM) or rules.running_halves(
        tempo, share, divided, chord_beats
    )
    if halve and not rules.keeps_fast(envelope, bass_envelope, FPS, beats):
        # The bar keeps its beat count: the harmony said a bar is twice what the bar model saw
        # (at half the tempo that model sees the same short bars again: 2 beats at 40 BPM).
        return levels.halved(beats, grid.strength_at_beats(beats, bar_activations[:, 1], FPS)), fit
    return beats, fit


Alternatives = tuple[tuple[tuple[int, int], float], ...]


def bar_reading(
    envelope: np.ndarray,
    beats: np.ndarray,
    fit: dict[int, float],
    segments: list[ChordSegment],
    bar_activations: np.ndarray,
    bass_envelope: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, int, bool, float, Alternatives]:
    """(beats, downbeats, beats per bar, compound, confidence, meter alternatives): the bar tracker's
    meter (``levels.chosen_meter``), its bars then read again on the music's evidence (``meter``;
    ``envelope``: levels.onset_envelope at FPS; ``bass_envelope``: the same below meter.BASS_MAX_HZ,
    without which bars of four stay 4/4):
    the beat's division, the harmony's rhythm, the bass and the downbeat network's strength per beat. The
    confidence stays the bar model's share for its count of beats (the refit's where a bar was
    refitted); where a rule reads the bars again, the reading it replaced is listed with one minus
    the rule's evidence share (``meter``), beside the bar model's other counts."""
    tempo = grid.tempo_from_beats(beats) or 0.0
    if fit and tempo < levels.SEVEN_MIN_BPM and 2 * tempo <= BEAT_MAX_BPM:
        # Seven of these beats a bar are fourteen eighths: two bars of 7/8, its eighths counted in pairs.
        if levels.chosen_meter(fit, len(beats), 2 * tempo)[0] == 7:
            twice = bar_fit(bar_activations, 2 * tempo)
            if twice and levels.chosen_meter(twice, 2 * len(beats), 2 * tempo)[0] == 7:
                beats, fit = levels.doubled(beats), twice
                tempo = grid.tempo_from_beats(beats) or 0.0
    meter, confidence = levels.chosen_meter(fit, len(beats), tempo)
    candidates = [
        (levels.signature(m), levels.meter_confidence(fit, len(beats) / m, m))
        for m in fit
        if m != 7 or tempo >= levels.SEVEN_MIN_BPM
    ]
    changes = [c.start_s for c in segments[1:] if c.label != NO_CHORD]
    strength = grid.strength_at_beats(beats, bar_activations[:, 1], FPS)
    phase = grid.downbeat_phase(beats, meter, changes, strength)
    downbeats = beats[phase::meter]

    def done(
        grid_s: np.ndarray,
        first: int,
        count: int,
        compound: bool,
        sure: float,
        *others: tuple[tuple[int, int], float],
    ) -> tuple[np.ndarray, np.ndarray, int, bool, float, Alternatives]:
        signature = levels.signature(count, compound=compound)
        return (
            grid_s,
            grid_s[first::count],
            count,
            compound,
            sure,
            rules.alternatives(signature, [*candidates, *others]),
        )

    if meter not in (3, 4) or len(downbeats) < 2:
        return done(beats, phase, meter, False, confidence)
    share, divided = rules.division(envelope, FPS, beats)
    chord_beats = levels.median_chord_beats(segments, beats)
    simple = levels.signature(meter)
    if rules.triple(envelope, FPS, beats):
        if meter == 3:  # a 3/4 over triplets stays 3/4
            return done(beats, phase, 3, False, confidence, ((6, 8), 1.0 - share))
        return _compound(
            beats, segments, bar_activations, changes, confidence, [*candidates, (simple, 1.0 - share)]
        )
    if meter == 4:
        cues = (
            {}
            if bass_envelope is None
            else rules.two_four_cues(beats, phase, changes, envelope, bass_envelope, FPS)
        )
        share = rules.two_four(cues)
        if share > 0.5:  # the music repeats every two beats: two bars of 2/4 (the 4/4 it replaced listed)
            candidates = [c for c in candidates if c[0] != (4, 4)]
            return done(beats, phase % 2, 2, False, confidence, ((4, 4), 1.0 - share))
        return done(beats, phase, 4, False, confidence, ((2, 4), share))
    if rules.eighth_grouping(tempo, chord_beats, divided):
        return _compound(
            beats[phase::3], segments, bar_activations, changes, confidence, [*candidates, (simple, divided)]
        )
    accent = levels.compound_accent(envelope, FPS, beats, downbeats)
    accent_share = accent / (accent + levels.COMPOUND_ACCENT)  # 0.5 at the threshold
    if accent <= levels.COMPOUND_ACCENT:
        return done(beats, phase, 3, False, confidence, ((6, 8), accent_share))
    dotted = levels.dotted_beats(beats, downbeats)
    dotted_tempo = grid.tempo_from_beats(dotted)
    refit = bar_fit(bar_activations, dotted_tempo) if dotted_tempo else {}
    if refit and max(refit, key=lambda m: refit[m]) == 3:
        # Three of these "dotted quarters" make a bar: they are the quarters of a 3/4 over triplets
        # that the beat tracker counted at 3:2 (two triplet eighths a beat).
        sure = levels.meter_confidence(refit, len(dotted) / 3, 3)
        first = grid.downbeat_phase(
            dotted, 3, changes, grid.strength_at_beats(dotted, bar_activations[:, 1], FPS)
        )
        return done(dotted, first, 3, False, sure, ((6, 8), 1.0 - sure))
    return _compound(
        dotted, segments, bar_activations, changes, confidence, [*candidates, (simple, 1.0 - accent_share)]
    )


def _compound(
    dotted: np.ndarray,
    segments: list[ChordSegment],
    bar_activations: np.ndarray,
    changes: list[float],
    confidence: float,
    candidates: list[tuple[tuple[int, int], float]],
) -> tuple[np.ndarray, np.ndarray, int, bool, float, Alternatives]:
    """Dotted-quarter beats in bars of two (6/8) or, where the chords last four or more, four (12/8)."""
    meter = 4 if (levels.median_chord_beats(segments, dotted) or 0.0) >= levels.COMPOUND_CHORD_BEATS else 2
    strength = grid.strength_at_beats(dotted, bar_activations[:, 1], FPS)
    first = grid.downbeat_phase(dotted, meter, changes, strength)
    alternatives = rules.alternatives(levels.signature(meter, compound=True), candidates)
    return dotted, dotted[first::meter], meter, True, confidence, alternatives


def track_beats_near(beat_activation: np.ndarray, tempo_bpm: float) -> np.ndarray:
    """The beat tracker again, its tempo range narrowed to the downbeat tracker's span around ``tempo_bpm``."""
    from madmom.features.beats import DBNBeatTrackingProcessor

    tracker = DBNBeatTrackingProcessor(
        min_bpm=tempo_bpm * (1 - DOWNBEAT_TEMPO_SPAN), max_bpm=tempo_bpm * (1 + DOWNBEAT_TEMPO_SPAN), fps=FPS
    )
    return np.asarray(tracker(beat_activation), dtype=np.float64)
