"""Jamaican Patois spellings of English's function words said in the plain English the readers know
(issue 55, round 26; the words from round 25's open set 117, none guessed).

``patois(text)`` is taken by ``plain_words.plain`` beside ``pidgin_words.pidgin``, so the rules, the track-name
readers and the learned reading all read the plain sentence. Nothing changes in a sentence without one of the
markers that English never spells so ("di", "dis", "inna", "mek", "pon", "fi", "likkle", "wid", "tek", "dung",
"anodda", "ova"...): "an" is "and", and "dem" after a noun its plural, only in a sentence that has a marker, so
"an octave" and "an 8 bar loop" in English stay articles. Guards: "fi" in "hi fi", "lo-fi" and "sci fi" is no
"for" (nor a marker); "an" before a vowel, a number or a name in capitals ("an MPC") stays "an". Stdlib only.
"""

from __future__ import annotations

import re

# "fi" for for, never in "lo-fi", "hi fi" or "sci-fi"
_FI = r"(?<!-)(?<!\blo )(?<!\bhi )(?<!\bsci )\bfi\b"
# words English does not spell so: any of them marks the sentence as Patois
_MARKERS = re.compile(
    r"\b(?:di|dis|dat|inna|mek|pon|likkle|wid|tek|dung|anodda|ova|someting|everyting|ting|weh|nuh|"
    rf"jus)\b|{_FI}",
    re.I,
)
PATOIS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\binna\b", re.I), "in the"),
    (re.compile(r"\b(?:mi|me) (?:wah|waan|want) (?:fi |to )?", re.I), "i want to "),
    (re.compile(r"\bmi (?=(?:need|nuh|like|a|deh|just|jus)\b)", re.I), "i "),
    (re.compile(r"\bnuh\b", re.I), "don't"),
    (re.compile(r"\bdi\b", re.I), "the"),
    (re.compile(r"\bdis\b", re.I), "this"),
    (re.compile(r"\bdat\b", re.I), "that"),
    (re.compile(_FI, re.I), "for"),
    (re.compile(r"\bmek\b", re.I), "make"),
    (re.compile(r"\bpon\b", re.I), "on"),
    (re.compile(r"\blikkle\b", re.I), "little"),
    (re.compile(r"\bwid\b", re.I), "with"),
    (re.compile(r"\btek\b", re.I), "take"),
    (re.compile(r"\bdung\b", re.I), "down"),
    (re.compile(r"\bova\b", re.I), "over"),
    (re.compile(r"\banodda\b", re.I), "another"),
    (re.compile(r"\b(some|every|no|any)ting\b", re.I), r"\1thing"),
    (re.compile(r"\bting\b", re.I), "thing"),
    (re.compile(r"\bjus\b", re.I), "just"),
    (re.compile(r"\bweh\b", re.I), "that"),
    # "the hats dem": the hats; "mek dem fresh": them
    (re.compile(r"\b(\w+s) dem\b", re.I), r"\1"),
    (re.compile(r"\bdem\b", re.I), "them"),
    # "a drum beat an a bassline": and (never "an octave", "an 8 bar loop", "an MPC")
    (re.compile(r"\ban (?=(?:a|the|[b-df-gj-np-tv-z]\w*)\b)(?![A-Z]{2})"), "and "),
)  # fmt: skip


def patois(text: str) -> str:
    """The sentence with its Patois said plainly (see the module docstring)."""
    if not _MARKERS.search(text):
        return text
    for said, meant in PATOIS:
        text = said.sub(meant, text)
    return text
