"""Words for changing a clip that exists (``/roo/transform``) and the tempo by a factor.

Like ``vocab`` these tables are the one source for both the parser and the speech grammar.
``transform_of`` reads a normalised sentence (padded, digits) and gives the transform kind with
its options, or None when the sentence asks for no transform.
"""

from __future__ import annotations

import re
from typing import Any

# phrase -> transform kind; spotted longest first
TRANSFORM_PHRASES: dict[str, str] = {
    "half time": "half_time",
    "halftime": "half_time",
    "double time": "double_time",
    "humanize": "humanize",
    "humanise": "humanize",
    "loosen up": "humanize",
    "quantize": "quantize",
    "quantise": "quantize",
    "tighten up": "quantize",
    "swing it": "swing",
    "more swing": "swing",
    "add swing": "swing",
    "add a fill": "fill",
    "a fill at the end": "fill",
    "fill at the end": "fill",
    "ornament": "ornament",
    "embellish": "ornament",
    "grace notes": "ornament",
    "revoice": "revoice",
    "new voicing": "revoice",
    "retrograde": "retrograde",
    "reverse": "retrograde",
    "backwards": "retrograde",
    "invert": "invert",
    "upside down": "invert",
    "fewer notes": "density",
    "less notes": "density",
    "thin out": "density",
    "more notes": "density",
    "transpose": "transpose",
}
DENSITY_DOWN = ("fewer notes", "less notes", "thin out")
DENSITY_AMOUNT = {"down": 0.3, "up": 0.7}  # /roo/transform density: 0.5 keeps, less thins, more adds
SWING_MORE_AMOUNT = 0.66  # "swing it more": a clear triplet lilt on the 8ths

# Drum voices by spoken name -> the names /roo/transform's voices option takes.
DRUM_VOICES: dict[str, str] = {
    "kick": "kick",
    "kicks": "kick",
    "kick drum": "kick",
    "snare": "snare",
    "snares": "snare",
    "clap": "clap",
    "claps": "clap",
    "hats": "hats",
    "hi hats": "hats",
    "hihats": "hats",
    "hi hat": "hats",
    "hihat": "hats",
    "open hats": "open",
    "closed hats": "closed",
    "ride": "ride",
    "toms": "toms",
    "cymbals": "cymbals",
    "crash": "cymbals",
    "shakers": "percussion",
}
REMOVE_WORDS = ("remove", "mute", "drop", "without", "take out", "get rid of", "lose")
KEEP_WORDS = ("keep only", "only the", "just the", "only keep")

# "double the tempo": Live's tempo times a factor (not the double_time transform of a clip)
TEMPO_FACTORS: dict[str, float] = {
    "double the tempo": 2.0,
    "double the speed": 2.0,
    "double the bpm": 2.0,
    "halve the tempo": 0.5,
    "half the tempo": 0.5,
    "halve the speed": 0.5,
}
# "slow it down to 75": words that name the tempo alongside vocab.TEMPO_WORDS
TEMPO_MOVES = ("slow it down", "slow down", "speed it up", "speed up", "bring it down", "bring it up")
# "pull the vocals out of this clip": a separation when a stem is named
PULL_OUT = re.compile(r" (?:pull|get|take) (?:the )?(\w+) out ")
# Where a new part takes its chords or onsets from: "for my chords", "over this", "lock to my bassline"
SOURCE_PHRASES: dict[str, str] = {
    "for my chords": "chords",
    "over my chords": "chords",
    "to my chords": "chords",
    "follows my chords": "chords",
    "over this": "selected",
    "over this clip": "selected",
    "for this clip": "selected",
    "to this clip": "selected",
    "lock to my bassline": "bass",
    "lock to my bass line": "bass",
    "lock to my bass": "bass",
    "locks to my bassline": "bass",
    "with my bassline": "bass",
    "follow my bassline": "bass",
}

_SEMITONES = re.compile(r" (up|down) (\d+) (?:semitones?|half steps?)(?= )")
_TO_NOTE = re.compile(r" to ([a-g])(?: (sharp|flat))?(?= )")


def _any(s: str, phrases: tuple[str, ...] | dict[str, Any]) -> bool:
    return any(f" {p} " in s for p in phrases)


def _first(s: str, table: dict[str, str]) -> str | None:
    hits = [(s.find(f" {p} "), -len(p), v) for p, v in table.items() if f" {p} " in s]
    return min(hits)[2] if hits else None


def transform_of(s: str) -> tuple[str, dict[str, Any]] | None:
    """(kind, options) for a sentence that transforms a clip, or None."""
    voice = _first(s, DRUM_VOICES)
    if voice is not None and _any(s, KEEP_WORDS):
        return "drums_keep", {"voices": voice}
    if voice is not None and _any(s, REMOVE_WORDS):
        return "drums_remove", {"voices": voice}
    kind = _first(s, TRANSFORM_PHRASES)
    if kind is None and " swing " in s and " more " in s:
        kind = "swing"
    if kind is None:
        return None
    if kind == "density":
        direction = "down" if _any(s, DENSITY_DOWN) else "up"
        return kind, {"amount": DENSITY_AMOUNT[direction]}
    if kind == "swing":
        return kind, {"amount": SWING_MORE_AMOUNT}
    if kind == "transpose":
        return _transpose(s)
    return kind, {}


def _transpose(s: str) -> tuple[str, dict[str, Any]] | None:
    m = _SEMITONES.search(s)
    if m:
        n = int(m.group(2))
        return "transpose", {"semitones": n if m.group(1) == "up" else -n}
    m = _TO_NOTE.search(s)
    if m:
        accidental = {"sharp": "#", "flat": "b", None: ""}[m.group(2)]
        return "transpose", {"to": m.group(1).upper() + accidental}
    return None  # "transpose the song to D minor" is a key change (the key was taken out already)
