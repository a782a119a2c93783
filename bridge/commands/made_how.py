"""How a new part should be, said with it (issue 55, round 34): "a sparse melody", "make a melody, keep it
sparse", "drums for the chorus, nothing too busy", "give me a bass line, keep it simple".

A new part is asked for where a verb of making comes right before an indefinite part ("make a melody",
"write a sparse melody", "give me some busy drums") or before a bare part whose clause ends before the
character is said ("make drums for the chorus, nothing too busy"). The character is then the new part's
dial (``spotting.DIAL_VALUES``), never a change to the part already there: "make the melody sparser" and
"make drums busier" stay changes. "not too" / "nothing too" turns the word's direction ("nothing too busy":
fewer notes)."""

from __future__ import annotations

import re

from bridge.commands import vocab as v

# a character word -> (dial, direction)
CHARACTER: dict[str, tuple[str, str]] = {
    **dict.fromkeys(("sparse", "minimal", "minimalist", "spacious", "sparing", "bare"), ("density", "down")),
    **dict.fromkeys(("busy", "dense", "packed", "full"), ("density", "up")),
    **dict.fromkeys(("simple", "plain", "basic"), ("complexity", "down")),
    **dict.fromkeys(("complex", "intricate", "complicated", "tricky", "fancy"), ("complexity", "up")),
    **dict.fromkeys(("energetic", "intense", "driving"), ("energy", "up")),
    **dict.fromkeys(("calm", "mellow", "gentle"), ("energy", "down")),
}
_TURNED = {"up": "down", "down": "up"}
_WORD = "|".join(sorted(CHARACTER, key=len, reverse=True))
_PART = "|".join(
    sorted((re.escape(p) for p in v.PARTS if v.PARTS[p] not in ("all", "song")), key=len, reverse=True)
)
_MAKE = (
    r"(?:make|write|create|generate|compose|build|program|give me|gimme|i want|i need|need|want|lets have"
    r"|let's have|come up with)"
)
_OPEN = r"(?:^|[.!?]\s+|\b(?:please|pls|can you|could you|would you|will you)\s+)"
# "make a sparse melody", "give me some busy drums", "a minimal bass line for the verse"
_BEFORE = re.compile(
    rf"(?:\b{_MAKE}\s+(?:me\s+|us\s+)?|{_OPEN})(?:a|an|some|another|a new|new)\s+"
    rf"(?:(?:really|very|pretty|quite|fairly|nice|super)\s+)?({_WORD})(?:\s+and\s+\w+)?\s+(?:{_PART})s?\b"
)
# "make a melody, keep it sparse", "make drums for the chorus, nothing too busy"
_AFTER = re.compile(
    rf"(?:\b{_MAKE}\s+(?:me\s+|us\s+)?|{_OPEN})(?:a\s+|an\s+|some\s+|a new\s+|new\s+)?"
    rf"(?:(?!the\b|my\b|this\b|that\b|these\b|those\b|our\b|it\b|them\b)\w+\s+){{0,3}}?"
    rf"(?:{_PART})s?\b[^,;:.!?]*[,;:.!?-]+\s*(?:but\s+|and\s+|just\s+)?"
    rf"(?:keep\s+(?:it|them|things)\s+|make\s+(?:it|them)\s+|(nothing|not)\s+(?:too\s+|overly\s+)?)"
    rf"(?:(?:really|very|pretty|quite|fairly|nice and|super)\s+)?({_WORD})\b"
)


# how plain a new part should be, said after it with no verb of making, its bars counted ("8 bars of drums for
# verse 2, keep it minimal", "keep them simple", "keep it sparse"): read on the normalised, padded sentence
_KEPT_PLAIN = re.compile(
    r" keep (?:it|them|this|things|everything) (?:really |pretty |quite |very |nice and )?(?:minimal|simple|sparse)(?= )"
)
BARS_SAID = re.compile(r" \d+ (?:bars?|measures?) ")  # a count of bars, not a recurrence


def kept_plain(s: str) -> bool:
    """Whether the normalised sentence ``s`` counts a new part's bars and says after it how plain it should be
    ("8 bars of drums for verse 2, keep it minimal"); a complaint before it is the caller's to rule out."""
    return _KEPT_PLAIN.search(s) is not None and BARS_SAID.search(s) is not None


def dial(heard: str) -> tuple[str, str] | None:
    """(dial, direction) of a new part's character said with it (module docstring), else None."""
    said = heard.lower()
    if (before := _BEFORE.search(said)) is not None:
        return CHARACTER[before.group(1)]
    if (after := _AFTER.search(said)) is not None:
        name, direction = CHARACTER[after.group(2)]
        return (name, _TURNED[direction]) if after.group(1) else (name, direction)
    return None
