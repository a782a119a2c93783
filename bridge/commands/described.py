"""Words a sentence says to describe something rather than to ask for a value (issue 55, round 22).

A reading that acts leaves no value word of its sentence unexplained (``unexplained``, ``carried``);
these words are explained by what they describe, never by a field of the reading:

- the selected clip, named with its kind ("split this old work tape into stems", "warp this drone
  loop", "a melody that answers this flute phrase"): the words between "this" and the clip's noun
  (``CLIP_NOUNS``), or one word said as the clip ("separate this funk in stems"), when the reading acts
  on the selected clip or follows it (``ON_CLIP``); the clip handed over ("here's a tape of me playing a
  piano line, turn it into midi") too, and what the clip holds ("this recording of my violin line");
- a chord progression said by its degrees ("chords goin 1 5 6 4", "walks the 1 4 and 5", "the two
  five one", "over the 4 chord") in a reading that writes or changes a pitched part;
- the time signatures an analysis is asked to tell apart ("is this in 3/4 or 6/8?"): what it reads;
- a contraction of a word the reading carries ("what key's this sample in": the key, not the keys).

Never a word that names an action (``explain.ACTION_WORDS``) or a part or a drum voice: "split this
bass loop" still leaves "bass" to be asked about. Sentences are normalised (padded, lower case,
numbers as digits).
"""

from __future__ import annotations

import re
from typing import Any

from bridge.commands import clip_words as cw
from bridge.commands import vocab as v
from bridge.commands.explain import ACTION_WORDS

# the nouns a producer calls the selected clip by
CLIP_NOUNS = frozenset({"clip", "loop", "sample", "tape", "record", "recording", "riff", "phrase", "lick",
                        "bit", "demo", "song", "tune", "line", "bounce", "file", "audio", "one"})  # fmt: skip
ON_CLIP = ("separate", "warp", "analyze", "transcribe")  # the ops that act on the selected clip
PITCHED = frozenset({"chords", "bass", "melody"})  # the parts a progression by degrees is said of
# up to three words then the clip's noun ("this old work tape"), or one word then where it goes ("this funk in")
# or handed over with "here's" ("here's a tape of me playing ..., turn it into midi": the clip is "it")
_CLIP = re.compile(
    r" (?:this|that|these|those|(?:here s|heres|here is) (?:a|an|my|the)) ((?:[a-z]+ ){0,3})("
    + "|".join(CLIP_NOUNS)
    + r")(?= )"
)
# the clip then what it holds: "this recording of my violin line", "that tape of me playing the oud"
_OF_WHAT = re.compile(
    r" (?:this|that) (?:recording|tape|take|bounce|clip|loop|file|audio) of (?:me playing |my |the |a |an |our )?"
    r"([a-z]+)(?= )"
)
_ONE_WORD = re.compile(r" (?:this|that) ([a-z]+)(?= (?:in|into|to|so|for|on)\b| $)")
# three or more degrees ("1 5 6 4", "1 4 and 5", "2 5 1"), or one chord by its degree ("the 4 chord")
# (never a number said with a unit after the degrees: "1 6 4 5, 3 takes", commas gone, keeps its 3)
_UNIT = r"(?! (?:bars?|measures?|takes?|versions?|variations?|times|bpm|beats?|semitones?|percent|db|more|options)\b)"
_DEGREES = re.compile(rf" [1-7]{_UNIT}(?:(?: and)? [1-7]{_UNIT}){{2,}}(?= )| (?<=the )[1-7](?= chord )")
_METER = re.compile(r" (?:2|3|4|5|6|7|9|12) (?:4|8)(?= )")
# what a described word may never be: an action's word, a part's or a drum voice's name
NAMES = frozenset(ACTION_WORDS) | {w for name in (*v.PARTS, *cw.DRUM_VOICES) for w in name.split()}


def _gap(s: str, start: int, end: int) -> str:
    return s[:start] + re.sub(r"\S+", "_", s[start:end]) + s[end:]


def without_described(s: str, means: dict[str, Any]) -> str:
    """``s`` (a normalised request) with the words it says to describe left out (each word a "_"),
    for the reading ``means`` (a schema reading)."""
    op = str(means.get("op"))
    targets = means.get("target")
    targets = set(targets) if isinstance(targets, list) else {targets}
    if op in ON_CLIP or means.get("follow") == "this" or "this" in targets:
        for pattern in (_OF_WHAT, _CLIP, _ONE_WORD):
            for m in reversed(list(pattern.finditer(s))):
                said = m.group(1).split()  # the words between "this" and the clip's noun, or said as it
                noun = m.group(m.lastindex or 1)  # the noun too, unless a part's word ("this phrase")
                if not set(said) & NAMES and (said or noun not in NAMES):
                    s = _gap(s, m.start(1), m.end() if noun not in NAMES else m.start(m.lastindex or 1))
    if targets & PITCHED and op not in ("analyze",):
        for m in reversed(list(_DEGREES.finditer(s))):
            s = _gap(s, m.start(), m.end())
    if op == "analyze":
        for m in reversed(list(_METER.finditer(s))):
            s = _gap(s, m.start(), m.end())
    return s


def contractions(sentence: str, carried: set[str]) -> set[str]:
    """The words ``normalize`` makes of a contraction of a carried word ("key's": "keys" where the
    reading carries "key")."""
    said = re.finditer(r"\b([a-z]+)['’]s\b", sentence.lower())
    return {m.group(1) + "s" for m in said if m.group(1) in carried}
