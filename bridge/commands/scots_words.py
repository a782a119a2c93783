"""Scots spellings of English's function words said in the plain English the readers know (issue 55, round
29; the words from round 28's open set 133, a ceilidh accordionist in Glasgow, none guessed).

``scots(text)`` is taken by ``plain_words.plain`` beside ``patois_words.patois``, so the rules, the track-name
readers and the learned reading all read the plain sentence. Nothing changes in a sentence without one of the
markers English never spells so ("oot", "fae", "tae", "doon", "ower", "intae", "mair", "cannae", "gaun",
"whit", ...); "o" between two lower-case words ("a loop o bagpipes", "the rest o the band") is "of" and marks
the sentence too (English writes no "o" there). In a marked sentence only: "wi" is "with" (never "wi-fi"),
"an" before a word that takes no "an" in English is "and" ("the kick an the bodhran"), "aw" after "at" or
before "the" is "all", and a word that drops its "g" ("comin", "startin", "whistlin") is the English word
with it. The fade that was read as a fade in ("fade the melody oot ower the lsat 4 bars") is a fade out here.
Stdlib only.
"""

from __future__ import annotations

import re

from bridge.commands.english import english_words

# "o" for of: only between two lower-case words ("a loop o bagpipes"), never "O" or a key's letter
_OF = re.compile(r"(?<=[a-z] )o(?= [a-z])")
# words English does not spell so: any of them marks the sentence as Scots
_MARKERS = re.compile(
    r"\b(?:oot|fae|tae|doon|ower|intae|mair|cannae|gonnae|gaun|whit|daein|awfy)\b|" + _OF.pattern
)
SCOTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (_OF, "of"),
    (re.compile(r"\boot\b", re.I), "out"),
    (re.compile(r"\bfae\b", re.I), "from"),
    (re.compile(r"\bintae\b", re.I), "into"),
    (re.compile(r"\btae\b", re.I), "to"),
    (re.compile(r"\bdoon\b", re.I), "down"),
    (re.compile(r"\bower\b", re.I), "over"),
    (re.compile(r"\bmair\b", re.I), "more"),
    (re.compile(r"\bcannae\b", re.I), "can't"),
    (re.compile(r"\bgonnae\b", re.I), "can you"),
    (re.compile(r"\bgaun\b", re.I), "going"),
    (re.compile(r"\bwhit\b", re.I), "what"),
    (re.compile(r"\bdaein\b", re.I), "doing"),
    (re.compile(r"\bawfy (?=\w)(?!an\b|and\b|can\b)", re.I), "very "),  # "awfy busy": very busy
    (re.compile(r"\bawfy\b", re.I), "awful"),
    (re.compile(r"\bma\b(?= [a-z])"), "my"),  # "turn ma whistlin intae notes": my (a marked sentence only)
    (re.compile(r"\bwi\b(?![- ]?fi\b)", re.I), "with"),
    (re.compile(r"\b(?<=at )aw\b|\baw\b(?= the\b)", re.I), "all"),
    # "the kick an the bodhran", "swing the hats an make ...": and (never "an octave", "an 8 bar loop")
    (re.compile(r"\ban (?=(?:a|the|[b-df-gj-np-tv-z]\w*)\b)(?![A-Z]{2})"), "and "),
)  # fmt: skip
_DROPPED_G = re.compile(r"\b([a-z]{2,}[b-df-hj-np-tv-z]in)\b")


def _with_g(m: re.Match[str]) -> str:
    """ "comin" is coming, "whistlin" whistling: the word with its "g" back, when that is an English word or
    the word as typed is none ("violin", "cabin" stay)."""
    word, known = m.group(1), english_words()
    return word + "g" if word + "g" in known or word not in known else word


def scots(text: str) -> str:
    """The sentence with its Scots said plainly (see the module docstring)."""
    if not _MARKERS.search(text):
        return text
    for said, meant in SCOTS:
        text = said.sub(meant, text)
    return _DROPPED_G.sub(_with_g, text)
