"""A change said of an instrument MuseAroo makes no part of (issue 55, round 36): "make the piano busier",
"make the strings sparser", "make the rhodes more complex" in the chorus.

A part's dial (busier, simpler, more complex, more energy) makes the part again with the dial moved; MuseAroo
makes drums, bass, chords and melody, so a dial said of "the piano" with no part and no track of that name
read is no part's to move: acted on, it moved the selected clip's, or the learned reading's likeliest part
("make the drums busier"), a part never said. It is asked the way "vary the piano" is (round 34): which
part, the chords or the melody?, its examples the sentence with each said in the instrument's place (each
read by the rules as that change). Sentences are normalised (padded, lower case); ``heard`` as typed.
"""

from __future__ import annotations

import re

from bridge.commands.track_words import FILLER, not_a_part

WHICH_CHANGES = "which part should change?"
# the question; its examples first (``parser`` offers a question's own quoted examples the rules read)
CHANGE_WHICH = (
    "(e.g. '{}' or '{}') MuseAroo makes no {} part (its parts are drums, bass, chords and melody): "
    + WHICH_CHANGES
)
OFFERED = ("chords", "melody")  # the parts an instrument of notes is likeliest to be


def change_asked(heard: str, s: str, named: str) -> str:
    """The question for a dial said of ``named`` (an instrument MuseAroo makes no part of), its two
    examples ``heard`` with the chords and the melody said in the instrument's place (with its filler:
    "the sax part" is "the chords")."""
    said = re.compile(rf"\b{re.escape(named)}(?: (?:{'|'.join(FILLER)}))?\b", re.I)
    text = heard if said.search(heard) else s.strip()
    examples = [said.sub(part, text, count=1) for part in OFFERED]
    return CHANGE_WHICH.format(*examples, named)


def unmade(s: str) -> str | None:
    """The instrument a sentence names that MuseAroo makes no part of ("the piano"), said with no "track" or
    "channel" after it ("the piano track" is Live's track so named, its density changed there), or None."""
    named = not_a_part(s)
    return None if named is None or re.search(rf" {re.escape(named)} (?:track|channel)s? ", s) else named
