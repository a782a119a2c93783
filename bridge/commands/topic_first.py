"""A section said first, bare, as the sentence's topic (issue 55): "verse 1 hats take out", "chorus make
the chords simpler", "intro only keep kick and snare", "pre-chorus drums make more busy". A learner (and a
producer typing fast) names the place first with no article and no preposition; the readers take a bare
section word at the start for a part or a word they cannot place, and the section is lost.

So, before anything reads the sentence (``heard.heard_as``), a bare section name at its start (its number
too: "verse 1", "chorus 2") is said as English says it:

- followed by a part or a drum voice: "the" before it ("the verse 1 hats take out"): the part of that
  section, as "the chorus chords" already reads;
- followed by a request's verb ("make", "keep", "only keep", "need", "add", ...): "in the" before it and
  a comma after ("in the chorus, make the chords simpler").

Only these sections' names, never "drop", "break" or "build" (verbs too: "drop the bass an octave"), and
only at the start (after "ok", "so", "now", "and" at most); anything else is returned as it was.
"""

from __future__ import annotations

import re

from bridge.commands import vocab as v
from bridge.commands.clip_words import DRUM_VOICES
from bridge.commands.region_words import SECTIONS


def _voice(word: str) -> str:
    """A drum voice's pattern, one or several and spaced as typed: "hi hats" -> ``hi\\W?hat(?:e?s)?``."""
    stem = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    return r"\W?".join(map(re.escape, stem.split())) + r"(?:e?s)?"


# the sections region_words knows but those that are verbs too ("drop the bass", "break it down", "build")
_SECTION = "|".join(
    [s.replace(" ", r"[- ]?") for s in SECTIONS if s not in ("drop", "build up", "build", "break")]
    + ["hook section"]
)
_LEAD = r"(?:(?:ok|okay|so|now|and|then)[,]? )*"
_PARTS = "|".join(
    sorted(
        {
            *(re.escape(p) for p in v.PARTS if p not in ("everything", "piece", "cue", "underscore")),
            # a drum voice, one or several, spaced or hyphenated as typed ("hat", "hi-hats", "crashes")
            *(_voice(word) for word in DRUM_VOICES),
        },
        key=len,
        reverse=True,
    )
)
_VERBS = "|".join(
    sorted(
        {
            *(
                re.escape(w)
                for w in v.CHANGE_VERBS - {"play", "stop", "drop", "turn", "fill", "double", "split"}
            ),
            *"make give put keep only need needs want take bring pull cut raise lower boost write create".split(),
        },
        key=len,
        reverse=True,
    )
)
_FRONTED = re.compile(
    rf"^({_LEAD})((?:{_SECTION})(?: (?:[1-9]|one|two|three))?)( (?:(?:{_PARTS})|(?:{_VERBS}))\b)",
    re.IGNORECASE,
)
_PART_NEXT = re.compile(rf" (?:{_PARTS})$", re.IGNORECASE)


def topic_first(text: str) -> str:
    """``text`` with a bare section said first put as English puts it ("the verse 1 hats ...", "in the
    chorus, make ..."); unchanged when it opens with no bare section name."""
    m = _FRONTED.match(text)
    if m is None:
        return text
    lead, section, after = m.groups()
    rest = text[m.end() :]
    if _PART_NEXT.match(after):
        return f"{lead}the {section}{after}{rest}"
    return f"{lead}in the {section},{after}{rest}"
