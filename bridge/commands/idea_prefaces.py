"""A remark said first that names a new song as an idea, before the request itself (issue 55).

"ok new song idea. 8 bars drums, tropical house ..." asks for the drums: "new song idea" is how the
writer starts talking, not the part to make, so the sentence after it is the request. The preface is
dropped only where that request names a part of its own that is no whole song ("new song idea. bossa
nova at 120" still makes the song), and only where the preface ends its own sentence ("." ":" "!"
or a dash): "new song idea, 8 bars drums" and "new song from zero, bossa nova" are read whole.
Stdlib only.
"""

from __future__ import annotations

import re

from bridge.commands import vocab as v

# "ok new song idea.", "so, a quick idea for a new track:", "another tune idea -"
_PREFACE = re.compile(
    r"^(?:(?:ok|okay|so|right|alright|hey|yo|right so)\W+)*"
    r"(?:(?:a|an|another|my|new|fresh|quick|little|rough|song|track|tune|beat)\s+)*ideas?"
    r"(?:\s+for\s+(?:a|an|the|my)\s+(?:new\s+)?(?:song|track|tune))?"
    r"\s*(?:[.:!;]+|\s-+)\s*(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_WHOLE = frozenset({"song", "all"})
_PARTS = re.compile(
    r"\b(?:"
    + "|".join(sorted((re.escape(w) for w, p in v.PARTS.items() if p not in _WHOLE), key=len, reverse=True))
    + r")s?\b",
    re.IGNORECASE,
)


def without_preface(text: str) -> str:
    """``text`` without an idea's preface when the request after it names a part; else ``text``."""
    found = _PREFACE.match(text)
    if found is None or _PARTS.search(found.group("rest")) is None:
        return text
    return found.group("rest")
