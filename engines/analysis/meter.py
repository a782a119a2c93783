"""Evidence for how a bar's beats are grouped and divided: 3/4 against 6/8, 4/4 against 12/8 and 2/4.

The beat tracker and the bar tracker find a beat and a number of beats a bar; whether that beat is
a quarter or a dotted quarter, and whether a "bar of four" is two bars of 2/4, is read here from
the music itself (issue 32; BENCHMARKS.md, "Meter, Live's tempo, chords and keys"):

- ``triple_share``: inside each beat, the onsets at its thirds against its half. A dotted-quarter
  beat (6/8, 12/8) and a 3/4 quarter over triplets divide in three; a plain quarter in two.
- Four beats a bar that divide in three are 12/8 (chords lasting a bar of four or more) or two bars
  of 6/8; three beats a bar that divide in three stay 3/4 (a waltz over triplets is no 6/8).
- Three fast beats a bar that do not divide (``EIGHTH_MIN_BPM``) under chords lasting two such bars
  or more are the eighths of 6/8 (or 12/8): a dotted-quarter pulse of three of them.
- Four beats a bar whose third beat is nearly as strong a downbeat as its first, under chords
  changing every two beats, list 2/4 as the alternative (``two_four``), not as the reading: rendered
  polkas and 4/4 piano pieces with two chords a bar give the same cues (ratios 0.48 to 0.92 and
  0.61 to 0.99), so the bar tracker's four stands.

- Fast tracked beats divided evenly by onsets as strong as their own, under long chords, are the
  eighths of running sixteenths at half the tempo (``running_halves``).

Each decision keeps the reading it replaced as a ``meter_alternatives`` entry.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np

# A beat divides in three when the onsets at its thirds carry this share of thirds + half.
TRIPLE_SHARE = 0.6
# A beat "does not divide" when neither its thirds nor its half reach this share of its onset (on the
# meter set: 0.09 and 0.10 where nothing sounds between the beats, 0.31 and up where it does).
UNDIVIDED = 0.2
# Three undivided beats a bar at this tempo or above, chords lasting a bar and a half or more: 6/8 eighths.
EIGHTH_MIN_BPM = 165.0
EIGHTH_CHORD_BEATS = 4.5
# ... "undivided" there up to this division strength: at 240 BPM the window around a beat's thirds
# takes in the sound still ringing (a 12/8 shuffle's eighths tracked at 240: 0.22 and 0.28).
EIGHTH_DIVISION_MAX = 0.35
# 2/4 is named as an alternative where the chords last between these many beats (a chord a 2/4 bar).
TWO_FOUR_CHORD_BEATS = (1.5, 2.5)
# Running sixteenths read as eighths at twice the tempo (issue 32): piano sixteenths at 72 and 84
# tracked at 144 and 168 divide at 0.94 and 1.03 of the beats' onset; a rendered 4/4 at 150
# with eighth hats 0.34, a piano 4/4 at 150 0.12.
RUNNING_MIN_BPM, RUNNING_MIN_HALF_BPM, RUNNING_DIVISION, RUNNING_CHORD_BEATS = 140.0, 60.0, 0.8, 3.5
MAX_ALTERNATIVES, ALTERNATIVE_MIN = 2, 0.05
# levels.onset_envelope's frame i spans the 2048 samples from i / fps: a note's rise peaks 3 to 4
# frames (at 100 fps and 44.1 kHz) before its onset (synthetic notes at known times).
ENVELOPE_LEAD_S = 0.035


def _at(envelope: np.ndarray, fps: float, t: float, reach: int = 2) -> float:
    frame = round((t - ENVELOPE_LEAD_S) * fps)
    window = envelope[max(0, frame - reach) : frame + reach + 1]
    return float(window.max()) if len(window) else 0.0


def division(envelope: np.ndarray, fps: float, beats_s: np.ndarray) -> tuple[float, float]:
    """(triple share, division strength) of the beats: the median onset strength at each beat's
    thirds (the weaker of the two) and at its half; the share is thirds / (thirds + half), the strength
    the larger of the two over the median strength on the beats (0 when nothing sounds there)."""
    beats = np.asarray(beats_s, dtype=np.float64)
    if len(beats) < 3:
        return 0.5, 0.0
    thirds, halves, ons = [], [], []
    for start, end in itertools.pairwise(beats):
        span = end - start
        # the weaker third: a swung eighth sounds on the second third only (swung 4/4 is no 12/8)
        thirds.append(min(_at(envelope, fps, start + span / 3), _at(envelope, fps, start + 2 * span / 3)))
        halves.append(_at(envelope, fps, start + span / 2))
        ons.append(_at(envelope, fps, start))
    third, half, on = float(np.median(thirds)), float(np.median(halves)), float(np.median(ons))
    share = third / (third + half) if third + half > 0 else 0.5
    return share, (max(third, half) / on if on > 0 else 0.0)


def triple(envelope: np.ndarray, fps: float, beats_s: np.ndarray) -> bool:
    """Whether the beats divide in three (TRIPLE_SHARE) with onsets there (UNDIVIDED)."""
    share, strength = division(envelope, fps, beats_s)
    return share >= TRIPLE_SHARE and strength >= UNDIVIDED


def undivided(envelope: np.ndarray, fps: float, beats_s: np.ndarray) -> bool:
    """Whether nothing sounds between the beats (their eighths: the beat is the smallest value)."""
    return division(envelope, fps, beats_s)[1] < UNDIVIDED


def eighth_grouping(tempo_bpm: float, chord_beats: float | None, divided: float) -> bool:
    """Whether three undivided beats a bar (``divided``: ``division``'s strength) are the eighths
    of a compound meter (module docstring)."""
    return (
        divided < EIGHTH_DIVISION_MAX
        and tempo_bpm >= EIGHTH_MIN_BPM
        and (chord_beats or 0.0) >= EIGHTH_CHORD_BEATS
    )


def two_four(downbeat_strength: np.ndarray, phase: int, chord_beats: float | None) -> float:
    """How much a bar of four beats (first downbeat at ``phase``) reads as two bars of 2/4: the
    weaker of beats one and three as a downbeat (downbeat network) over the stronger, where the
    chords change every two beats (TWO_FOUR_CHORD_BEATS); 0 where they do not."""
    strength = np.asarray(downbeat_strength, dtype=np.float64)
    ones, threes = strength[phase::4], strength[(phase + 2) % 4 :: 4]
    low, high = TWO_FOUR_CHORD_BEATS
    if len(ones) < 2 or len(threes) < 2 or chord_beats is None or not low <= chord_beats <= high:
        return 0.0
    one, three = float(np.mean(ones)), float(np.mean(threes))
    return min(one, three) / max(one, three) if max(one, three) > 0 else 0.0


def running_halves(tempo_bpm: float, share: float, divided: float, chord_beats: float | None) -> bool:
    """Whether fast tracked beats are the eighths of a slow piece in running sixteenths: an even
    stream at twice the tracked rate as strong as the beats themselves (RUNNING_DIVISION), under
    chords lasting RUNNING_CHORD_BEATS tracked beats or more, and half the tempo still a beat
    (RUNNING_MIN_HALF_BPM)."""
    return (
        tempo_bpm >= RUNNING_MIN_BPM
        and tempo_bpm / 2 >= RUNNING_MIN_HALF_BPM
        and divided >= RUNNING_DIVISION
        and share < 1 - TRIPLE_SHARE
        and (chord_beats or 0.0) >= RUNNING_CHORD_BEATS
    )


def alternatives(
    chosen: tuple[int, int], candidates: Sequence[tuple[tuple[int, int], float]]
) -> tuple[tuple[tuple[int, int], float], ...]:
    """The other readings worth naming: the best confidence per signature other than ``chosen``,
    at least ALTERNATIVE_MIN, likeliest first, at most MAX_ALTERNATIVES."""
    best: dict[tuple[int, int], float] = {}
    for signature, confidence in candidates:
        if signature != chosen and confidence >= ALTERNATIVE_MIN:
            best[signature] = max(confidence, best.get(signature, 0.0))
    ranked = sorted(best.items(), key=lambda item: -item[1])[:MAX_ALTERNATIVES]
    return tuple((sig, round(conf, 4)) for sig, conf in ranked)
