"""A mood complained of, with no change said (issue 55): "the mood is too happy for this scene", "it
sounds too cheerful", "Mood is too happy for this sad scene, please see", "the vibe is way too dark".
A mood is no level: louder, softer, busier or simpler may each be what the producer wants, or a key, or
none of them, so a reading of a change over the clip (a level, a density, a humanize: ``guards.SCOPED_OPS``)
is asked about (``guards.overrules``), never acted on. A change said beside the complaint ("it's too happy,
make the chords softer", "..., take it to a minor key") is done as said.

Sentences are normalised (padded, lower case). Stdlib only.
"""

from __future__ import annotations

import re

from bridge.commands.vague_words import BRIGHT, DARK, OPERATIONS, stem

_KEYED = ("minor", "major", "key", "semitone", "semitones", "transpose", "mode")
# the words of a way to change it (an operation's, less the small words and names its phrases hold)
_NO_WAY = frozenset(
    "and just no not one some little much bit too go going come bring feel hit hits touch 1 2 3 4 b d r bass drum "
    "beat notes mix time tone four floor half double step speed band uk fi lo hip hop neo nova enough happening "
    "slightly easy ease notch walk move lay dig pull many only onto human".split()
)
_WAYS = (OPERATIONS - _NO_WAY) | {
    "humanize",
    "humanise",
    "mute",
    "remove",
    "vary",
    "regen",
    "regenerate",
    "redo",
}
MOODS = BRIGHT | DARK  # "happy", "cheerful", "sad", "gloomy" (not "soft", "big": those are levels too)
# "too happy", "way too cheerful", "the mood is very sad", "the vibe is dark"
_MOODY = re.compile(r" (?:too|overly) (\w+)(?= )")  # a complaint; "very light ones" is a wish
_MOOD_SAID = re.compile(
    r" (?:mood|vibe|feeling|atmosphere|tone)s? (?:is|s|are|feels|sounds|seems)(?: \w+)? (\w+)(?= )"
)


def mood_only(s: str) -> bool:
    """Whether a normalised sentence complains of a mood and says no way to change it (module docstring)."""
    if "_key_" in s or any(f" {w} " in s for w in _KEYED):  # "too happy, take it to a minor key": a way said
        return False
    said = [m.group(1) for pattern in (_MOODY, _MOOD_SAID) for m in pattern.finditer(s)]
    moods = {w for w in said if w in MOODS or stem(w) in MOODS}
    if not moods:
        return False
    return not any(w in _WAYS for w in s.split() if w not in moods)
