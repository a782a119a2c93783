"""A single note, or the first or last few, named as what a change is for (issue 55): "remove the last note
of the melody", "delete that note", "take out the last two notes of the bass", "move the high note in the
chorus down". MuseAroo changes parts, bars and sections, never one note picked out of a clip, so such a
request is asked which bars should change, never read as the whole part (a learned reading of "remove"
cleared the whole melody). Notes in a bar ("remove the notes in bar 3") are that bar's, read as before.
Stdlib only."""

from __future__ import annotations

import re

from bridge.commands import vocab as v

_VERB = (
    r"(?:remove|delete|take out|cut|get rid of|drop|clear|mute|kill|lose|erase|fix|change|move|shift|nudge|"
    r"transpose|raise|lower|shorten|lengthen|tune|retune)"
)
_ONE = (
    r"(?:(?:the|that|this|one) (?:(?:last|first|final|top|bottom|highest|lowest|high|low|wrong|bad|sour|odd|weird|"
    r"second|third|2nd|3rd|long|short|extra|stray) )*note(?! values?| lengths?| durations?| names?)"
    r"|the (?:last|first|final) (?:\d+|two|three|four|few|couple of|couple) notes)"
)
_NOTES_NAMED = re.compile(rf" {_VERB}(?: \w+){{0,3}}? {_ONE}(?= )")
NOTE_QUESTION = (
    "(e.g. 'clear bar 8 of the {0}' or 'make the {0} simpler') MuseAroo changes whole parts, bars or "
    "sections, not one note: which bars should change?"
)
_PITCHED = ("melody", "bass", "chords")


def note_question(s: str) -> str | None:
    """The question for a normalised sentence (padded) that names single notes to change, or None; its
    examples name the part said ("the first note in the bass": the bass), else the melody."""
    if not _NOTES_NAMED.search(s):
        return None
    named = (v.PARTS[w] for w in sorted(v.PARTS, key=len, reverse=True) if f" {w} " in s)
    part = next((p for p in named if p in _PITCHED), "melody")
    return NOTE_QUESTION.format(part)
