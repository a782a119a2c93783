"""A style word before "line" is the style of the part the line is (issue 55, round 35): "the acid line" is
the bass line played the acid (TB-303) way, never a track named "acid" ("open the filter up on the acid line
over the last eight bars": the bass's filter). ``styled_part(text)`` says the part plainly: "the bass
line". A style word with no one part ("the techno line", "the house line") is left to the readers, which
ask; an instrument before "line" ("the cello line") stays the track so named (``track_words``).
Works on the typed text (any case).
"""

from __future__ import annotations

import re

# styles whose "line" is one part: an acid line is the TB-303's bass line
_STYLE_PART = {"acid": "bass line", "303": "bass line", "tb 303": "bass line", "tb303": "bass line",
               "tb-303": "bass line"}  # fmt: skip
_STYLED = re.compile(
    r"\b(?P<det>the|my|that|this|our|your) (?:squelchy |squelching )?(?P<style>"
    + "|".join(re.escape(s) for s in sorted(_STYLE_PART, key=len, reverse=True))
    + r") (?:bass ?line|line|riff|bass|pattern|sequence)\b",
    re.I,
)


def styled_part(text: str) -> str:
    """The sentence with "the acid line" said as the part it is ("the bass line"); others as they were."""
    return _STYLED.sub(lambda m: f"{m.group('det')} {_STYLE_PART[m.group('style').lower()]}", text)
