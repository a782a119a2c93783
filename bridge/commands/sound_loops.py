"""A loop asked for by its sound (issue 55): MusicGen's, where the learned reading would make a part instead.

"a loop of low taiko hits in a big room" (``loop_of_a_sound``, split from ``musicgen_words`` in round 39), and
round 39: a sound said before "loop" with a making verb or alone ("bass drum loop", "make me a kick loop", "a
cymbal swell loop, 4 bars"): a drum voice or any sound that names none of MuseAroo's parts ("drum loop", "a bass
loop" are the drums and the bass, made as parts). Works on the normalised sentence. Stdlib only.
"""

from __future__ import annotations

import re

from bridge.commands import vocab as v

_LOOP_OF = re.compile(r" (?:loop|sample|sound|recording) of (?P<sound>.+)$")
# "kick loop", "make me a kick loop", "give us a snare roll loop 4 bars please"
_SOUND_LOOP = re.compile(
    r"^ (?:(?:please|can you|could you|pls) )*(?:(?:make|create|generate|give|get|i need|i want|need|lets have)"
    r"(?: me| us)? )?(?:a |an |some )?(?P<sound>(?:[a-z]+ ){1,3})loops?(?: \d+ bars?)?(?: please)? $"
)


def loop_of_a_sound(s: str) -> bool:
    """Whether a normalised sentence asks for a loop or sample "of" a sound that names none of MuseAroo's parts
    ("a loop of low taiko hits in a big room": audio; "a loop of the drums" may be the drums part)."""
    m = _LOOP_OF.search(s)
    return m is not None and _no_part(m.group("sound"))


def sound_loop(s: str) -> bool:
    """Whether a normalised sentence is only a loop said after its sound, a sound that names none of MuseAroo's
    parts ("kick loop", "make me a shaker loop 4 bars"; "drum loop" is the drums)."""
    m = _SOUND_LOOP.match(s)
    return m is not None and _no_part(m.group("sound"))


def _no_part(sound: str) -> bool:
    return not any(f" {p} " in f" {sound} " for p in v.PARTS)
