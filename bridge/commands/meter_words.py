"""A meter said inside another command (issue 44): "8 bars of chords in 6/8", "a beat in three
four", "a melody in waltz time" give ``meter_of(s) == "6/8"`` ("3/4", "3/4"); None when none is said.

The sentence is normalised (padded, numbers as digits, "6/8" as "6 8"). A bare "3 4" is a meter only
after "in" (or before "time"), so "bars 3 4" and "the 3 4 takes" are never one. Typed only: the
speech grammar says a meter with its own command ("switch the song to 6/8").
"""

from __future__ import annotations

import re

from bridge.commands.counts import NEW_PART, PART_FIRST

_TOPS = "2|3|4|5|6|7|9|12"
_METER = re.compile(
    rf" in ({_TOPS}) (2|4|8|16)(?: time| meter)? | ({_TOPS}) (2|4|8|16) time | in (waltz) time | as a (waltz) "
)
NAMED = {"waltz": "3/4"}


def meter_of(s: str) -> str | None:
    """The meter said in a normalised sentence as "N/D", or None."""
    m = _METER.search(s)
    if m is None:
        return None
    said = [g for g in m.groups() if g]
    return NAMED[said[0]] if said[0] in NAMED else f"{said[0]}/{said[1]}"


def without_meter(s: str) -> str:
    """``s`` with the meter said in it blanked ("a beat in 6/8 at 90 bpm": the tempo is 90, never 6)."""
    return _METER.sub(lambda m: " in _ _ " if m.group(0).startswith(" in ") else " _ _ ", s, count=1)


def made_in(s: str) -> bool:
    """Whether a meter said goes with a new part asked for ("make a melody in 3/4 time": the melody
    made in 3/4), not with the song's own meter ("put the song in 3/4")."""
    made = NEW_PART.search(s) or PART_FIRST.search(s)  # "melody in 3/4 time, 8 bars": a new one
    said = _METER.search(s)
    return made is not None and said is not None and said.start() >= made.end() - 1
