"""Values typed with their unit joined, misspelt or in a dancer's count (issue 55), said as the parser
reads them: "4bars" is "4 bars", "120bmp" "120 bpm", "temp to 140" "tempo to 140", "4 eight-counts"
"8 bars" (an eight-count is 8 beats: 2 bars of 4/4; in another meter it is left as said, and asked)."""

from __future__ import annotations

import re

# a number with its unit typed onto it ("4bars", "120bmp"): the unit said apart, spelt as the parser's
JOINED = re.compile(r"\b(\d+)(bars?|measures?|bpms?|bmp)\b")
_UNITS = {"bpms": "bpm", "bmp": "bpm"}
# "temp" for the tempo only where a number follows it ("temp to 140", "temp 90"; a "temp track" is not)
TEMP = re.compile(r"\btemp(?= (?:to |at |of |is |= |on |around |about )?\d)")
# a dancer's count ("4 eight-counts", "an eight count"), read after the numbers are digits
EIGHT_COUNTS = re.compile(r" (\d+|an|a|one) 8 counts? ")
# a meter other than 4/4 said: an eight-count is then no whole number of bars
OTHER_METER = re.compile(r"\b(?:[235679]|1[0-2]) ?/? ?(?:4|8|16)\b|\bwaltz")


def unjoined(lowered: str) -> str:
    """``lowered`` (lower case, before the numbers are read) with a unit joined to its number said
    apart and "temp" before a number said as "tempo"."""
    apart = JOINED.sub(lambda m: f"{m.group(1)} {_UNITS.get(m.group(2), m.group(2))}", lowered)
    return TEMP.sub("tempo", apart)


def counts_as_bars(s: str) -> str:
    """``s`` (normalised, numbers as digits) with a count of eight-counts said as bars of 4/4 (two each)."""
    if OTHER_METER.search(s):
        return s
    return EIGHT_COUNTS.sub(lambda m: f" {2 * (int(m.group(1)) if m.group(1).isdigit() else 1)} bars ", s)
