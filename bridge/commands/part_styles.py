"""A style word before "line" is the style of the part the line is (issue 55, round 35): "the acid line" is
the bass line played the acid (TB-303) way, never a track named "acid" ("open the filter up on the acid line
over the last eight bars": the bass's filter). ``styled_part(text)`` says the part plainly: "the bass
line". Jazz speech's "the head" (a tune's written melody) said where a part is meant ("double the head an octave
up") is the melody; after a preposition it is a place ("take it from the head", "back to the head") and is kept,
as is "the head of ...", "head" in a compound ("head nod") and in a later clause (a reason). A style word with no one part ("the techno line", "the house line") is left to the readers, which
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
_PLACE_WORDS = frozenset({"from", "to", "at", "of", "off", "in", "into", "on", "onto", "over", "by", "till", "until", "before",
                          "after"})  # a place said before "the head": the tune's start  # fmt: skip
_HEAD = re.compile(
    r"(?:^|\b(?P<before>\w+)(?P<gap>,? ))(?P<det>the|that|this) head(?!\w|-| of\b| (?:nod|nods|nodding|space|room|phones?|banger|start)\b)",
    re.I,
)

_LATER = re.compile(r"[,;.!?](?:\s|$)|\s(?:but|so|because|cause|cos|since|as)\s", re.I)


def _head(m: re.Match[str]) -> str:
    before = m.group("before")
    if before is not None and before.lower() in _PLACE_WORDS:
        return m.group(0)
    return f"{before}{m.group('gap')}{m.group('det')} melody" if before else f"{m.group('det')} melody"


def styled_part(text: str) -> str:
    """The sentence with "the acid line" said as the part it is ("the bass line"), "the head" as the melody;
    others as they were."""
    cut = _LATER.search(text)  # the request's clause only: "..., I want the piano to state the head" a reason
    at = cut.start() if cut else len(text)
    text = _HEAD.sub(_head, text[:at]) + text[at:]
    return _STYLED.sub(lambda m: f"{m.group('det')} {_STYLE_PART[m.group('style').lower()]}", text)
