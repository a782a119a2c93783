"""Sections said the producer's way (issue 55): "the hook", "the refrain", "the middle 8" said as the
names the cue points carry, before anything reads the sentence (``agree.heard_as`` takes it, so the
rules and the learned reading both read "the chorus" or "the bridge").

What is read, and what never is:

- "the hook" is the chorus where a place is meant: after "in", "into", "for", "over", "during",
  "through", "throughout", "across", "before", "after" or "till" ("the kick is too loud in the hook",
  "a melody for the hook"), with an ordinal ("the second hook", "the last hook", "hook 2"), or counted
  ("every hook", "both hooks"); said as a thing ("vary the hook", "another take on the hook", "make the
  hook louder", takes of it: "3 options for the hook") it stays the melody (``vocab.PARTS``); "the climax"
  (Cantopop's and J-pop's word for the chorus, like "sabi") is the chorus where a place is meant, the same way
  ("drums for the climax", "the second climax"); said as a thing or in a name ("name this take 'sad
  climax'") it is left alone;
- "the refrain" (and "the reff", the Indonesian and Dutch word; a noun after an article, an ordinal or a place word; "refrain from" is left alone) is
  the chorus wherever it is said;
- "the middle 8" / "the middle eight" is the bridge;
- an Indian film song's parts: "the mukhda" (the opening refrain, its chorus) is the chorus and "the
  antara" (the verse) the verse, wherever either is said (neither is an English word; "mukhra", "antra"
  and the plurals too), "the" said where no determiner is ("more busy in antara": in the verse);
- a K-pop song's "dance break" is the break ("in dance break", no "the" said: in the break);
- a section's name in another song tradition or tongue (``OTHER_NAMES``): J-pop's "A-melo", "B-melo",
  "C-melo" and "sabi" (verse, pre chorus, bridge, chorus; "Amelo", "A melo" too), Italian "strofa" and
  "ritornello", Portuguese "refrão" and "ponte", French "pont", and the
  "coda" (the outro), each with "the" said where no determiner is ("for B-melo": for the pre chorus); "the
  pre" said alone is the pre chorus. A cue point named so is found for its section too
  (``bridge.actions.sections.span``);
- "portion" (or "portions") said after a section is no word of its own ("in the antara portion", "the
  chorus portion": the section).

A sentence with none of these is returned as it was.
"""

from __future__ import annotations

import re

_ORDS = r"first|second|third|fourth|fifth|last|final|next|1st|2nd|3rd|4th|5th|opening|closing|other|same"
_PLACE = r"in|into|for|over|during|through|throughout|across|before|after|till|until|within"
_ART = r"the|this|that|my|our|a"
# "in the hook", "for the second hook", "through the last hook"
_HOOK_PLACE = re.compile(
    rf"\b((?:{_PLACE}) (?:(?:{_ART}) )?(?:(?:{_ORDS}) )?)(?:hook|climax)((?:e?s)?)\b", re.I
)
# "the second hook", "the last hook", "hook 2": an ordinal makes it a place
_HOOK_NTH = re.compile(
    rf"\b((?:{_ART}) (?:{_ORDS}) )(?:hook|climax)\b|\b(?:hook|climax)(?= (?:\d|one|two|three|four)\b)", re.I
)
# "every hook", "each hook", "both hooks", "all the hooks"
_HOOK_EVERY = re.compile(
    r"\b((?:every|each|both(?: the)?|all(?: of)? the) )(?:hook|climax)((?:e?s)?)\b", re.I
)
_REFRAIN = re.compile(
    rf"\b((?:{_ART}|{_PLACE}|every|each|both|{_ORDS}) (?:(?:{_ORDS}) )?)(?:refrain|refrein|reff)(s?)\b(?! from)",
    re.I,
)
# "3 options for the hook", "ideas for a hook": takes of the hook, the melody, said as a thing
_HOOK_TAKES = re.compile(
    r"\b(options|ideas|versions|takes|variations|choices|alternatives|suggestions) for ((?:the|a|my) )hook\b",
    re.I,
)
_MIDDLE_8 = re.compile(r"\bmiddle (?:8|eight)(s?)\b", re.I)
# an Indian film song's parts, with what is said before them: "for the mukhda", "in antara", "both antaras"
FILM_SONG = {"mukhda": "chorus", "mukhra": "chorus", "antara": "verse", "antra": "verse"}
_DETERMINER = rf"(?:{_ART}|{_ORDS}|every|each|both|all|these|those|your|his|her|their)"
_FILM_SONG = re.compile(rf"\b((?:{_DETERMINER}) )?({'|'.join(FILM_SONG)})(s)?\b", re.I)
# a section's name in another tradition or tongue (accents folded) -> the cue point's name
OTHER_NAMES = {"a melo": "verse", "b melo": "pre chorus", "c melo": "bridge", "sabi": "chorus", "strofa": "verse",
               "strofe": "verse", "ritornello": "chorus", "refrao": "chorus", "ponte": "bridge", "pont": "bridge",
               "coda": "outro"}  # fmt: skip
_FOREIGN_ART = "el|la|il|lo|le|les|l'|o|al|del|nel|nella|na|no|do|da|du|au|sul|sulla"
# "the A-melo", "in sabi", "the 2nd sabi", "for B-melo", "la strofa": the name, with what is said before it
_OTHER = re.compile(
    rf"\b((?:{_DETERMINER}|{_PLACE}|{_FOREIGN_ART}) )?(?:(a|b|c)[ -]?melo|(sabi|strofa|strofe|ritornello|refr[aã]o|"
    r"ponte|pont|coda))(s)?\b",
    re.I,
)
# "in the pre", "for the pre": the pre chorus (never "pre" said before another word: "the pre delay")
_PRE = re.compile(
    r"\b((?:in|for|into|during|before|after|over|till|until) the )pre(?=\s*(?:[,.;:!?]|$|\s(?:please|pls|and|but|so|too|then|section|part)\b))",
    re.I,
)
_SECTION_NAMES = r"chorus|choruses|verses?|intros?|outros?|bridges?|drops?|breakdowns?|pre chorus|hooks?"
# "the antara portion", "the chorus portion": the section itself
_PORTION = re.compile(rf"\b({_SECTION_NAMES}) portions?\b", re.I)
# a K-pop song's "dance break" is its break, "the" said where a place word stands alone: "in dance break"
_DANCE_BREAK_PLACE = re.compile(rf"\b((?:{_PLACE}) )dance break(s?)\b", re.I)
_DANCE_BREAK = re.compile(r"\bdance break(s?)\b", re.I)


def _film_song(m: re.Match[str]) -> str:
    plural = m.group(3) is not None  # "both antaras"
    name = FILM_SONG[m.group(2).lower()]
    return (m.group(1) or "the ") + name + (("es" if name == "chorus" else "s") if plural else "")


def _chorus(m: re.Match[str]) -> str:
    return m.group(1) + "chorus" + ("es" if m.group(2) else "")


def _other(m: re.Match[str]) -> str:
    said, plural = m.group(1) or "", m.group(4)
    name = OTHER_NAMES[f"{m.group(2).lower()} melo" if m.group(2) else fold(m.group(3).lower())]
    if re.fullmatch(rf"(?:{_FOREIGN_ART}) ", said, re.I):
        said = "the "  # "la strofa": the verse
    elif not re.fullmatch(rf"(?:{_DETERMINER}) ", said, re.I):
        said += "the "  # "in sabi": in the chorus
    return said + name + (("es" if name.endswith("chorus") else "s") if plural else "")


def fold(word: str) -> str:
    """A word with its accents taken off ("refrão" -> "refrao")."""
    return word.replace("ã", "a")


# a new intro or outro named by the part that plays it: "a drum intro", "a 16 bar intro on the keys", "an
# eight bar piano outro" are that part made for the section ("8 bars of drums for the intro")
_COUNT = r"(\d+|two|four|eight|twelve|sixteen|thirty two)[- ]bars?"
_PLAYER = r"(drums?|piano|keys|bass|bass line|synth|guitar|strings|chords|pads?|melody)"
_PART_SECTION = re.compile(rf"\ban? (?:{_COUNT} )?{_PLAYER} (intro|outro)\b", re.I)
_SECTION_ON = re.compile(rf"\ban? (?:{_COUNT} )?(intro|outro) (?:on|with|for) (?:the )?{_PLAYER}\b", re.I)


def _made_for(count: str | None, part: str, section: str) -> str:
    played = "piano chords" if part.lower() == "piano" else part  # a piano's part is the chords
    return (f"{count} bars of " if count else "") + f"{played} for the {section}"


def sections_named(text: str) -> str:
    """The sentence with "the hook", "the refrain", "the middle 8", "the mukhda", "the antara", "the
    A-melo", "the sabi" said as cue points name them, and a new intro or outro named by its part as that part
    made for it (module docstring)."""
    if re.search(r"intro|outro", text, re.I):
        text = _PART_SECTION.sub(lambda m: _made_for(m.group(1), m.group(2), m.group(3)), text)
        text = _SECTION_ON.sub(lambda m: _made_for(m.group(1), m.group(3), m.group(2)), text)
    if re.search(r"melo|sabi|strof|ritornel|refr|pont|coda|\bpre\b", text, re.I):
        text = _PRE.sub(r"\1pre chorus", _OTHER.sub(_other, text))
    if re.search(r"dance break", text, re.I):
        text = _DANCE_BREAK.sub(r"break\1", _DANCE_BREAK_PLACE.sub(r"\1the break\2", text))
    if not re.search(r"hook|climax|refrain|refrein|reff|middle|mukh|antr|antara|portion", text, re.I):
        return text
    text = _PORTION.sub(r"\1", _FILM_SONG.sub(_film_song, text))
    text = _HOOK_TAKES.sub(r"\1 of \2hook", text)
    text = _HOOK_PLACE.sub(_chorus, text)
    text = _HOOK_EVERY.sub(_chorus, text)
    text = _HOOK_NTH.sub(lambda m: (m.group(1) or "") + "chorus", text)
    text = _REFRAIN.sub(_chorus, text)
    return _MIDDLE_8.sub(lambda m: "bridge" + ("s" if m.group(1) else ""), text)
