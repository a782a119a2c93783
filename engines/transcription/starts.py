"""Bass: a struck low note's start placed nearer its onset peak.

A low note's onset map can swell from the note before (a jazz or muted guitar's, on a85's and a84's tune
sets: 0.44 -> 0.61 -> 0.45 over 12 frames) and peak 2-3 frames before the string is struck, so the climb to
``mono.RISE_SHARE`` of the peak lies about 60 ms early. A struck or plucked string shows itself in the audio:
its flux near the onset peak jumps to many times its median (on a87's tune sets, median over the notes: jazz
guitar 35, clean guitar 12, harp 11, koto 10; muted guitar 5, about half of them 6 or more), where a bowed or slow
note's (string ensembles, tremolo strings, pizzicato, trombone, bassoon, synth brass) is 1.4-2.3 (median)
and never reached 6 (at most 5.3); a slow note's start is where its climb begins. So a note with such an
attack starts at the first frame within ``STRUCK_SHARE`` of its onset peak; any other keeps the climb.

A bowed note is the other way round (a89): a slow bow (string ensemble 2 on a87's bowed set) speaks so slowly
that its onset map climbs over 10-30 frames and peaks 100-250 ms after the bow starts, and the climb to 0.75
of the peak lies late. Such a note shows no attack in the audio at all (flux under ``SLOW_ACCENT`` x its
median, where a blown or muted note's reaches 2-3), a long climb from 0.4 to 0.75 of its peak, and the model
hears it late too (its note map's run starts no more than ``SLOW_HEARD`` frames before the climb's start: a
synth brass note the model hears early does not move); it starts at ``SLOW_SHARE`` of its peak instead. Half
the peak overshot (a90: pizzicato's right notes and the held-out contrabass's moved 70-120 ms early); where
the climb leaves its floor, or the note map's run start, placed the start earlier still, or not at all.
"""

from __future__ import annotations

import numpy as np

STRUCK_SHARE = 0.95  # a struck low note starts within this share of its onset peak (not RISE_SHARE) ...
OWN_PEAK = 0.3  # ... where its onset peak is at least this high ...
STRUCK_ACCENT = 6.0  # ... and the audio's flux reaches this many times its median ...
ACCENT_BEFORE = 1  # ... from this many frames before the peak ...
ACCENT_AFTER = 6  # ... to this many after it
SLOW_CLIMB = 10  # a note with no struck attack whose onset map took this many frames ...
SLOW_SHARE = 0.6  # ... from 0.4 to 0.75 of its peak starts within this share of it (a slow bow; a90: not 0.5)
SLOW_REACH = 40  # frames before the peak searched for that climb
SLOW_ACCENT = 2.0  # ... where the audio's flux stays under this many times its median near the peak ...
SLOW_HEARD = 4  # ... and the note map's run began at most this many frames before the climb's start


def struck_start(
    onsets: np.ndarray, begin: int, peak: int, accents: np.ndarray | None, *, run: int | None = None
) -> int:
    """The start of a bass note whose onset map (``onsets``, its key's column) peaks at frame ``peak`` and
    whose climb to the peak begins at ``begin``: moved to STRUCK_SHARE of the peak for a struck note."""
    if accents is None or onsets[peak] < OWN_PEAK:
        return begin
    accent = float(accents[max(0, peak - ACCENT_BEFORE) : peak + ACCENT_AFTER + 1].max(initial=0.0))
    if accent < SLOW_ACCENT:
        return slow_start(onsets, begin, peak, run=begin if run is None else run)  # a bow's: no attack at all
    if accent < STRUCK_ACCENT:
        return begin  # no struck attack in the audio: a slow note
    edge = peak
    while edge > begin and onsets[edge - 1] >= STRUCK_SHARE * onsets[peak]:
        edge -= 1
    return edge


def _edge(onsets: np.ndarray, peak: int, share: float) -> int:
    """The first frame of the unbroken climb to ``peak`` within ``share`` of it (SLOW_REACH frames at most)."""
    edge, floor = peak, max(0, peak - SLOW_REACH)
    while edge > floor and onsets[edge - 1] >= share * onsets[peak]:
        edge -= 1
    return edge


def slow_start(onsets: np.ndarray, begin: int, peak: int, *, run: int) -> int:
    """The start of a note whose onset map climbed slowly to ``peak`` (SLOW_CLIMB frames or more from 0.4 to
    0.75 of it): the first frame within SLOW_SHARE of the peak, where that is before ``begin``."""
    if begin - run > SLOW_HEARD or _edge(onsets, peak, 0.75) - _edge(onsets, peak, 0.4) < SLOW_CLIMB:
        return begin
    return min(begin, _edge(onsets, peak, SLOW_SHARE))
