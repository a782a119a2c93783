"""DJs' Camelot keys ("in 8A", "5A", "key 9B") written as the key they stand for ("A minor").

Camelot is the DJ key wheel (Mixed In Key, rekordbox, Serato, Traktor): 1-12 then A (minor) or B
(major). The code is replaced in the typed sentence before the key reader runs, so a Camelot key is
read wherever a key is (make, set, transpose to a key, jam_start). A code after a numbered thing
("track 8a", "take 2b", "scene 3a") stays that thing's number; Open Key ("8m", "8d") is not read.
"""

from __future__ import annotations

import re

CAMELOT = {
    "1A": "Ab minor", "1B": "B major", "2A": "Eb minor", "2B": "F# major",
    "3A": "Bb minor", "3B": "Db major", "4A": "F minor", "4B": "Ab major",
    "5A": "C minor", "5B": "Eb major", "6A": "G minor", "6B": "Bb major",
    "7A": "D minor", "7B": "F major", "8A": "A minor", "8B": "C major",
    "9A": "E minor", "9B": "G major", "10A": "B minor", "10B": "D major",
    "11A": "F# minor", "11B": "A major", "12A": "Db minor", "12B": "E major",
}  # fmt: skip

# a numbered thing: "track 8a" is the track, not the key
_NUMBERED = (
    "track|tracks|take|takes|bar|bars|beat|beats|slot|slots|scene|scenes|clip|clips|version|versions"
    "|variation|variations|loop|pattern|part|section|verse|chorus|bridge|drop|intro|outro|number|no"
    "|channel|ch|return|bus|send|page|step|row|column|stem|deck|room|lane|pad"
)
_CODE = re.compile(r"(?<![\w#.-])(1[0-2]|[1-9])([ab])\b(?!\.?m\b)(?![-'.]\w)", re.IGNORECASE)
_AFTER_NUMBERED = re.compile(rf"\b(?:{_NUMBERED})\s*$", re.IGNORECASE)


def as_named_keys(text: str) -> str:
    """The text with each Camelot code as the key it names: "bass in 8A, 124": "bass in A minor, 124"."""

    def named(m: re.Match[str]) -> str:
        if _AFTER_NUMBERED.search(text[: m.start()]):
            return m.group(0)  # "track 8a", "take 2b": that thing's number
        return CAMELOT[m.group(1) + m.group(2).upper()]

    return _CODE.sub(named, text)


# an Open Key code (Traktor's wheel: 1-12 then m minor or d major, "1d" C major) where a key is said: after
# "in", "key", "to" or a comma; never a length ("a 2m intro") or a thing's number
_OPEN_KEY = re.compile(
    r"(?:(?<=\bin )|(?<=\bkey )|(?<=\bkey of )|(?<=\bto )|(?<=, ))(1[0-2]|[1-9])([md])\b(?![-'.]\w)", re.I
)


def open_key_question(text: str) -> tuple[str, list[str]] | None:
    """A question for a key written in Open Key ("a melody in 8m"), which MuseAroo does not read as a key:
    Open Key's own (8m is Bb minor) or a Camelot key typed with m or d (8A, A minor), each said as the
    sentence with that key; None when no such code is said."""
    m = _OPEN_KEY.search(text)
    if m is None:
        return None
    number, side = int(m.group(1)), m.group(2).lower()
    letter = "A" if side == "m" else "B"
    wheel = CAMELOT[f"{(number + 6) % 12 + 1}{letter}"]  # Open Key 1d (C major) is Camelot 8B
    typed = CAMELOT[f"{number}{letter}"]
    said = [text[: m.start()] + key + text[m.end() :] for key in dict.fromkeys((wheel, typed))]
    code = m.group(0)
    reason = f"which key is '{code}': Open Key's {code} ({wheel}) or Camelot's {number}{letter} ({typed})?"
    return reason, said
