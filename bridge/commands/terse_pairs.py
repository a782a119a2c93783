"""Two changes typed as a terse pair (issue 55): "louder kick softer hats", "kick up snare down",
"bass busier, drums simpler", "make the kick louder and the hats softer".

Each half names a part or a drum voice and its own way (a comparative, or "up" / "down" for the
level), so the pair is said as two requests, each with its verb ("make the kick louder, make the
hats softer"), and each is read alone (``compound``), never one way spread over both parts. A pair
whose two ways are the same ("louder kick and snare") is one change on two parts and is left as said.
Stdlib only; works on the sentence as typed (any case), before the readers.
"""

from __future__ import annotations

import re

from bridge.commands import clip_words as cw
from bridge.commands import vocab as v

_WAYS = {"louder": "louder", "softer": "softer", "quieter": "softer", "busier": "busier", "simpler": "simpler",
         "sparser": "simpler", "denser": "busier", "up": "louder", "down": "softer"}  # fmt: skip
_NAMES = sorted({*cw.DRUM_VOICES, *(p for p, part in v.PARTS.items() if part in ("drums", "bass", "chords", "melody"))},
                key=len, reverse=True)  # fmt: skip
_NAME = r"(?:" + "|".join(re.escape(n) for n in _NAMES) + r")"
_T = rf"(?:the |my )?{_NAME}"
_W = r"(?:" + "|".join(_WAYS) + r")"
_J = r"(?:\s*[,;]\s*|\s+(?:and\s+|&\s+|n\s+)?)"
_FIRST = re.compile(rf"^\s*(?P<w1>{_W}) (?P<t1>{_T}){_J}(?P<w2>{_W}) (?P<t2>{_T})\s*[.!]?\s*$", re.I)
_AFTER = re.compile(rf"^\s*(?P<t1>{_T}) (?P<w1>{_W}){_J}(?P<t2>{_T}) (?P<w2>{_W})\s*[.!]?\s*$", re.I)
_MADE = re.compile(
    rf"^\s*(?:make|turn|get) (?P<t1>{_T}) (?P<w1>{_W})\s*,?\s+(?:and\s+)?(?P<t2>(?:the |my ){_NAME}) (?P<w2>{_W})\s*[.!]?\s*$",
    re.I,
)


def paired(text: str) -> str | None:
    """The two requests of a terse pair, each said with its verb, or None when ``text`` is no such pair."""
    for pattern in (_FIRST, _AFTER, _MADE):
        m = pattern.match(text)
        if m is None:
            continue
        ways = [_WAYS[m.group(w).lower()] for w in ("w1", "w2")]
        if ways[0] == ways[1]:
            return None  # one change on both parts
        t1, t2 = (_bare(m.group(t)) for t in ("t1", "t2"))
        return f"make the {t1} {ways[0]}, make the {t2} {ways[1]}"
    return None


def _bare(target: str) -> str:
    return re.sub(r"^(?:the|my) ", "", target.lower().strip())
