"""How many times, how many goes: the counts a sentence says around its command (issue 55).

- "undo that like three times", "ctrl z it a couple of times", "redo that twice": ``times_said``;
- "gimme 4 more goes at the melody", "two more tries on the chords", "have 3 stabs at it":
  ``GOES`` (the takes a Vary makes; group 1 the count).

Sentences are normalised (``normalize``): padded, lower case, numbers as digits. Stdlib only.
"""

from __future__ import annotations

import re

from bridge.commands import vocab as v

# a hedge before the number is no part of it: "like three times", "about 4 times", "maybe twice"
_HEDGE = r"(?:(?:like|about|around|maybe|say|roughly|just|another|more|again) )*"
_TIMES = re.compile(
    rf" {_HEDGE}(?:(\d+) (?:more )?times|(twice|a couple (?:of )?times|couple (?:of )?times|2ce)|(thrice))(?= )"
)
# the words for one more attempt at a part: "4 more goes at", "two tries on", "a few more passes at"
GOES = re.compile(
    r" (\d+) (?:more |other |extra |new |different |fresh )?(?:goes|tries|attempts|shots|passes|cracks|runs|"
    r"bites|spins|rolls)(?= (?:at|on|of|with|for) | $)"
)
# the takes said of a part named with "a": "3 versions of a funky bass line" are new bass lines, not
# takes of the one there is ("3 versions of the bass" varies it)
_OF_A_NEW = re.compile(r" of (?:a|an|some)(?= )")
_MADE = "|".join(
    sorted((re.escape(w) for w, p in v.PARTS.items() if p not in ("song", "all")), key=len, reverse=True)
)
# a new part asked for: "make a melody in 3/4 time", "write me some chords", "make a bass line, 3 versions"
NEW_PART = re.compile(
    rf" (?:make|write|create|generate|compose|give|build|need|want|get) (?:me |us )?(?:a|an|some|new|a new) "
    rf"(?:\w+ ){{0,3}}?(?:{_MADE})(?= )"
)
MAX_TIMES = 20  # more than this is not a count said of an undo ("undo 300 times" is refused by its reader)


def times_said(s: str) -> int | None:
    """The count of "N times" said in a normalised sentence ("like 3 times" -> 3, "twice" -> 2), or None."""
    m = _TIMES.search(s)
    if m is None:
        return None
    count = int(m.group(1)) if m.group(1) else 2 if m.group(2) else 3
    return count if 1 <= count <= MAX_TIMES else None


def fresh_takes(s: str, said: re.Match[str]) -> bool:
    """Whether the takes counted by ``said`` ("3 versions", "2 takes") are of a new part: "of a"
    follows them ("three versions of a drum groove": new grooves), or a new part is asked for ("make
    a bass line, 3 variations")."""
    return _OF_A_NEW.match(s, said.end()) is not None or NEW_PART.search(s) is not None
