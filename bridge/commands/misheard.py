"""Part words a speech-to-text tool writes as other words (issue 55): "the base" for the bass, "the
courts" for the chords, "the symbols" for the cymbals.

Two kinds. A spelling no English request uses otherwise is the part wherever it is said ("base" but
"the base of", "high hat", "snair", "kik"). A real word that sounds like a part ("court", "courts",
"symbols", "tombs") is the part only where the sentence is about music and the word stands where a
part does: after an article or "and", and before no other noun ("put the courts and the bass up two
semitones", "make the symbols quieter"; "the court case is tomorrow" keeps its court). Works on the
lower-cased sentence; stdlib only.
"""

from __future__ import annotations

import re

# spellings that are the part wherever they are said
ALWAYS = (
    (re.compile(r"\bbase\b(?! of\b)", re.I), "bass"),
    (re.compile(r"\bbase ?lines?\b", re.I), "bass line"),  # (after "base": "the baseline" as typed)
    (re.compile(r"\b(?:hi|high) hates?\b", re.I), "hi hats"),
    (re.compile(r"\bhigh[ -]hat(s?)\b", re.I), r"hi hat\1"),
    (re.compile(r"\bsnair(s?)\b", re.I), r"snare\1"),
)
# real words that sound like a part: the part only where it stands as one in a request about music
SOUNDS_LIKE = {
    "court": "chords", "courts": "chords", "cords": "chords",
    "symbol": "cymbal", "symbols": "cymbals", "simbals": "cymbals",
    "tombs": "toms",
}  # fmt: skip
_BEFORE = r"(?:\b(?:the|my|our|your|those|these|some|and|n|plus|also)|,)"
# what may follow a part in a request: nothing, a mark, a joining word, a particle, a place or a change
_AFTER = (
    r"(?:$|[,.;:!?]|(?:and|or|plus|n|up|down|in|on|at|for|from|to|into|by|a|an|back|out|off|louder|softer|"
    r"quieter|busier|simpler|sparser|denser|more|less|too|so|its|it|is|are|sound|sounds|feel|feels|that|which|"
    r"please|with|without|just|only|again|\d+)\b)"
)
_SOUNDS_LIKE = re.compile(
    rf"({_BEFORE}) ({'|'.join(sorted(map(re.escape, SOUNDS_LIKE), key=len, reverse=True))})(?= *{_AFTER})",
    re.I,
)
# a sentence about music: a part, a drum voice, a change said or a musical unit
_MUSIC = re.compile(
    r"\b(?:bass|drums?|melody|chords?|keys|pad|piano|guitar|strings|kick|snare|hats?|cymbals?|toms|claps?|"
    r"vocals?|semitones?|tones?|octaves?|bars?|bpm|tempo|key|transpose|quantize|humanize|mute|unmute|solo|vary|louder|"
    r"softer|quieter|busier|simpler|loud|quiet|busy|sparse|mix|swing|groove|beat|loop|clip|track|verse|chorus|intro|"
    r"outro|bridge)\b",
    re.I,
)


def as_parts(text: str) -> str:
    """The sentence with the part words a dictation misheard written as the parts (any case)."""
    for said, meant in ALWAYS:
        text = said.sub(meant, text)
    if _SOUNDS_LIKE.search(text) and _MUSIC.search(_SOUNDS_LIKE.sub(" ", text)):
        text = _SOUNDS_LIKE.sub(lambda m: f"{m.group(1)} {SOUNDS_LIKE[m.group(2).lower()]}", text)
    return text
