"""A drumline's names for drum voices and its groove (issue 55, round 38, set 161): the plain words.

- "bass drum(s)" is the kick, singular or plural, wherever it is said: "pull the bass drums out of the
  intro", "just snares and bass drums" never mean the bass line plus the drums;
- "the cadence" (a drumline's groove) where a part stands is the drums, as "the beat" is: "two more takes
  of the cadence", "keep that cadence going". A harmonic cadence ("the final cadence", "a plagal
  cadence", a sentence of chords) stays as said;
- "the tenors" (a drumline's tuned drums, "tenor drums") are the toms where a drum voice stands and no
  singer or saxophone is said: "humanize the tenors", "thin out the tenors".

Works on the lower-cased sentence or the sentence as written (any case): both the rules and the learned
reading see the plain words.
"""

from __future__ import annotations

import re

_BASS_DRUMS = re.compile(r"\bbass ?drum(s?)\b(?! machines?\b)", re.I)
_DET = r"(?:the|that|this|my|our|your|those|these)"
# a part's place after the word: the end, a mark, a joining word, a verb or a change
_AFTER = (
    r"(?=\s*(?:$|[,.;:!?-]|(?:and|or|going|go|goes|in|on|at|for|from|up|down|out|back|again|louder|softer|"
    r"quieter|busier|simpler|sparser|tighter|more|less|too|is|are|sounds?|feels?|please|with|just|only|a|an|"
    r"its|it|so|then)\b))"
)
_CADENCE = re.compile(rf"\b({_DET}) cadences?{_AFTER}", re.I)
_HARMONY = re.compile(
    r"\b(?:chords?|harmon\w*|resolv\w*|plagal|authentic|perfect|imperfect|deceptive|half|final|dominant|tonic|"
    r"progressions?|key|melody)\b",
    re.I,
)
_TENORS = re.compile(rf"\b({_DET}|and|,) tenors?(?: drums?)?{_AFTER}", re.I)
_TENOR_DRUMS = re.compile(r"\btenor drums?\b", re.I)
_SINGERS = re.compile(
    r"\b(?:sax\w*|saxophones?|singers?|voices?|vocals?|choir|sing\w*|altos?|sopranos?|basses)\b", re.I
)


def drums_plainly(text: str) -> str:
    """``text`` with a drumline's "bass drums", "the cadence" and "the tenors" said as the kick, the
    drums and the toms (each only where the rules above say)."""
    text = _BASS_DRUMS.sub(lambda m: "kick" + m.group(1), text)
    text = _TENOR_DRUMS.sub("toms", text)
    if not _HARMONY.search(text):
        text = _CADENCE.sub(lambda m: f"{m.group(1)} drums", text)
    if not _SINGERS.search(text):
        text = _TENORS.sub(lambda m: f"{m.group(1)} toms", text)
    return text
