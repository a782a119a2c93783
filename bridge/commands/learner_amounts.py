"""A learner's prepositions and counts (issue 55, round 39), said as the parser reads them.

Many tongues say a change's amount with their "with" ("the bass down with two semitones", "speed it up with
4 bpm": Romanian "cu", German "um", French "de"): "with" before a number and a unit of pitch is "by", and
before a tempo's once a change is said (a length, "with 4 bars", and a tempo, "with 124 bpm", stay). Read on the padded sentence of digits. ("for more 8 bars" and "one
eighth later" were read already: ``counts``, ``plain_words``.)
"""

from __future__ import annotations

import re

_UNITS = (
    r"(?:semitones?|half ?steps?|whole steps?|steps?|tones?|octaves?|cents?)"  # a pitch's: always a change
)
_WITH_AMOUNT = re.compile(rf" with (\d+(?:\.\d+)? {_UNITS}) ")
# a tempo's said with "with" is a change only after a word of one ("speed up ... with 4 bpm"); else it is the
# tempo itself ("all the parts, techno, with 124 bpm")
_WITH_TEMPO = re.compile(
    r"( (?:up|down|faster|slower|speed|slow|raise|lower|increase|decrease|drop|push|bring|pull|higher)\b.*?)"
    r" with (\d+(?:\.\d+)? (?:bpm|percent)) "
)


def amounts_read(s: str) -> str:
    """``s`` (the padded sentence) with a learner's "with" before an amount said "by"."""
    return _WITH_TEMPO.sub(r"\1 by \2 ", _WITH_AMOUNT.sub(r" by \1 ", s))
