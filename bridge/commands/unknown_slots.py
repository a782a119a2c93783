"""A section or a style named in a word nobody knows (issue 55, round 23): "a melody for the zwischenteil",
"mute the hats in the 2nd ginga", "8 bars of drums for the B-section", "a zouglou beat, 8 bars", "drums in
a mbalax style". Neither reader knows the word, so the request acted on the whole clip or was made without
the style: a misread that acts. It is asked instead ("which section is the ginga?", "which style is
mbalax?"), its two examples sentences the parser acts on: the request over the whole clip and over the
likeliest section (the nearest section name in spelling, else the chorus); the request in the nearest
known style and without one.

The word's place: a section's is "in/for/on/of/during/at/before/after/till the X" at the end of a clause
(a comma, a stop, the sentence's end or "please", "and", "section", ...; no likeness or reason said before
it in the clause: "it should feel like its sinking in the fog"), "the 2nd X" (an ordinal before
it), "the X section/part"; a style's is "a X beat/groove/bass line/melody/..." (a part made), "X style",
"in a X feel/vibe/style", or ", X," (a word alone between commas) in a make. A word is unknown as
``unknown_parts`` finds one (not a part, section, instrument, track or labelled word, no English word the
project's sentences say: "in the mix", "for the vibe", "on the track" act), nor a whole word of the sentence
encoder's vocabulary (common English words and names: "for the tavern", "after the sermon"), nor a genre,
a number or a plural said in a section's place ("for the beginners": people); a letter's section ("the
B-section", "in the parte B", "for part A") and English section words no reader knows ("the interlude", "the vamp") are asked. A sentence
that says its bars ("for the interlude, bars 17 to 24") or is read with a section is not asked about its
section. Sections known by other names are read before this (``section_words``); the world's styles are
carried as said (``vocab.WORLD_STYLES``).

A key's or mode's place (round 24) is "X on D" / "in X on D" (a word with the tonic it sits on: "kurd on D"),
"in D X" (a word after a tonic, ending its clause) and "maqam X" / "the X maqam / mode / scale": a word there
no reader knows was dropped and the request made in the song's key. It is asked ("which key or mode is
kurd?"), its examples the request in the nearest mode in spelling (else minor) on the tonic said, and the
request without it. A raga is read before this (``raga_words``), so its names and "Sa" are never asked here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from difflib import get_close_matches
from functools import cache
from pathlib import Path

from bridge.commands import vocab as v
from bridge.commands.intent import Intent, unknown
from bridge.commands.normalize import normalize
from bridge.commands.region_words import SECTIONS
from bridge.commands.unknown_parts import _ASKING, _known
from bridge.commands.world_styles import ASKED_STYLES, NO_PRESET

_ORD = r"first|second|third|fourth|last|final|1st|2nd|3rd|4th|next|other"
_WORD = r"[a-z][a-z'0-9]*(?:-[a-z0-9]+)?"
_CLAUSE_END = r"(?=\s*(?:[,.;:!?]|$|\s(?:please|pls|and|but|so|too|then|section|part|thanks|thx)\b))"
# "for the zwischenteil.", "in the 2nd ginga", "the B-section"
_SECTION_PLACE = re.compile(
    rf"\b(?:in|for|on|of|during|at|before|after|till|until|through|across) (the (?:(?:{_ORD}) )?({_WORD})"
    rf"(?: (?:section|part))?){_CLAUSE_END}",
    re.I,
)
# a likeness or a reason said before it: "it should feel like its sinking in the fog" names no place
_LIKENED = re.compile(r"\b(?:like|feels?|sounds?|as if|as though|because|cause|coz|cuz)\b", re.I)
_SECTION_NTH = re.compile(rf"\b(the (?:{_ORD}) ({_WORD})(?: (?:section|part))?){_CLAUSE_END}", re.I)
_SECTION_NAMED = re.compile(rf"\b(the ({_WORD}) (?:section|part))\b", re.I)
# "in the parte B", "for part B", "in section A": a letter's section (AABA) said after its word, any tongue's
_SECTION_LETTER = re.compile(
    rf"\b(?:in|for|on|of|during|at|before|after|till|until|through|across) ((?:the )?((?:section|part|parte) [a-d]))"
    rf"(?![\w'#-]){_CLAUSE_END}",
    re.I,
)
_MADE = r"beat|beats|groove|grooves|bass ?line|bass|drums|drum beat|drum pattern|melody|chords|chord progression|rhythm|riff|song|track|tune"
# "a zouglou beat", "a mbalax style", "in a gnawa feel", ", zouglou,"
_STYLE_MADE = re.compile(rf"\b(?:a|an|some) ({_WORD}) (?:{_MADE})\b", re.I)
_STYLE_SAID = re.compile(
    rf"\b(?:in (?:a |an |the )?)?({_WORD})[ -]style\b|\bin (?:a|an) ({_WORD}) (?:feel|vibe|way)\b", re.I
)
_STYLE_ALONE = re.compile(r"(?<=,)\s*([a-z]+)\s*(?=,)", re.I)
# "make drums koplo 8 bars", "make koplo drums": the word right after the part made, before a count or the
# clause's end, or right after the verb of making (round 34)
_STYLE_BESIDE = re.compile(
    rf"\b(?:{_MADE}) ({_WORD})(?= \d|\s*[,.;!?]|\s*$)|\b(?:make|write|create|generate|give me) (?:me )?(?!(?:a|an|the|some|my|new|more|me)\b)({_WORD}) (?:{_MADE})\b",
    re.I,
)
# "dub drums please", "koplo bass line": a word opening a request with no verb, right before the part made (round 35)
_STYLE_FIRST = re.compile(
    rf"^\s*(?:(?:please|pls|ok|okay|now|some|gimme|i want|i need|need) )*"
    rf"(?!(?:a|an|the|some|my|new|more|me|this|that|your|our)\b)({_WORD}) (?:{_MADE})\b",
    re.I,
)
# section words of English a song's cue points may carry that no reader knows as a section: asked too
SECTION_LIKE = frozenset(("interlude", "interludes", "vamp", "turnaround", "postchorus"))
_TONIC = r"(?:[A-G]|[b-g](?= |$))(?:#|b(?![a-z])| sharp| flat)?"
_MARK = r"(?:maqam|makam|mode|scale)"
# "kurd on D", "in kurd on D", "maqam nahawand on C": a mode's word with the tonic it sits on
_KEY_ON = re.compile(
    rf"(?i:\b(?:in )?(?:the )?(?:(?:maqam|makam) )?({_WORD})(?: {_MARK})?) (?i:on|from) ({_TONIC})(?![\w#'])"
)
_KEY_AFTER = re.compile(rf"\b(?i:in) ({_TONIC}) (?i:({_WORD})(?: {_MARK})?){_CLAUSE_END}")  # "in D kurd"
_KEY_MARKED = re.compile(rf"(?i:\b(?:in )?(?:the )?(?:(?:maqam|makam) ({_WORD})|({_WORD}) {_MARK}))\b")
_KEY_WORDS = frozenset((*(w for mode in v.MODES for w in mode.split()), "sa", "key", "mode", "scale"))
_PLACED = frozenset(("region", "from_bar", "to_bar", "first_bars", "last_bars", "scope", "at_bar"))
_STYLE_ACTIONS = ("generate", "vary", "accompany", "jam")


@cache
def _common() -> frozenset[str]:
    """The whole words of the sentence encoder's vocabulary (a word piece list of common English words
    and names: "tavern", "sermon", "fog"); empty where the encoder is not installed."""
    from bridge.reading.encoder import source

    vocab = Path(source()) / "vocab.txt"
    if not vocab.is_file():
        return frozenset()
    return frozenset(w for w in vocab.read_text(encoding="utf-8").split() if w.isalpha() and w.islower())


def _unknown(word: str, kind: str) -> bool:
    """Whether ``word`` said in a ``kind``'s place is no word of the readers' nor a common English word."""
    low = re.sub(r"[ -](?:section|part)$", "", word.lower())
    if len(low) == 1:  # "the B-section", "the A part": a letter's section (AABA), no cue point's name
        return True
    if kind == "section" and low in SECTION_LIKE:
        return True
    if kind == "style" and low in ASKED_STYLES:  # "a folk drum beat": a style no preset has, an English word
        return True
    if kind == "section" and low.endswith("s") and not low.endswith("ss"):  # "for the beginners": people
        return False
    low = low.replace("-", " ")
    known, common = _known(), _common()
    return not (
        any(w.isdigit() or {w, w[:-1], w[:-2]} & known or {w, w[:-1]} & common for w in low.split())
        or low in v.GENRES
        or low in SECTIONS
    )


def _key_place(typed: str) -> tuple[str, str, re.Match[str]] | None:
    """("key", the unknown word, where it is said) for a word in a key's or mode's place, else None."""
    from bridge.commands.raga_words import MODES, NO_MODE

    for pattern in (_KEY_ON, _KEY_AFTER, _KEY_MARKED):
        for m in pattern.finditer(typed):
            word = next(g for g in ((m.group(2), m.group(1)) if pattern is _KEY_AFTER else m.groups()) if g)
            low = word.lower()
            if low not in _KEY_WORDS and low not in MODES and low not in NO_MODE and _unknown(word, "key"):
                return "key", word, m
    return None


def slot_asked(intent: Intent, typed: str) -> tuple[str, str, re.Match[str]] | None:
    """("section", "style" or "key", the unknown word, where it is said) for a sentence read as ``intent``
    when the intent would act without a section, a style or a key it says (module docstring); else None."""
    if not intent.understood or _ASKING.get():  # an example being read is never asked about again
        return None
    if (key := _key_place(typed)) is not None:
        return key
    if not _PLACED.intersection(intent.params):  # "for the interlude, bars 17 to 24": its bars said
        if (letter := _SECTION_LETTER.search(typed)) is not None:
            return "section", letter.group(2), letter
        for pattern in (_SECTION_PLACE, _SECTION_NTH, _SECTION_NAMED):
            for m in pattern.finditer(typed):
                clause = re.split(r"[,.;:!?]", typed[: m.start()])[-1]
                if _unknown(m.group(2), "section") and _LIKENED.search(clause) is None:
                    return "section", m.group(2), m
    if intent.action in _STYLE_ACTIONS and "genre" not in intent.params:
        for pattern in (_STYLE_MADE, _STYLE_SAID, _STYLE_ALONE, _STYLE_BESIDE, _STYLE_FIRST):
            for m in pattern.finditer(typed):
                word = m.group(1) or m.group(2)
                if _unknown(word, "style"):
                    return "style", word, m
    return None


def which_slot(
    heard: str,
    asked: tuple[str, str, re.Match[str]],
    read: Callable[[str], Intent],
    chosen: Intent | None = None,
) -> Intent:
    """ "which section is the X?" / "which style is X?": its examples the first two of the request over
    the whole clip or the nearest section, or in the nearest style or none, that ``read`` acts on."""
    kind, word, m = asked
    if kind == "key":
        return _which_key(heard, word, m, read, chosen)
    names = [*SECTIONS] if kind == "section" else [g for g in v.GENRES if g not in v.WORLD_STYLES]
    kept = [NO_PRESET[word.lower()]] if kind == "style" and word.lower() in NO_PRESET else []  # "dub": reggae
    near = kept or get_close_matches(word.lower(), names, n=1, cutoff=0.6)
    like = near[0] if near else ("chorus" if kind == "section" else "")
    whole = heard[: m.start()] + heard[m.end() :] if kind == "section" else _without(heard, word)
    at = 2 if kind == "section" or not m.group(1) else 1  # the group of the word asked about
    said = [heard[: m.start(at)] + like + heard[m.end(at) :], whole] if like else [whole]
    if kind == "section" and not near:
        said.reverse()  # no nearer section: the whole clip first
    tips: list[str] = []
    sentences = [" ".join(s.replace(" ,", ",").split()).strip(" ,") for s in said]
    token = _ASKING.set(True)
    try:
        with _read_ahead(sentences):
            for sentence in sentences:
                if len(tips) < 2 and read(sentence).understood and normalize(sentence)[0].strip():
                    tips.append(sentence)
    finally:
        _ASKING.reset(token)
    named = re.sub(rf"^the (?:(?:{_ORD}) )?", "", m.group(1), flags=re.I) if kind == "section" else word
    question = f"which section is the {named}?" if kind == "section" else f"which style is {word}?"
    return unknown(heard, f"no {kind} of that name is known: {question}", tips)  # the question said last


def _which_key(
    heard: str, word: str, m: re.Match[str], read: Callable[[str], Intent], chosen: Intent | None
) -> Intent:
    """ "which key or mode is kurd?": its examples the request in the nearest mode on the tonic said (or the
    mode alone) and the request without it, those ``read`` acts on; one ``read`` does not act on is said
    as the request's own sentence (``rephrase.sentence_for``: "make a melody 4 bars in C minor")."""
    tonic = next((g for g in m.groups() if g and re.fullmatch(_TONIC, g) and g != word), "")
    near = get_close_matches(word.lower(), list(v.MODES), n=1, cutoff=0.6)
    mode = v.MODES[near[0]] if near else "minor"
    named = f"in {tonic[:1].upper()}{tonic[1:]} {mode}" if tonic else f"in {mode}"
    tips: list[str] = []
    sentences = [
        re.sub(r"(?:\s*,)+", ",", " ".join(said.split())).replace(" ,", ",").strip(" ,")
        for said in (heard[: m.start()] + named + heard[m.end() :], heard[: m.start()] + heard[m.end() :])
    ]
    token = _ASKING.set(True)
    try:
        with _read_ahead(sentences):
            for sentence in sentences:
                if len(tips) < 2 and normalize(sentence)[0].strip():
                    acts = read(sentence).understood  # read once (lat80: it was read twice when it acted)
                    own = sentence if acts else _own_sentence(sentence, chosen)
                    if (
                        own is not None
                        and (acts if own == sentence else read(own).understood)
                        and own not in tips
                    ):
                        tips.append(own)
    finally:
        _ASKING.reset(token)
    return unknown(heard, f"no mode of that name is known (say it as e.g. '{named}'): "
                          f"which key or mode is {word}?", tips)  # fmt: skip


def _read_ahead(sentences: list[str]) -> AbstractContextManager[None]:
    """The examples' learned readings in one encoder call before each is read (``reader.read_ahead``)."""
    from bridge.commands import reader
    from bridge.commands.heard import heard_as

    return reader.read_ahead([heard_as(s)[0] for s in sentences] if reader.enabled() else [])


def _own_sentence(sentence: str, chosen: Intent | None) -> str | None:
    """The sentence the parser reads as ``chosen``'s op on its target with the values ``sentence`` says."""
    from bridge.commands.means import means_of
    from bridge.commands.rephrase import sentence_for

    if chosen is None:
        return None
    said = means_of(chosen.as_dict())
    target = said.get("target")
    s, key, _ = normalize(sentence)
    return sentence_for(
        str(said.get("op")), target if isinstance(target, str) else None, s, key, offered=True
    )


def _without(heard: str, word: str) -> str:
    """The sentence without the style's word ("a zouglou beat" -> "a beat", ", zouglou," -> ",")."""
    w = re.escape(word)
    out = re.sub(rf"\b(?:in (?:a |an |the )?)?{w}[ -]style\b|\bin (?:a|an) {w} (?:feel|vibe|way)\b|\b{w}\b", "", heard,
                 count=1, flags=re.I)  # fmt: skip
    return re.sub(r"(?:\s*,)+", ",", out)
