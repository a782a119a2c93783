"""Typed words a producer got slightly wrong (issue 44): "melidy", "chrods", "humanise the drusm",
and part names glued to another word ("countermelody"); "every" misspelt before a count ("evry 8 bars").

A word no command uses that is one edit (a letter changed, added, dropped, or two swapped) from
exactly one part name or a few operation words of five letters or more becomes that word; one that ends in a part's name
is split before it ("countermelody" -> "counter melody"). Words the vocabulary knows are left as
they are, an English word is never read as a part's typed other name ("coming" is no "comping"), and so are short words (one edit from a four-letter word is too often another word).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache, lru_cache

from bridge.commands.edits import one_edit

MIN_LENGTH = 5
# the command words a near miss may become besides the parts' names: words no English word is one
# edit from ("faster" is not here: "master" is one edit away, and a misheard word must not act)
OPERATIONS = ("quantize", "humanize", "transpose", "busier", "simpler", "variations", "tempo")
# section names, drum voices and common verbs a near miss may become too ("chrous", "snrae", "genrate")
SECTION_WORDS = ("chorus", "verse", "intro", "outro", "bridge", "breakdown", "prechorus")
VOICE_WORDS = ("snare", "hihat", "hihats", "cymbal", "crash", "claps", "percussion", "shaker", "tambourine")
# (not "remove": "remote" is a word; not "groove": "groovy" is one)
VERB_WORDS = (
    "generate",
    "louder",
    "softer",
    "quieter",
    "variation",
    "arrangement",
    "melody",
    "chords",
    "another",
    "different",  # "3 diffrent versions"
    "difference",  # "whats the diffrence between": a comparison asked ("different" is two edits away)
    "measures",  # "for eight more measuers": a bar's unit (no English word one edit from it)
)
# the other operations' verbs and a transpose's unit, no English word one edit from any of them but their
# own forms ("separated", "semitone": a word that begins the verb or that the verb begins is left alone);
# one edit only ("seperate" is two from "generate": never that)
OPERATION_VERBS = ("separate", "transcribe", "accompany", "automate", "continue", "unmute", "isolate",
                   "extract", "straighten", "syncopate", "regenerate", "simplify", "analyze", "semitones",
                   "octave")  # fmt: skip
# a word said before a count ("evry 8 bars", "evrey four bars", "the lsat 4 bars"): one edit from it only
# there, however short
COUNTING_WORDS = ("every", "last", "first")  # "over the lsat 4 bars"
# words of their own one edit from a target, never read as it ("the bride loves this song": no bridge)
OWN_WORDS = frozenset({"bride"})
TWO_EDITS_FROM = 8  # a target this long may be two edits off a word of 7+ ("arangment", "humanse")


@cache
def _targets() -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    from bridge.commands import vocab as v
    from bridge.commands.known import vocabulary_words

    known = vocabulary_words()
    parts = tuple(
        sorted((p for p in v.PARTS if " " not in p and len(p) >= MIN_LENGTH), key=len, reverse=True)
    )
    words = frozenset(
        w
        for w in (*parts, *OPERATIONS, *SECTION_WORDS, *VOICE_WORDS, *VERB_WORDS, *OPERATION_VERBS)
        if len(w) >= MIN_LENGTH
    )
    return known, parts, words


@cache
def _aliases() -> frozenset[str]:
    """A part's typed other names ("comping", "voicings"): rarer words than the English words one edit
    from them, so a word the project's sentences say ("coming") is never read as one."""
    from bridge.commands import vocab as v

    return frozenset(v.TYPED_PARTS)


@cache
def _english() -> frozenset[str]:
    from bridge.commands.english import english_words

    return frozenset(english_words())


LETTERS = "abcdefghijklmnopqrstuvwxyz"
_PLAIN = re.compile(f"[{LETTERS}]*")  # a word of these letters only is looked up among its neighbours


def edits(word: str) -> set[str]:
    """Every string one of ``one_edit``'s changes makes of ``word``, a letter added or changed one of
    ``LETTERS`` (``word`` itself among them where a letter of it is changed to itself)."""
    out = {word[:i] + word[i + 1 :] for i in range(len(word))}  # one deletion
    out |= {word[:i] + c + word[i:] for i in range(len(word) + 1) for c in LETTERS}  # one insertion
    out |= {word[:i] + c + word[i + 1 :] for i in range(len(word)) for c in LETTERS}  # one change
    out |= {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}  # one swap
    return out


def near_index(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """For each string of ``LETTERS`` one edit from some of ``words``, those words (a table built once, so
    that ``within_one`` looks a word up instead of trying every word of the list)."""
    index: dict[str, list[str]] = {}
    for t in words:
        for near in edits(t) - {t}:
            index.setdefault(near, []).append(t)
    return {near: tuple(ts) for near, ts in index.items()}


def within_one(word: str, index: dict[str, tuple[str, ...]], words: Iterable[str]) -> list[str]:
    """The words of ``words`` that ``one_edit`` finds one edit from ``word``; ``index`` is
    ``near_index(words)``, read for a word of ``LETTERS`` only (any other, "snaré", tries each word)."""
    if _PLAIN.fullmatch(word):
        return list(index.get(word, ()))
    return [t for t in words if one_edit(word, t)]


@cache
def _near_targets() -> dict[str, tuple[str, ...]]:
    return near_index(_targets()[2])


_NEW_TARGETS = frozenset((*SECTION_WORDS, *VOICE_WORDS, *VERB_WORDS, *OPERATION_VERBS))
SWAP_ONLY_BELOW = 6  # "clips" is one letter from "claps", "share" from "snare": a short one only by a swap


def _near_enough(w: str, t: str) -> bool:
    """A section, voice or verb of under six letters is reached by two letters swapped only ("snrae");
    an operation's verb never from its own form ("isolated", "semitone")."""
    if t in OPERATION_VERBS and (w.startswith(t) or t.startswith(w)):
        return False
    return len(t) >= SWAP_ONLY_BELOW or (
        len(w) == len(t) and sum(a != b for a, b in zip(w, t, strict=True)) == 2
    )


def two_edits(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` by two of ``one_edit``'s changes."""
    if abs(len(a) - len(b)) > 2 or not _letters_within_two(a, b):
        return False
    firsts = edits(a)
    if _PLAIN.fullmatch(a):  # each of ``firsts`` is one edit from ``b`` (or is ``b``) just when it is among
        return not firsts.isdisjoint(_target_edits(b))  # ``b``'s own edits: one set meets another
    return any(one_edit(f, b) or f == b for f in firsts)


@lru_cache(maxsize=256)
def _target_edits(word: str) -> frozenset[str]:
    """``edits`` of a word a near miss is tried against (a few dozen fixed targets: each built once)."""
    return frozenset(edits(word))


@lru_cache(maxsize=1024)
def _letters(word: str) -> Counter[str]:
    return Counter(word)


def _letters_within_two(a: str, b: str) -> bool:
    """Whether two edits can turn ``a``'s letters into ``b``'s: each edit takes at most one letter away
    and adds at most one (a swap neither), so at most two of either side are not in the other. A
    cheap necessary test that spares ``two_edits`` building a word's few hundred neighbours."""
    la, lb = _letters(a), _letters(b)
    return (la - lb).total() <= 2 and (lb - la).total() <= 2


def sounded(word: str) -> str:
    """A word as it sounds: "z" and "s" alike, "ck" and "c" as "k", a doubled letter as one ("hatz",
    "kik", "snarre" sound as "hats", "kick", "snare")."""
    said = re.sub(r"ck|c(?![eiy])", "k", word.replace("z", "s"))
    return re.sub(r"(.)\1+", r"\1", said)


@cache
def _sounds() -> dict[str, str]:
    """The part and drum voice names by how they sound, those that sound like one name only."""
    from bridge.commands import change_words as cg
    from bridge.commands import vocab as v
    from bridge.commands.track_words import INSTRUMENTS

    names = {w for w in (*v.PARTS, *cg.VOICES, *VOICE_WORDS, *INSTRUMENTS) if " " not in w and len(w) >= 3}
    heard = Counter(sounded(w) for w in names)
    return {sounded(w): w for w in sorted(names) if heard[sounded(w)] == 1}


def _before_count(word: str, after: list[str]) -> str | None:
    """The counting word ("every") ``word`` is one edit from, when a count follows it ("evry eight bars")."""
    from bridge.commands.numbers import NUMBER_WORDS

    if not after or not (after[0].isdigit() or after[0] in NUMBER_WORDS):
        return None
    return next((c for c in COUNTING_WORDS if one_edit(word, c)), None)


def corrected(words: list[str]) -> list[str]:
    """The words with near misses of command words put right and glued part names split; a word no
    command uses that sounds like one part's name only is that name ("hatz", "kikk", "drumz")."""
    known, parts, targets = _targets()
    sounds, index = _sounds(), _near_targets()
    out: list[str] = []
    for i, w in enumerate(words):
        if w in known or w in targets or w in OWN_WORDS or len(w) < 3 or not w.isalpha():  # a word, or none
            out.append(w)
            continue
        if (counting := _before_count(w, words[i + 1 : i + 2])) is not None:  # "a fill evry 8 bars"
            out.append(counting)
            continue
        if (heard := sounds.get(sounded(w))) is not None:
            out.append(heard)
            continue
        if len(w) < MIN_LENGTH:
            out.append(w)
            continue
        near = [t for t in within_one(w, index, targets) if t not in _NEW_TARGETS or _near_enough(w, t)]
        if not near and len(w) >= TWO_EDITS_FROM - 1:
            near = [
                t
                for t in targets
                if len(t) >= TWO_EDITS_FROM and t not in w and t not in OPERATION_VERBS and two_edits(w, t)
            ]
        glued = next((p for p in parts if w.endswith(p) and len(w) - len(p) >= 3), None)
        if len(near) == 1 and near[0] in _aliases() and w in _english():  # "coming" is no "comping"
            out.append(w)
        elif len(near) == 1:
            out.append(near[0])
        elif glued is not None:
            out += [w[: -len(glued)], glued]
        else:
            out.append(w)
    return out
