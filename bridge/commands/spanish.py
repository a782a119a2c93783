"""A Spanish or Spanish-English sentence said in the English the parser reads (issue 55).

A producer who mixes Spanish and English in one sentence ("quítale los hats al segundo coro", "sube
la melodía una quinta") is read word by word: the phrases of ``spanish_words.PHRASES`` first, then
each word from the tables (a verb with its joined pronouns split off: "quítale" is "quita" + "le"),
the words with two readings from the words around them (``spanish_context``), and last a few
Spanish word orders put in the English one ("el track de las congas": "the congas track"). English
words are left as they were typed (keys keep their capital). A sentence with no word that is only
Spanish ("solo the bass", "a bass line para the verse") is returned unchanged.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from bridge.commands import spanish_context as ctx
from bridge.commands import spanish_words as w
from bridge.commands.spanish_verbs import known_form

_WORD = re.compile(r"([^\W_]+)")
SPANISH_LETTERS = frozenset("áéíóúñüÁÉÍÓÚÑÜ¿¡")
# "pa'" with its apostrophe: Spanish's "para" cut short ("cumbia drums pa' la intro"), no English word
_CONTRACTED = re.compile(r"(?i)\bpa['’](?=\s)")
# words said before a clause's first word that leave it the clause's start ("ok para el jam": stop the jam)
LEADING = frozenset(("ok", "okay", "dale", "claro", "bueno", "vale", "oye", "mira", "bro", "pues"))


def unaccented(text: str) -> str:
    """The text without its accents, case kept: "Violão" -> "Violao", "Café" -> "Cafe"."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def fold(word: str) -> str:
    """Lower case without accents: "Quítale" -> "quitale", "güira" -> "guira"."""
    return unaccented(word.lower())


def verb_of(folded: str) -> tuple[str, str] | None:
    """(command verb, joined pronouns) of a verb form: "quitale" -> ("quita", "le"), "pon" -> ("pon", "")."""
    if folded in w.VERBS:
        return folded, ""
    for clitic in w.CLITICS:
        stem = folded[: -len(clitic)]
        if folded.endswith(clitic) and len(stem) >= 2 and stem in w.VERBS:
            return stem, clitic
    return None


@cache
def _phrases() -> tuple[tuple[tuple[str, ...], str], ...]:
    return tuple(sorted(((tuple(es.split()), en) for es, en in w.PHRASES), key=lambda p: -len(p[0])))


def is_spanish(words: list[str]) -> bool:
    """Whether a folded word of the sentence is only Spanish (a table's word that is no English word)."""
    return any(ctx.spanish_only(word) for word in words)


@dataclass(frozen=True)
class Said:
    """A sentence read as Spanish: its English, the words left as typed, how many were read."""

    english: str
    kept: tuple[str, ...]  # words no table read (English words said in the sentence, or unread ones)
    read: int  # Spanish words read (function words too)


def english_of(text: str) -> str:
    """The sentence in English when it holds Spanish, else ``text`` as it was."""
    said = read(text)
    return text if said is None else said.english


def read(text: str) -> Said | None:
    """The sentence read as Spanish and English, or None when no word of it is only Spanish."""
    parts = _WORD.split(text)  # separators at even places, words at odd ones
    words = [
        fold(p) if all(c.isascii() or c in SPANISH_LETTERS for c in p) else p.lower() for p in parts[1::2]
    ]
    words = [known_form(x, p) for x, p in zip(words, parts[1::2], strict=True)]  # "corré": correr
    accented = any(ch in SPANISH_LETTERS for ch in text)  # "canción", "¿qué": never "très", "à la"
    answered = "si" in words and set(words) <= ctx.YES  # "si", "si si": the Spanish yes, alone
    contracted = _CONTRACTED.search(text) is not None
    if not words or not (is_spanish(words) or accented or answered or contracted):
        return None
    if not (accented or answered or contracted) and _thanked_only(
        words
    ):  # "a loop of guiro, 4 bars, gracias":
        thanked = [w.WORDS[x] if ctx.spanish_only(x) else p for x, p in zip(words, parts[1::2], strict=True)]
        english = "".join(s + x for s, x in zip(parts[0::2], [*thanked, ""], strict=True))  # only its thanks
        return Said(
            english, tuple(p for x, p in zip(words, parts[1::2], strict=True) if not ctx.spanish_only(x)), 0
        )
    words = [ctx.SHORTHAND.get(x, x) for x in words]
    seps = parts[0::2]
    starts = frozenset([0] + [i for i in range(1, len(words)) if re.search(r"[,;:.!?¿¡]", seps[i])])
    starts = starts | _after_leading(words, starts)
    out: list[str | None] = [None] * len(words)  # None: keep the word as typed
    _read_phrases(words, seps, out)
    kept = []
    for i in range(len(words)):
        typed = parts[2 * i + 1]
        if out[i] is None:
            out[i] = _word(words, i, typed, starts)
            if out[i] in (typed, words[i]):
                kept.append(typed)
    text_en = seps[0] + "".join(f"{out[i]}{seps[i + 1]}" for i in range(len(words)))
    said = re.sub(r"^[\s,;:.]+", "", " ".join(text_en.split()).replace(" ,", ",").replace(" ?", "?"))
    english = ctx.english_order(said)  # ("oye bro, ..." leaves no comma first)
    return Said(english, tuple(kept), len(words) - len(kept))


COURTESY = frozenset({"thanks", "please"})  # the English of a Spanish word said only to be polite


def _thanked_only(words: list[str]) -> bool:
    """Whether the only Spanish words of a sentence (folded) are its thanks or please ("gracias", "porfa"): an
    English sentence with a courtesy, whose English words (a prompt's "guiro") no Spanish table rewrites."""
    only = [x for x in words if ctx.spanish_only(x)]
    return bool(only) and all(w.WORDS.get(x) in COURTESY for x in only)


def _after_leading(words: list[str], starts: frozenset[int]) -> frozenset[int]:
    """The first word after the ``LEADING`` words a clause opens with ("ok para el jam": "para")."""
    after = set()
    for start in starts:
        i = start
        while i < len(words) - 1 and words[i] in LEADING and i + 1 not in starts:
            i += 1
        if i != start:
            after.add(i)
    return frozenset(after)


def _read_phrases(words: list[str], seps: list[str], out: list[str | None]) -> None:
    """The phrases and keys read whole: their first word gets the English, the others nothing."""
    i = 0
    while i < len(words):
        key = ctx.solfege_key(words, i)
        if key is not None:
            out[i : i + key[1]] = [key[0]] + [""] * (key[1] - 1)
            i += key[1]
            continue
        for es, en in _phrases():
            end = i + len(es)
            if tuple(words[i:end]) == es and all(not seps[j].strip() for j in range(i + 1, end)):
                out[i:end] = [en] + [""] * (len(es) - 1)
                i = end - 1
                break
        i += 1


def _word(words: list[str], i: int, typed: str, starts: frozenset[int]) -> str:
    """One word in English: read from its neighbours, a number, a verb form, a table's word, or as typed."""
    word = words[i]
    if len(word) == 1 and word in "abcdefg" and i + 1 < len(words) and words[i + 1] in ctx.MODES:
        return typed  # "en A minor", "in e minor": a key, read by the key reader
    if word == "lo" and i + 1 < len(words) and words[i + 1] == "fi":
        return typed  # "un beat lo-fi"
    if typed[:1].isupper() and i > 0 and words[i - 1] in ("pista", "track", "canal"):
        return typed  # "la pista Guira": the track's name, as typed
    if typed.lower() in ctx.ACCENTED:
        return ctx.ACCENTED[typed.lower()]
    read = ctx.in_context(words, i, starts)
    if read is not None:
        return read
    if word in w.NUMBERS:
        return w.NUMBERS[word]
    if word == "y" and 0 < i < len(words) - 1 and words[i - 1] in w.TENS and words[i + 1] in w.NUMBERS:
        return ""  # "treinta y dos": thirty two
    verb = verb_of(word)
    if verb is not None:
        return ctx.verb_said(words, *verb, words[i + 1 : ctx.clause_of(words, starts, i).stop])
    for table in (w.OTHER_VERBS, w.NOUNS, w.WORDS):
        if word in table:
            return table[word]
    for end, one in (
        ("es", ""),
        ("s", ""),
        ("as", "o"),
        ("a", "o"),
    ):  # "brillantes", "aburrida": the table's form
        base = word[: -len(end)] + one
        if len(word) > 3 and word.endswith(end) and (base in w.NOUNS or base in w.WORDS):
            return (
                w.NOUNS[base] + "s"
                if base in w.NOUNS and end != "a"
                else w.WORDS.get(base, w.NOUNS.get(base, ""))
            )
    return typed if typed.isascii() else word  # "reggaetón": reggaeton
