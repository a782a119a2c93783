"""Evidence for how a bar's beats are grouped and divided: 3/4 against 6/8, 4/4 against 12/8 and 2/4.

The beat tracker and the bar tracker find a beat and a number of beats a bar; whether that beat is
a quarter or a dotted quarter, and whether a "bar of four" is two bars of 2/4, is read here from
the music itself (issue 32; docs/benchmarks/analysis.md, "Meter, Live's tempo, chords and keys"):

- ``triple_share``: inside each beat, the onsets at its thirds against its half. A dotted-quarter
  beat (6/8, 12/8) and a 3/4 quarter over triplets divide in three; a plain quarter in two.
- Four beats a bar that divide in three are 12/8 (chords lasting a bar of four or more) or two bars
  of 6/8; three beats a bar that divide in three stay 3/4 (a waltz over triplets is no 6/8).
- Three fast beats a bar that do not divide (``EIGHTH_MIN_BPM``) under chords lasting two such bars
  or more are the eighths of 6/8 (or 12/8): a dotted-quarter pulse of three of them.
- Four beats a bar are two bars of 2/4 only where the music repeats every two beats
  (``two_four``): chords changing on beat three as often as on beat one and seldom on two or four,
  the bass on one and three alike and not on two and four (the polka's oom-pah), beats one and three
  accented alike. A 4/4 with one chord a bar, a walking bass or a bass weaker on three stays 4/4.

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
# 2/4 against 4/4 (issue 32), per phase of the bar of four (docs/benchmarks/analysis.md, "Meter, Live's tempo"):
# on the meter set's polkas chords change on 0.43 to 1.0 of beats one and three (the same share on
# both within 0.75), never on two and four; a 4/4 with a chord a bar changes on three never, the
# generated jazz songs (two chords a bar, walking bass) on 0.33 to 0.75 of threes.
TWO_FOUR_CHANGES, TWO_FOUR_CHANGE_BALANCE, TWO_FOUR_OFF_GRID = 0.4, 0.6, 0.25
CHANGE_REACH = 0.25  # a chord change is on a beat within this share of a beat period
# The bass (onsets below BASS_MAX_HZ: bass notes and kick, not the piano's chords from G3 up) on
# three at least BASS_BALANCE of one, and on two and four at most 1 - BASS_CONTRAST of one and three:
# polkas 0.91 to 1.0 and 0.68 to 0.84; a walking bass (the generated jazz songs) 0.85 to 0.93 and 0 to 0.07.
BASS_MAX_HZ, TWO_FOUR_BASS_BALANCE, TWO_FOUR_BASS_CONTRAST = 160.0, 0.8, 0.5
# Onsets (every instrument) on three at least this share of those on one (polkas 0.88 to 0.99).
TWO_FOUR_ACCENT_BALANCE = 0.75
# Running sixteenths read as eighths at twice the tempo (issue 32): piano sixteenths at 72 and 84
# tracked at 144 and 168 divide at 0.94 and 1.03 of the beats' onset; a rendered 4/4 at 150
# with eighth hats 0.34, a piano 4/4 at 150 0.12.
RUNNING_MIN_BPM, RUNNING_MIN_HALF_BPM, RUNNING_DIVISION, RUNNING_CHORD_BEATS = 140.0, 60.0, 0.8, 3.5
MAX_ALTERNATIVES, ALTERNATIVE_MIN = 2, 0.05
# A backbeat at the tracked level keeps a fast tempo (issue 32): the onsets above the bass
# (envelope less bass envelope: snare, hats, chords) on every other beat at least BACKBEAT_SNARE of
# those on the beats between, and the bass there no stronger than on the beats between (the kick
# not under the snare). Rendered drum-and-bass at 174, tracked at 176.5: 1.66 to 1.71 and 1.14 to
# 2.16; techno at 130 1.16, blues at 96 1.21; a half-time groove tracked at twice its tempo has
# kick and snare on the same beats (trap at 140: 1.5 but 0.21).
BACKBEAT_SNARE, BACKBEAT_BASS = 1.4, 1.0
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


def _balance(a: float, b: float) -> float:
    return min(a, b) / max(a, b) if max(a, b) > 0 else 0.0


def two_four_cues(
    beats_s: np.ndarray,
    phase: int,
    changes_s: Sequence[float],
    envelope: np.ndarray,
    bass_envelope: np.ndarray,
    fps: float,
) -> dict[str, float]:
    """What says a bar of four beats (first downbeat at ``phase``) is two bars of 2/4, each 0..1:
    ``changes`` (the share of beats one and three with a chord change), ``change_balance`` (on three
    against on one), ``off_grid`` (changes on two and four against those on one and three),
    ``bass_balance`` and ``bass_contrast`` (bass onsets on three against one; one minus those on two
    and four against one and three) and ``accent_balance`` (every onset, three against one)."""
    beats = np.asarray(beats_s, dtype=np.float64)
    if len(beats) < 8:
        return {}
    period = float(np.median(np.diff(beats)))
    changed = np.zeros(len(beats))
    for t in changes_s:
        i = int(np.argmin(np.abs(beats - t)))
        if abs(beats[i] - t) <= CHANGE_REACH * period:
            changed[i] = 1.0
    position = (np.arange(len(beats)) - phase) % 4
    bass = np.array([_at(bass_envelope, fps, t) for t in beats])
    onsets = np.array([_at(envelope, fps, t) for t in beats])
    c = [float(np.mean(changed[position == k])) for k in range(4)]
    b, a = ([float(np.median(x[position == k])) for k in range(4)] for x in (bass, onsets))
    on_grid = (c[0] + c[2]) / 2
    return {
        "changes": on_grid,
        "change_balance": _balance(c[0], c[2]),
        "off_grid": min(1.0, (c[1] + c[3]) / 2 / on_grid) if on_grid > 0 else 1.0,
        "bass_balance": _balance(b[0], b[2]),
        "bass_contrast": max(0.0, 1.0 - (b[1] + b[3]) / (b[0] + b[2])) if b[0] + b[2] > 0 else 0.0,
        "accent_balance": _balance(a[0], a[2]),
    }


def two_four(cues: dict[str, float]) -> float:
    """The evidence share (0..1) that bars of four are two bars of 2/4, from ``two_four_cues``: its
    weakest cue, each as value / (value + threshold) (the off-grid changes as threshold / (value +
    threshold)), so 0.5 where that cue sits on its threshold: above 0.5 every cue is past its own and
    the evidence is clear. 0 without cues."""
    if not cues:
        return 0.0
    thresholds = {
        "changes": TWO_FOUR_CHANGES,
        "change_balance": TWO_FOUR_CHANGE_BALANCE,
        "bass_balance": TWO_FOUR_BASS_BALANCE,
        "bass_contrast": TWO_FOUR_BASS_CONTRAST,
        "accent_balance": TWO_FOUR_ACCENT_BALANCE,
    }
    shares = [cues[name] / (cues[name] + low) for name, low in thresholds.items()]
    shares.append(TWO_FOUR_OFF_GRID / (cues["off_grid"] + TWO_FOUR_OFF_GRID))
    return min(shares)


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


def backbeat(
    envelope: np.ndarray, bass_envelope: np.ndarray, fps: float, beats_s: np.ndarray
) -> tuple[float, float]:
    """(snare, bass): the median onset strength above the bass on the stronger of the two alternate
    beat sets over that on the other, and the bass on the other set over that under the stronger
    (1.0, 1.0 without four beats)."""
    beats = np.asarray(beats_s, dtype=np.float64)
    n = min(len(envelope), len(bass_envelope))
    if len(beats) < 4 or n == 0:
        return 1.0, 1.0
    upper_env = np.maximum(envelope[:n] - bass_envelope[:n], 0.0)
    upper = np.array([_at(upper_env, fps, t) for t in beats])
    bass = np.array([_at(bass_envelope[:n], fps, t) for t in beats])
    sets = [(float(np.median(upper[p::2])), float(np.median(bass[p::2]))) for p in (0, 1)]
    (up_weak, bass_weak), (up_strong, bass_strong) = sorted(sets)
    return _ratio(up_strong, up_weak), _ratio(bass_weak, bass_strong)


def _ratio(a: float, b: float) -> float:
    """a / b; 1.0 when both are silent, infinite over silence."""
    if b > 0:
        return a / b
    return float("inf") if a > 0 else 1.0


def keeps_fast(
    envelope: np.ndarray, bass_envelope: np.ndarray | None, fps: float, beats_s: np.ndarray
) -> bool:
    """Whether a backbeat on the tracked beats (``backbeat``: BACKBEAT_SNARE, BACKBEAT_BASS) says they
    are the beat, not its eighths: a snare on two and four with the kick elsewhere."""
    if bass_envelope is None:
        return False
    snare, bass = backbeat(envelope, bass_envelope, fps, beats_s)
    return snare >= BACKBEAT_SNARE and bass >= BACKBEAT_BASS


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
