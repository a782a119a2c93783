"""A raga (or its thaat, or a Carnatic melakarta) said where a key would stand (issue 55): "make melody in
bhairavi, Sa is E", "chords in raag yaman with Sa on D", "a bass line in kafi thaat, Sa = G". A raga
is no Western mode name, but several sit on the notes of one: the raga's scale with the tonic said
("Sa is E": Sa, the raga's home note, is E) is read as that key ("in E phrygian"), and with no tonic
said as the scale alone ("in raag yaman": `scale` lydian). A raga whose notes no Western mode holds
(bhairav, todi, marwa, purvi; the five-note ragas: bhupali, malkauns, durga) or a raga name not known
here is asked about, never made in a wrong mode.

Sentences are as typed (``heard_as`` reads them before any other reader). Stdlib only.
"""

from __future__ import annotations

import re

# the raga (and thaat and melakarta) names whose notes are a Western mode's
MODES = {
    "bilawal": "major", "bilaval": "major", "alhaiya bilawal": "major", "shankarabharanam": "major",
    "yaman": "lydian", "yaman kalyan": "lydian", "kalyan": "lydian", "kalyani": "lydian", "mechakalyani": "lydian",
    "khamaj": "mixolydian", "harikambhoji": "mixolydian",
    "kafi": "dorian", "bageshri": "dorian", "bhimpalasi": "dorian", "kharaharapriya": "dorian",
    "asavari": "minor", "jaunpuri": "minor", "darbari": "minor", "natabhairavi": "minor",
    "bhairavi": "phrygian", "hanumatodi": "phrygian",
}  # fmt: skip
# the ragas said often whose notes no Western mode holds: asked about, with the nearest two modes
NO_MODE = {
    "bhairav": ("phrygian", "major"), "mayamalavagowla": ("phrygian", "major"), "ahir bhairav": ("mixolydian", "phrygian"),
    "todi": ("phrygian", "minor"), "marwa": ("lydian", "major"), "purvi": ("lydian", "major"),
    "puriya": ("lydian", "major"), "bhupali": ("major", "mixolydian"), "bhoopali": ("major", "mixolydian"),
    "durga": ("major", "mixolydian"), "malkauns": ("minor", "phrygian"), "hindol": ("lydian", "major"),
    "desh": ("mixolydian", "major"), "pilu": ("minor", "dorian"),
    "mohanam": ("major", "mixolydian"), "hamsadhwani": ("major", "lydian"),
}  # fmt: skip
_NAMES = "|".join(sorted((*MODES, *NO_MODE), key=len, reverse=True))
_RAGA_WORD = r"(?:raag|raga|rag|raagam|ragam|thaat|that)"
# "in bhairavi", "in raag yaman", "in yaman raga", "in kafi thaat", and a raga word before a name not known
_RAGA = re.compile(
    rf"\b(?:(?P<in>in|using|of) (?:the )?)?(?:(?:{_RAGA_WORD}) )?(?P<name>{_NAMES})(?: (?:{_RAGA_WORD}))?\b"
    rf"|\b(?:(?P<in2>in|using|of) (?:the )?)?(?:raag|raga|ragam) (?P<other>[a-z]+)\b",
    re.IGNORECASE,
)
_NOTE = r"[A-Ga-g](?:#|b| sharp| flat)?"
# "Sa is E", "sa = E", "with Sa on D", "E as Sa", "E is sa", "Sa: E"
_TONIC = re.compile(
    rf"[\s,]*(?:(?:with|and|where|taking|keeping) )?(?:\bsa (?:is |= ?|on |at |as |in |: ?|to be )(?:the )?(?:note )?"
    rf"(?P<note>{_NOTE})(?![a-z])|\b(?P<note2>{_NOTE}) (?:is|as|=) sa\b)",
    re.IGNORECASE,
)


def _note(said: str) -> str:
    """ "e" -> "E", "f sharp" -> "F#", "bb" -> "Bb"."""
    said = said.strip().replace(" sharp", "#").replace(" flat", "b")
    return said[0].upper() + said[1:].lower()


def _found(text: str) -> tuple[re.Match[str], re.Match[str] | None] | None:
    raga = _RAGA.search(text)
    if raga is None or (raga.group("other") and raga.group("other").lower() in ("in", "of", "a", "the")):
        return None
    return raga, _TONIC.search(text)


def _said_in(text: str, raga: re.Match[str], tonic: re.Match[str] | None, place: str) -> str:
    """The sentence with the raga said as ``place`` ("E phrygian") and its tonic clause cut."""
    word = raga.group("in") or raga.group("in2") or "in"
    spans = sorted(
        [(raga.start(), raga.end(), f"{word} {place}")]
        + ([(tonic.start(), tonic.end(), "")] if tonic else [])
    )
    out, at = "", 0
    for start, end, said in spans:
        out += text[at:start] + (f" {said}" if said else "")
        at = end
    return " ".join((out + text[at:]).split()).replace(" ,", ",")


def raga_read(text: str) -> str:
    """``text`` with a raga whose notes are a mode's said as that key or scale (module docstring)."""
    found = _found(text)
    if found is None or found[0].group("name") is None or found[0].group("name").lower() not in MODES:
        return text
    raga, tonic = found
    mode = MODES[raga.group("name").lower()]
    if tonic is None:
        return _said_in(text, raga, None, mode)
    return _said_in(text, raga, tonic, f"{_note(tonic.group('note') or tonic.group('note2'))} {mode}")


def raga_question(text: str) -> tuple[str, list[str]] | None:
    """A question for a raga no Western mode holds, or a raga not known here, with the sentence said
    in the two nearest keys as its suggestions; None for any other sentence."""
    found = _found(text)
    if found is None:
        return None
    raga, tonic = found
    name = (raga.group("name") or raga.group("other")).lower()
    if name in MODES:
        return None
    nearest = NO_MODE.get(name, ("major", "minor"))
    note = _note(tonic.group("note") or tonic.group("note2")) if tonic else "C"
    said = [_said_in(text, raga, tonic, f"{note} {mode}") for mode in nearest]
    which = "is no Western key" if name in NO_MODE else "is not a raga known here"
    reason = f"raag {name} {which}: which key should it be in ({note} {nearest[0]} or {note} {nearest[1]})?"
    return reason, said
