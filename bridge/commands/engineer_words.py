"""Numbers said as a mix engineer says them, in the words the readers know (issue 55).

``plain_words.plain`` takes these after the text speak and a learner's words:

- a level by decibels: "kick +2 dB", "snare -3 dB" (louder, softer: no op takes decibels, the way is
  what is read); "up 2 dB", "down by 3 decibels" (the way kept, the amount let go); "cut the hats by
  3 dB" (turned down, not cut out); "2 dB more" / "3 dB less";
- a tempo by a signed number: "+4 bpm", "-6 bpm" ("up 4 bpm", "down 6 bpm");
- "into 4 stems": the split the default model makes ("into stems"; "6 stems" names a model of its own).

A sentence with none of these is returned as it was.
"""

from __future__ import annotations

import re

_DB = r"(?:\d+(?:\.\d+)?) ?(?:db|decibels?)\b"
ENGINEER = (
    # "cut the hats by 3 dB", "drop the pad 2 dB": turned down (a cut of a level is no removal)
    (re.compile(rf"\b(?:cut|drop|reduce|lower|attenuate|pull) ((?:the|my|that|this) (?:\w+ )?\w+) (?:by )?-?{_DB}", re.I),
     r"turn \1 down"),
    # "boost the kick by 2 dB", "raise the vocal 3 dB": turned up
    (re.compile(rf"\b(?:boost|raise|lift|push|bump) ((?:the|my|that|this) (?:\w+ )?\w+) (?:up )?(?:by )?\+?{_DB}", re.I),
     r"turn \1 up"),
    (re.compile(rf"(?<![\w.])(?:\+ ?|plus ){_DB}", re.I), "louder"),  # "kick +2 dB"
    (re.compile(rf"(?<![\w.])(?:[-−–] ?|minus ){_DB}", re.I), "softer"),  # "snare -3 dB"
    (re.compile(rf"\b(up|down) (?:by )?{_DB}", re.I), r"\1"),  # "turn the kick up 2 dB"
    (re.compile(rf"\b{_DB} (more|louder|hotter|up)\b", re.I), "louder"),  # "the kick needs 2 dB more"
    (re.compile(rf"\b{_DB} (less|quieter|softer|lower|down)\b", re.I), "softer"),  # "the pad 3 dB quieter"
    # "jam +4 bpm", "tempo -6 bpm": up, down
    (re.compile(r"(?<![\w.])\+ ?(\d+(?:\.\d+)?) ?(bpm|beats per minute)\b", re.I), r"up \1 \2"),
    (re.compile(r"(?<![\w.])[-−–] ?(\d+(?:\.\d+)?) ?(bpm|beats per minute)\b", re.I), r"down \1 \2"),
    # "split this into 4 stems": the default split (vocals, drums, bass, other)
    (re.compile(r"\b(in(?:to)?|as) (?:4|four) stems\b", re.I), r"\1 stems"),
)  # fmt: skip


def engineered(text: str) -> str:
    """The sentence with its decibels, signed tempos and stem counts said in the readers' words."""
    for said, meant in ENGINEER:
        text = said.sub(meant, text)
    return text
