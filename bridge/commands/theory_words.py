"""A key said by its relation to the key named with it, as a player says it (issue 55).

"we're in Eb major, put it in the relative minor" is C minor; "this is in A minor, go to the relative
major" is C major. ``related(text)`` says the related key in place of its relation and lets the key
it was counted from go, so the one key left is the one asked for. A relation said with no key named,
or with a key of the same mode ("in C minor ... the relative minor"), is left as said (asked about).
"""

from __future__ import annotations

import re

# each major key's relative minor (the sixth degree), spelled as the key signature spells it
RELATIVE_MINOR = {
    "C": "A", "G": "E", "D": "B", "A": "F#", "E": "C#", "B": "G#", "F#": "D#", "C#": "A#",
    "F": "D", "Bb": "G", "Eb": "C", "Ab": "F", "Db": "Bb", "Gb": "Eb", "Cb": "Ab",
}  # fmt: skip
RELATIVE_MAJOR = {minor: major for major, minor in RELATIVE_MINOR.items()}
_SIGN = {"#": "#", "♯": "#", "b": "b", "♭": "b", " sharp": "#", " flat": "b", "-sharp": "#", "-flat": "b"}
_KEY = re.compile(
    r"\b(?:in |of |from )?([A-Ga-g])(#|♯|b|♭| sharp| flat|-sharp|-flat)? ?(major|minor|maj|min|m)\b", re.I
)
_RELATION = re.compile(r"\b(?:the |its |their |a )?relative (major|minor)(?: key)?\b", re.I)


def related(text: str) -> str:
    """The sentence with "the relative minor" (major) said as that key of the key named with it."""
    relation = _RELATION.search(text)
    if relation is None:
        return text
    want = relation.group(1).lower()
    for key in _KEY.finditer(
        text[: relation.start()] + " " * len(relation.group(0)) + text[relation.end() :]
    ):
        tonic = key.group(1).upper() + _SIGN.get((key.group(2) or "").lower(), "")
        major = key.group(3).lower() in ("major", "maj")
        table = RELATIVE_MINOR if major else RELATIVE_MAJOR
        if major == (want == "major") or tonic not in table:
            continue
        out = f"{text[: relation.start()]}{table[tonic]} {want}{text[relation.end() :]}"
        cut = key.start() if key.start() < relation.start() else key.start() - len(text) + len(out)
        return out[:cut] + out[cut + len(key.group(0)) :]
    return text
