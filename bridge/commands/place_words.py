"""Where in a clip and by how much: intervals by name, one place (bar, beat), recurring fills.

"up a fifth" is 7 semitones, "down an octave" -12, "a minor third" 3; a bare "third" (no quality)
is two steps of the clip's own scale, as a producer means it. "on the first beat of bar four" is
``{"bar": 4, "beat": 1}`` (1-based, quarter-note beats); "in bar two" ``{"bar": 2}``. "a fill every
fourth bar" is the generate option ``fills 4`` (fills every 8-bar phrase: ``phrase``). Stdlib only;
sentences are normalised (padded, numbers as digits) as the parser gives them.
"""

from __future__ import annotations

import re
from typing import Any

# interval name -> ("semitones" | "steps", size); spotted longest first, "a"/"an" before it optional
INTERVALS: dict[str, tuple[str, int]] = {
    "semitone": ("semitones", 1),
    "half step": ("semitones", 1),
    "half a step": ("semitones", 1),
    "half a tone": ("semitones", 1),
    "whole step": ("semitones", 2),
    "whole tone": ("semitones", 2),
    "tone": ("semitones", 2),  # "one tone down", "up a tone": a whole tone (said with "a" or "one" only)
    "minor second": ("semitones", 1),
    "major second": ("semitones", 2),
    "minor third": ("semitones", 3),
    "major third": ("semitones", 4),
    "fourth": ("semitones", 5),
    "perfect fourth": ("semitones", 5),
    "tritone": ("semitones", 6),
    "fifth": ("semitones", 7),
    "perfect fifth": ("semitones", 7),
    "minor sixth": ("semitones", 8),
    "major sixth": ("semitones", 9),
    "minor seventh": ("semitones", 10),
    "major seventh": ("semitones", 11),
    "octave": ("semitones", 12),
    "2 octaves": ("semitones", 24),
    "step": ("steps", 1),  # "move the chords down a step": a step of the clip's scale
    "second": ("steps", 1),
    "third": ("steps", 2),
    "sixth": ("steps", 5),
    "seventh": ("steps", 6),
    "augmented fourth": ("semitones", 6),
    "diminished fifth": ("semitones", 6),
    "minor ninth": ("semitones", 13),
    "major ninth": ("semitones", 14),
}
# an interval's number written as a numeral ("a minor 3rd", "up a 5th", "a perfect 4th") is the interval
INTERVALS.update(
    {name.replace(word, digits): size for name, size in list(INTERVALS.items())
     for word, digits in (("second", "2nd"), ("third", "3rd"), ("fourth", "4th"), ("fifth", "5th"),
                          ("sixth", "6th"), ("seventh", "7th"), ("ninth", "9th")) if word in name}
)  # fmt: skip
ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7, "eighth": 8, "8th": 8,
    "ninth": 9, "9th": 9, "tenth": 10, "10th": 10, "eleventh": 11, "11th": 11, "twelfth": 12,
    "12th": 12, "thirteenth": 13, "13th": 13, "fourteenth": 14, "14th": 14, "fifteenth": 15,
    "15th": 15, "sixteenth": 16, "16th": 16,
}  # fmt: skip
MOVE_WORDS = ("transpose", "shift", "move", "pitch", "put", "take", "bring", "drop", "raise", "lower")
_INTERVAL_ALT = "|".join(re.escape(i) for i in sorted(INTERVALS, key=len, reverse=True))
_INTERVAL = re.compile(  # groups: direction, "by", article, interval, direction after
    rf" (?:(up|down|higher|lower) )?(by )?(an? |1 )?(?:(?:whole|full) (?=octave))?({_INTERVAL_ALT})"
    r"(?: (up|down|higher|lower))?(?= )"
)
_ORD = "|".join(sorted(ORDINALS, key=len, reverse=True))
_NUM = rf"(\d+|{_ORD})"
_BAR = re.compile(rf" (?:bars?|measures?) (\d+) | (?:the )?({_ORD}) (?:bar|measure) ")
_BEAT = re.compile(  # "make the beat four on the floor" is a feel, no beat 4
    rf" beat (\d+) (?!(?:on|to) the floor )| (?:the )?({_ORD}) beat | (?:the )?(downbeat) "
    r"| on the (1|one|2|two|3|three|4|four|5|five|6|six|7|seven) (?:of|in) (?:bar|measure) "
)  # "on the one of bar 17"
_COUNTED = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
# "every fourth bar", "every 4 bars", "every other bar", "every phrase", "every 8 bars"
EVERY = re.compile(  # groups: a number, other|single, phrase, bar
    rf" (?:every|each) (?:{_NUM} (?:bars?|measures?)|(other|single) (?:bar|measure)|(phrase)|(bar|measure))(?= )"
)
# the count said with no unit, last or before the part it is asked of ("fill every 8 on the drums"): bars
_EVERY_LAST = re.compile(rf" (?:every|each) {_NUM} (?=$|(?:on|in|for|to|of) (?:the|my|these|those) )")
FILL_WORDS = ("fill", "fills", "drum fill", "drum fills")
_ROLL = re.compile(
    r" (?:drum |snare |tom )?rolls? (?!off |back |out |up |down |over )"
)  # never "roll off the lows"
FILLEVERY = {4: "4", 8: "phrase"}  # the generate option fills (engines.music.FILLS)


def _number(text: str) -> int:
    return int(text) if text.isdigit() else ORDINALS[text]


def interval_of(s: str) -> dict[str, int] | None:
    """{"semitones": n} or {"steps": n} (signed) for "up a fifth", "down an octave", "raise it by a
    third"; None when no interval is named with a direction, "by", or "a" and a move verb."""
    for m in _INTERVAL.finditer(s):
        if re.match(r" (?:bar|beat|measure|note|time|variation|take)s? ", s[m.end() :]):
            continue  # "the fifth bar", "a third variation"
        if m.group(4) == "tone" and not m.group(3):
            continue  # "tone down the hats", "the tone up top": no interval
        direction = m.group(1) or m.group(5)
        counted = m.group(3) or m.group(4).startswith("2 ")  # "a fifth", "2 octaves" (not "the 5th")
        moved = counted and any(f" {w} " in s for w in MOVE_WORDS)
        if not (direction or m.group(2) or moved):
            continue
        if direction is None and any(f" {w} " in s for w in ("drop", "lower")):
            direction = "down"
        unit, size = INTERVALS[m.group(4)]
        return {unit: -size if direction in ("down", "lower") else size}
    return None


def place_of(s: str) -> dict[str, int]:
    """{"bar": n, "beat": n} as far as the sentence names them (empty when it names no place)."""
    out: dict[str, int] = {}
    bar = _BAR.search(s)
    if bar:
        out["bar"] = _number(bar.group(1) or bar.group(2))
    beat = _BEAT.search(s)
    if beat:
        counted = beat.group(4)
        out["beat"] = (
            1
            if beat.group(3)
            else _COUNTED.get(counted, 0) or int(counted)
            if counted
            else _number(beat.group(1) or beat.group(2))
        )
    return out


def fills_of(s: str) -> dict[str, Any] | None:
    """The generate option fills for "a fill every fourth bar" ({"fills": "4"}), "no fills"
    ({"fills": "none"}), an unsupported spacing ({"error": ...}); None when no recurring fill."""
    if not any(f" {w} " in s for w in FILL_WORDS) and not (_ROLL.search(s) and EVERY.search(s)):
        return None  # "a little drum roll every 4 bars", "a snare roll every 8 bars": a fill that recurs
    if re.search(r" (?:no|without|remove the|drop the|lose the) (?:drum )?fills ", s):
        return {"fills": "none"}
    m = EVERY.search(s) or _EVERY_LAST.search(s)  # "fill every 4": a fill's spacing is counted in bars
    if m is None:
        return None
    if m.group(1):
        every = _number(m.group(1))
    elif m.group(2):
        every = 2 if m.group(2) == "other" else 1
    else:
        every = 8 if m.group(3) else 1
    if every not in FILLEVERY:
        return {
            "error": f"fills every {every} bars are not offered: expected every 4th bar or every 8-bar phrase"
        }
    return {"fills": FILLEVERY[every]}
