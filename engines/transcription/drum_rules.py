"""After the drum classifier: an open hat it all but said, told by its high band's ring (issue 54, branch
a60). A hi-hat struck together with a kick or a snare is often missed as an open hat (the net names the
louder drum); where the net's open-hat probability is just under its threshold and the 5-11 kHz band
still rings well after the hit, the hit is called open (and, by the rule's choice, not closed). The rule
is fitted on the training kits' out-of-fold calls (tools/bench/drum_after) and shipped in
``drum_model.json`` as the array ``open_from_ring``: the least open-hat probability, the ring measure
(an index into ``RING_MEASURES``), the value it must lie beyond and on which side (+1 above, -1 below),
what must be said with it (an index into ``WITH``), and whether the closed hat is dropped (1) or kept (0).
The array may hold several such rows, applied in order (drums.after_net). The second row (issue 54,
branch a63, chosen on the tuning sources, not fitted) is for a hat choked early by the next closed one:
said closed, the net's open-hat probability at least 0.03, its high band falling slower than 9 log10 a
second (nine in ten lone closed hats on MuseScore's and csound's kits fall faster than 13), it is called open.

A second kind of rule (issue 54, branch a65), ``snare_without_body``: a snare the net said without being
sure, on a hit whose body did not sound, is dropped. Real sampled kits' hats carry a little of the snare's
wires and room, and the net names many such hats snares (on Hydrogen's real kits 275 false snares for 348
true); a struck snare's 160-300 Hz band jumps at the attack and its 150-400 Hz body grows on for tens of
milliseconds, a hat's hardly; a clap (a snare voice too) has neither but sounds at 1.2-2.5 kHz. The
array: the snare probability the call must be under; the 160-300 Hz rise at the attack over the frames
before it (log10 energy, hit_features' column ``BODY_RISE_COLUMN``), drum_timbre's ``body_fall`` (the
150-400 Hz level 25-50 ms after the hit less that of its first 25 ms) and the 1.2-2.5 kHz band at the
attack against its loudest band (log10, column ``MID_SHAPE_COLUMN``), each of which must be under its value.

A third (issue 54, branch a68), ``hat_where_unnamed``: a hit the net named nothing at is a hi-hat. The onsets
are found generously and the net drops the empty ones, but on real sampled kits the hits it leaves unnamed
are nearly all struck (Hydrogen's kits: 152 of 155), most of them hats the net gave little to (91 open, 47
closed). Where the larger of its two hat probabilities is at least the array's first value and at least its
ride probability, the hit is an open hat if its high band falls slower than the second value (drum_timbre's
``high_decay_per_s``, a63's bar), else a closed one.

A fourth (issue 54, branch a69), ``tom_like_kick``: a tom said on a hit that sounds like the clip's own
kick is that kick. On real sampled kits most false toms are kicks (Hydrogen's: 44 of 60 false toms said
with a kick, csound's 33 of 99), the net's tom and kick both reading a low body that rings. A kit plays
one kick many times in a clip, and a tom sits at a pitch of its own: each hit's 40-600 Hz spectrum over
12-70 ms after it (log10, against its own loudest bin, floored at ``LOW_FLOOR``) is set beside the median
of the clip's hits said kick and not tom (at least ``LEAST_KICKS``); a tom said where the mean distance
is under the array's one value is dropped, and the hit called a kick.

A fifth (issue 54, branch a72), ``snare_without_wires``: a snare said with a kick whose attack has next to
nothing at 1.2-2.5 kHz is the kick and a hat. On real sampled kits a kick's body under a closed hat's noise
reads to the net as a snare (Hydrogen's kits: 55 of their 162 false snares are a kick and a closed hat said
kick and snare), while a snare's wires sound in that band: among hits said kick and snare, the band at the
attack against its loudest band (hit_features' ``MID_SHAPE_COLUMN``, log10) is -2.97 / -2.28 / -1.86
(10th / 50th / 90th percentile) where no snare was played, -2.08 / -1.17 / -0.06 where one was. The array:
the level the band must be under, and the snare probability the call must be under."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

KICK, SNARE, CLOSED, OPEN, RIDE = 0, 1, 2, 3, 4
# hit_features' columns: the 5-11 kHz bands' level 150-300 ms after the hit against the attack, how long
# the high bands ring, those bands' fall per second; drum_timbre's high_decay_per_s is read apart
RING_MEASURES = ("high_ring", "high_ring_s", "high_decay_per_s", "high_fall")
WITH = ("any", "kick_or_snare", "closed")
BAND_MEASURES: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "high_ring": lambda bands: bands[:, 34:36].mean(axis=1),
    "high_ring_s": lambda bands: bands[:, 46],
    "high_fall": lambda bands: bands[:, 43:45].mean(axis=1),
}
TIMBRE_MEASURE = "high_decay_per_s"
BODY_RISE_COLUMN = 9 + 2  # hit_features: the attack's rise over the frames before it, the 160-300 Hz band
BODY_FALL_MEASURE = "body_fall"
MID_SHAPE_COLUMN = 5  # hit_features: the attack's 1.2-2.5 kHz band against its loudest band


def said_with(calls: np.ndarray, which: str) -> np.ndarray:
    """Hits whose calls hold what the rule asks to be said with the open hat."""
    if which == "kick_or_snare":
        return np.asarray(calls[:, KICK] | calls[:, SNARE])
    if which == "closed":
        return np.asarray(calls[:, CLOSED])
    if which == "any":
        return np.ones(len(calls), dtype=bool)
    raise ValueError(f"open_from_ring: {which!r} is none of {WITH}")


def ringing_open(
    probability: np.ndarray, measure: np.ndarray, calls: np.ndarray, rule: np.ndarray
) -> np.ndarray:
    """Hits the rule calls open: no open hat said, its probability at least the rule's, the measure beyond
    its value on its side, and what the rule asks said with it."""
    least, _measure, beyond, side, which = (float(v) for v in rule[:5])
    if side not in (1.0, -1.0):
        raise ValueError(f"open_from_ring: side {side} is neither +1 nor -1")
    return (
        ~calls[:, OPEN]
        & (probability >= least)
        & (side * (measure - beyond) > 0)
        & said_with(calls, WITH[int(which)])
    )


def open_from_ring(
    probabilities: np.ndarray, calls: np.ndarray, measure: np.ndarray, rule: np.ndarray
) -> np.ndarray:
    """``calls`` with the rule's open hats added (closed hats dropped on them where it says so)."""
    opened = ringing_open(probabilities[:, OPEN], measure, calls, rule)
    calls = calls.copy()
    if rule[5]:
        calls[opened, CLOSED] = False
    calls[opened, OPEN] = True
    return calls


def measure_name(rule: np.ndarray) -> str:
    index = int(rule[1])
    if not 0 <= index < len(RING_MEASURES):
        raise ValueError(f"open_from_ring: measure {index} is not an index into {RING_MEASURES}")
    return RING_MEASURES[index]


def snare_without_body(
    probabilities: np.ndarray, calls: np.ndarray, features: np.ndarray, fall: np.ndarray, rule: np.ndarray
) -> np.ndarray:
    """``calls`` less the snares the rule drops: a snare said with a probability under the rule's first
    value on a hit whose body rise, body growth (``fall``) and mid band all lie under the rule's others
    (``features``: hit_features' columns, the rise and the mid band read from them)."""
    if len(rule) != 4:
        raise ValueError(f"snare_without_body: {len(rule)} values, expected 4 (probability, rise, fall, mid)")
    most, rise_under, fall_under, mid_under = (float(v) for v in rule)
    drop = calls[:, SNARE] & (probabilities[:, SNARE] < most) & (fall < fall_under)
    drop &= (features[:, BODY_RISE_COLUMN] < rise_under) & (features[:, MID_SHAPE_COLUMN] < mid_under)
    calls = calls.copy()
    calls[drop, SNARE] = False
    return calls


def snare_without_wires(
    probabilities: np.ndarray, calls: np.ndarray, features: np.ndarray, rule: np.ndarray
) -> np.ndarray:
    """``calls`` less the snares said with a kick where the snare's probability is under the rule's second
    value and the attack's 1.2-2.5 kHz band (``features``' mid column, log10 against its loudest band) under
    its first: a kick's body under a hat's noise reads as a snare, but a snare's wires sound in that band."""
    if len(rule) != 2:
        raise ValueError(
            f"snare_without_wires: {len(rule)} values, expected 2 (mid band under, probability under)"
        )
    mid_under, most = (float(v) for v in rule)
    drop = calls[:, SNARE] & calls[:, KICK] & (probabilities[:, SNARE] < most)
    drop &= features[:, MID_SHAPE_COLUMN] < mid_under
    calls = calls.copy()
    calls[drop, SNARE] = False
    return calls


def hat_where_unnamed(
    probabilities: np.ndarray, calls: np.ndarray, decay: np.ndarray, rule: np.ndarray
) -> np.ndarray:
    """``calls`` with a hat said on each hit where nothing is said, the larger hat probability is at least the
    rule's first value and the ride's: open where ``decay`` (log10 a second) lies above its second, else closed."""
    if len(rule) != 2:
        raise ValueError(f"hat_where_unnamed: {len(rule)} values, expected 2 (hat probability, ring above)")
    least, ring_above = (float(v) for v in rule)
    hat = np.maximum(probabilities[:, CLOSED], probabilities[:, OPEN])
    unnamed = ~calls.any(axis=1) & (hat >= least) & (hat >= probabilities[:, RIDE])
    rings = decay > ring_above
    calls = calls.copy()
    calls[unnamed & rings, OPEN] = True
    calls[unnamed & ~rings, CLOSED] = True
    return calls


LOW_HZ = (40.0, 600.0)  # tom_like_kick: the band a kick's and a tom's bodies sound in ...
LOW_FRAMES = (2, 12)  # ... read over these frames after the hit (12-70 ms at 128 samples a frame)
LOW_FLOOR = -4.0  # log10 below the hit's loudest bin: quieter bins count as this
LEAST_KICKS = 2  # a clip with fewer hits said kick (and not tom) has no kick to compare with
TOM = 6


def low_shapes(power: np.ndarray, freqs_hz: np.ndarray, frames: np.ndarray) -> np.ndarray:
    """(hits, bins) each hit's LOW_HZ spectrum over LOW_FRAMES after its frame, log10 against its loudest bin."""
    band = (freqs_hz >= LOW_HZ[0]) & (freqs_hz < LOW_HZ[1])
    low = power[band]
    shapes = np.zeros((len(frames), int(band.sum())))
    for i, f in enumerate(frames):
        span = low[:, int(f) + LOW_FRAMES[0] : int(f) + LOW_FRAMES[1]]
        if span.size:
            shapes[i] = np.log10(span.mean(axis=1) + 1e-10)
    return np.maximum(shapes - shapes.max(axis=1, keepdims=True), LOW_FLOOR)


def tom_like_kick(calls: np.ndarray, shapes: np.ndarray, rule: np.ndarray) -> np.ndarray:
    """``calls`` with each tom whose ``shapes`` row lies within the rule's one value (mean absolute log10
    distance) of the clip's kick (the median row of the hits said kick and not tom) called a kick instead."""
    if len(rule) != 1:
        raise ValueError(f"tom_like_kick: {len(rule)} values, expected 1 (distance to the clip's kick)")
    kicks = calls[:, KICK] & ~calls[:, TOM]
    if kicks.sum() < LEAST_KICKS:
        return calls
    distance = np.abs(shapes - np.median(shapes[kicks], axis=0)).mean(axis=1)
    like = calls[:, TOM] & (distance < float(rule[0]))
    calls = calls.copy()
    calls[like, TOM] = False
    calls[like, KICK] = True
    return calls
