"""A key said by its relation to the key named with it, as a player says it (issue 55).

"we're in Eb major, put it in the relative minor" is C minor; "this is in A minor, go to the relative
major" is C major. ``related(text)`` says the related key in place of its relation and lets the key
it was counted from go, so the one key left is the one asked for. A relation said with no key named,
or with a key of the same mode ("in C minor ... the relative minor"), is left as said (asked about).

A guitarist's tuning (``tuned(text)``): "tune this down a whole step" is the clip transposed ("tune" there is
the verb, never the melody), and a tuning said beside the request ("we're in D standard now", "the guitars are
in drop C") names no key, part or section: it is left out ("drop" is no section there).
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


_NOTE = r"[A-Ga-g](?:#|b|♯|♭| sharp| flat)?"
_TUNING = rf"(?:(?:drop|open) {_NOTE}|{_NOTE} standard|standard|dadgad)(?: tuning)?"
# a tuning said beside the request: ", we're in D standard now", "(the guitar is tuned to drop C)"
_TUNING_SAID = re.compile(
    rf"[\s,;(-]*(?:(?:we|i|it|they|the guitars?|my guitars?|the bass|my bass)(?:'re|'m|'s| are| am| is| re| m| s)?\s+)?"
    rf"(?:now\s+)?(?:in|tuned (?:down |up )?to|tuned (?:down |up )?in|using|playing in)\s+{_TUNING}(?:\s+now)?\b\)?",
    re.I,
)
# "tune it down a whole step", "tune the bass up 2 semitones": the verb, then what is moved and which way
_TUNE = re.compile(
    r"\btune ((?:it|this|that|them|everything|(?:this|that) \w+(?: \w+)?|the (?!(?:guitar|bass guitar|ukulele|violin|"
    r"piano|drums?|drum kit|cello)\b)\w+(?: \w+)?) (?:up|down))\b",
    re.I,
)  # ("tune my guitar down", "tune the drums up": an instrument in the room, refused as before)


def tuned(text: str) -> str:
    """The sentence with "tune <it> down" said as a transpose and a guitar tuning said beside it left out."""
    said = _TUNE.sub(r"transpose \1", text)
    if said == text and not re.search(r"\b(?:transpose|shift|move|pitch|tune)\b", text, re.I):
        return text  # a tuning is only left out beside a pitch move ("a drop d riff" is a sound)
    return " ".join(_TUNING_SAID.sub("", said).split())
