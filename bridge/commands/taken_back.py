"""A request taken back by another said after it (issue 55, round 38): only the later one is meant.

"make the bass softer, actually make it louder", "mute the keys, scratch that, solo them", "make the melody
busier, on second thought make it simpler", "mute the bass, never mind, solo it", "swing the hats, wait,
quantize them": ``fillers`` marks the words that take it back as a self-correction (``TAKEN_BACK``), and the
request after them takes the place of the one before. Only between two requests: the words are after a word of
the first (never at the sentence's start, where "scratch that" is an undo and "actually" a filler, nor after
"and" or "then", "... and actually swing them" is a second request), and before a request's own first word
(a verb, "just", "instead"; never "make that", a value's correction, nor a statement, "actually it's fine").
"""

from __future__ import annotations

import re

from bridge.commands import vocab as v

_WORDS = (
    r"(?:or |no |oh )?actually|scratch that|strike that|forget that|cancel that|never ?mind(?: that)?|"
    r"on second thoughts?|(?<=,) wait|change of plan"
)
_LEADS = (
    *v.GENERATE_VERBS,
    *v.CHANGE_VERBS,
    "bring",
    "take",
    "put",
    "lower",
    "raise",
    "just",
    "instead",
    "lets",
)
_LEAD = "|".join(sorted((re.escape(w) for w in _LEADS), key=len, reverse=True))
TAKEN_BACK = re.compile(
    rf"(?<=\w)(?<!\band)(?<!\bthen)[,.;]? (?:{_WORDS})\b[,.]?(?= (?!make that\b)(?:{_LEAD})\b)"
)
