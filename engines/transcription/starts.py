"""Bass: a struck low note's start placed nearer its onset peak.

A low note's onset map can swell from the note before (a jazz or muted guitar's, on a85's and a84's tune
sets: 0.44 -> 0.61 -> 0.45 over 12 frames) and peak 2-3 frames before the string is struck, so the climb to
``mono.RISE_SHARE`` of the peak lies about 60 ms early. A struck or plucked string shows itself in the audio:
its flux near the onset peak jumps to many times its median (on a87's tune sets, median over the notes: jazz
guitar 35, clean guitar 12, harp 11, koto 10; muted guitar 5, about half of them 6 or more), where a bowed or slow
note's (string ensembles, tremolo strings, pizzicato, trombone, bassoon, synth brass) is 1.4-2.3 (median)
and never reached 6 (at most 5.3); a slow note's start is where its climb begins. So a note with such an
attack starts at the first frame within ``STRUCK_SHARE`` of its onset peak; any other keeps the climb.
"""

from __future__ import annotations

import numpy as np

STRUCK_SHARE = 0.95  # a struck low note starts within this share of its onset peak (not RISE_SHARE) ...
OWN_PEAK = 0.3  # ... where its onset peak is at least this high ...
STRUCK_ACCENT = 6.0  # ... and the audio's flux reaches this many times its median ...
ACCENT_BEFORE = 1  # ... from this many frames before the peak ...
ACCENT_AFTER = 6  # ... to this many after it


def struck_start(onsets: np.ndarray, begin: int, peak: int, accents: np.ndarray | None) -> int:
    """The start of a bass note whose onset map (``onsets``, its key's column) peaks at frame ``peak`` and
    whose climb to the peak begins at ``begin``: moved to STRUCK_SHARE of the peak for a struck note."""
    if accents is None or onsets[peak] < OWN_PEAK:
        return begin
    if (
        float(accents[max(0, peak - ACCENT_BEFORE) : peak + ACCENT_AFTER + 1].max(initial=0.0))
        < STRUCK_ACCENT
    ):
        return begin  # no struck attack in the audio: a bowed or slow note
    edge = peak
    while edge > begin and onsets[edge - 1] >= STRUCK_SHARE * onsets[peak]:
        edge -= 1
    return edge
