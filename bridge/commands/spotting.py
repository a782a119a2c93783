"""The parser's spotting helpers: phrases in a normalised sentence, numbers, and the intents that
need no more than that (tempo, separation, MusicGen, the parts and bars said).

Sentences are normalised (``normalize``): lower case, padded with spaces, numbers as digits.
"""

from __future__ import annotations

import re
from typing import Any

from bridge.commands import musicgen_words as mw
from bridge.commands import vocab as v
from bridge.commands.intent import UNKNOWN, Intent
from bridge.commands.said import said
from bridge.commands.track_words import NUMBERED_TRACK

BARS_RANGE = (1, 64)
TEMPO_RANGE_BPM = (20, 999)  # what Live accepts

BARS = re.compile(r" (?:for |of )?(\d+) (?:bars?|measures?)(?: long)?(?: of)?(?= )")
VARIATIONS = re.compile(
    r" (\d+) (?:(?:(?:more|new|different|diff|other|alternative|alternate|further|extra|additional|fresh|distinct) )"
    r"{0,2}(?:variations|takes|versions|alternatives|ways|"
    r"options)(?= )|more(?= like (?:this|that|it) | of (?:these|those|them) ))"
)
NEW_MANY = re.compile(r" (\d+) (?:different|diff|new|separate|distinct) (?:\w+ )?(?:\w+ )?(?:grooves|beats|patterns|basslines|"
                      r"lines|melodies|progressions|loops|ideas|parts|drums|riffs|hooks)(?= )")  # fmt: skip
AT_TEMPO = re.compile(
    r" at (\d+)(?= +$| (?!bars? |beats? |percent |times |steps |semitones |db |hz |ms )\w)"
)  # (bars said are taken out)
SPOKEN_TEMPO = (40, 300)  # "at 124" with no "bpm": a tempo only in the range music is played at
MAX_VARIATIONS = 8  # takes one Vary makes at most (MusicGen renders them as one batch)
DIMENSION = re.compile(r" (density|complexity|energy) ")
# An adjustment said with a new part ("drums like a hip hop beat but sparser") sets its dial.
DIALS = {"density": "density", "complexity": "complexity", "energy": "intensity"}
DIAL_VALUES = {
    "density": {"up": 0.7, "down": 0.3},
    "complexity": {"up": 0.7, "down": 0.3},
    "energy": {"up": 0.65, "down": 0.35},
}


def take(s: str, table: dict[str, str]) -> tuple[list[str], str]:
    """Values of every phrase of ``table`` in ``s`` (in text order), and ``s`` with them blanked."""
    found: list[tuple[int, str]] = []
    for phrase in sorted(table, key=len, reverse=True):
        needle = f" {phrase} "
        while (pos := s.find(needle)) >= 0:
            found.append((pos, table[phrase]))
            s = s[:pos] + " _" * len(phrase.split()) + " " + s[pos + len(needle) :]
    return [value for _, value in sorted(found)], s


def numbers(s: str) -> list[int]:
    return [int(w) for w in s.split() if w.isdigit()]


def adjustment(s: str) -> tuple[str, str] | None:
    found, _ = take(s, {k: f"{d}:{u}" for k, (d, u) in v.ADJUSTMENTS.items()})
    if found:
        dimension, direction = found[0].split(":")
        return dimension, direction
    m = DIMENSION.search(s)
    if m is None:
        return None
    if said(s, *v.RAISE_VERBS) or said(s, "up"):
        return m.group(1), "up"
    if said(s, *v.LOWER_VERBS) or said(s, "down"):
        return m.group(1), "down"
    return None


def refused(heard: str, reason: str) -> Intent:
    return Intent(UNKNOWN, None, {"heard": heard, "reason": reason}, heard)


# a number said with the tempo's unit: the tempo, whatever number comes first ("one trap beat in 130 bpm",
# "whole song from zero, at 130 bpm", "2-3 clave, around 180 bpm")
WITH_UNIT = re.compile(r" (\d+) (?:bpm|beats per minute)(?= )")


def tempo_intent(heard: str, s: str) -> Intent:
    found = numbers(s)
    if not found:
        return refused(heard, "a tempo needs a number, e.g. 'tempo one hundred twenty'")
    with_unit = WITH_UNIT.findall(s)
    bpm = int(with_unit[0]) if len(with_unit) == 1 else found[0]
    if not TEMPO_RANGE_BPM[0] <= bpm <= TEMPO_RANGE_BPM[1]:
        return refused(heard, f"tempo {bpm} bpm is outside {TEMPO_RANGE_BPM[0]}..{TEMPO_RANGE_BPM[1]}")
    return Intent("set_tempo", None, {"tempo_bpm": bpm}, heard)


_PURPOSE = re.compile(  # "..., so that i might study the bass": why (round 35: "might", "would", "will" too)
    r" (?:so (?:that )?(?:i|we|you) (?:can|could|may|might|would|will)|so i|in order to|to get at) "
)
# "rewrite bars 5 to 8 but keep everything around them": what is kept is no target of the change
KEEP_THE_REST = re.compile(
    r" (?:but |and )?(?:keep|leave) (?:everything|all|the rest)(?: else)?(?: (?:around|outside|either side of|"
    r"before and after|on either side of) (?:them|it|that|those|these|this))?(?= )"
)


def before_purpose(s: str) -> str:
    """A normalised sentence up to its purpose clause ("split this so i can get at the vocal": "split this")."""
    return _PURPOSE.split(s)[0]


def separate_intent(heard: str, s: str, model: str | None) -> Intent:
    params: dict[str, Any] = {}
    models, rest = take(s, v.SEPARATION_MODEL_PHRASES)
    if model or models:
        params["model"] = model or models[0]
    stems, _ = take(before_purpose(rest), v.STEMS)  # "into stems so i can get at the vocal": every stem
    if len(set(stems)) == 1:  # "split into drums and vocals": every stem split (the job writes them all)
        params["stem"] = stems[0]
    number = NUMBERED_TRACK.search(s)  # "split track 2 into stems": Live's second track's clip
    if number is not None:
        params["track_name"] = f"track {number.group(1)}"
    return Intent("separate", None, params, heard)


def musicgen_intent(heard: str, s: str, params: dict[str, Any], key: str | None = None) -> Intent:
    found = mw.params_of(heard, s, params, key)
    if isinstance(found, str):
        return refused(heard, found)
    return Intent("musicgen", None, found, heard)


def bars_param(s: str) -> dict[str, Any]:
    bars = [int(n) for n in BARS.findall(s)]
    return {"bars": bars[0]} if bars and BARS_RANGE[0] <= bars[0] <= BARS_RANGE[1] else {}


def part_named(s: str) -> str | None:
    parts, _ = take(s, v.PARTS)
    return parts[0] if parts else None


def generating_said(s: str) -> bool:
    """A new part asked for: a verb that makes one, or "a whole song" (not "the song's tempo")."""
    return (
        said(s, *v.GENERATE_VERBS)
        or re.search(r" (?:a|an|new) (?:\w+ ){0,2}(?:song|arrangement) ", s) is not None
    )


ARRANGED_AT = re.compile(r" (?:at|from|starting at|starting on|starting from|on) bar (\d+) ")
# "the bass is too muddy", "keep the bass": words said of a part that exists, so no new one on a guess
SAID_OF_A_PART = frozenset({"is", "are", "was", "sounds", "sound", "keep", "leave", "like", "love", "hate", "fine",
                            "good", "great", "perfect", "ok", "okay"})  # fmt: skip
# "three different techno beats": the part a plural names when no part is said
MANY_OF = {"beats": "drums", "grooves": "drums", "drums": "drums", "basslines": "bass", "melodies": "melody",
           "progressions": "chords", "hooks": "melody"}  # fmt: skip
PLAY_ON = ("from", "again", "now", "back", "everything", "all")  # "play from the top": Live's transport
