"""A later "it" after a request on two things (issue 55, round 35): "quantize the snare and the bass, make it
softer" asks which one, never softens the first named alone.

A first request led by a verb naming two parts or drum voices joined by "and" ("quantize the snare and the
bass"), then after a comma or "then" a clause led by its verb with one "it" and no part of its own: the question names both,
with each as an example. "them" ("..., make them softer") is both and stays with the compound reader; two
words for one part ("the kick and the drums") are no question. Sentences are typed (any case).
"""

from __future__ import annotations

import re

from bridge.commands import vocab as v
from bridge.commands.change_words import VOICES
from bridge.commands.clause_joins import DONE_JOIN, WHILE_JOIN
from bridge.commands.remarks import verb_first

_NAMES = {**{w: p for w, p in v.PARTS.items() if p not in ("all", "song")}, **VOICES}
_NAME = "|".join(sorted((re.escape(w) for w in _NAMES), key=len, reverse=True))
_TWO_THEN_IT = re.compile(
    rf"^(?P<first>(?!(?:the|my|a|an|i|it|this|that|these|those|we|you)\b)[a-z]+\b.*?\b(?:the |my )?(?P<a>{_NAME}) (?:and|&) (?:the |my )?(?P<b>{_NAME}))"
    rf"(?P<join>\s*,?\s*(?:{DONE_JOIN})\s*,?\s*|\s*,?\s+{WHILE_JOIN}|\.\s+"  # "once that's done", "oh and", a full stop
    r"|\s*(?:,\s*(?:and |then |and then )?|;\s*| then | and then | and (?=[a-z]+ it\b)))(?P<rest>.*)$",
    re.I,
)
_SPELLED = re.compile(
    r"\b(that|it|you|we)\s*'\s*(s|re)\b", re.I
)  # "once that's done": no quote mark in an example
_FULL = {"s": "is", "re": "are"}
_GENRE = re.compile(r"\bdrum (?:and|&|n) bass\b", re.I)  # "switch this clip to drum and bass": a style
_IT = re.compile(r"\bit\b", re.I)
_OTHERS = re.compile(r"\b(?:them|they|both|each|all)\b", re.I)
# the song's transport and the take's name: "..., then play it" plays the song, whichever was changed
_WHOLE_VERBS = re.compile(
    r"^(?:(?:now|and|just|please) )*(?:play|stop|undo|redo|save|export|bounce|render|record|loop|name|call|star|keep)\b",
    re.I,
)


def which_of_two(text: str) -> str | None:
    """The question when a later "it" could be either of two things named just before, else None."""
    m = _TWO_THEN_IT.match(" ".join(text.split()))
    if m is None:
        return None
    a, b, rest = m.group("a").lower(), m.group("b").lower(), m.group("rest").rstrip(" .!?")
    if _NAMES[a] == _NAMES[b] and a not in VOICES:  # "the keys and the chords": one part
        return None
    if not verb_first(f" {rest.lower()} ") or _GENRE.search(m.group("first")):  # "..., i want it minimal"
        return None
    if (
        _WHOLE_VERBS.match(rest)
        or len(_IT.findall(rest)) != 1
        or _OTHERS.search(rest)
        or re.search(rf"\b(?:{_NAME})\b", rest, re.I)
    ):
        return None
    said = m.group("first")  # each example the whole sentence, its "it" named: both requests kept
    join = _SPELLED.sub(
        lambda w: f"{w.group(1)} {_FULL[w.group(2).lower()]}", m.group("join")
    )  # quoted whole
    first, second = (f"{said}{join}{_IT.sub(f'the {name}', rest, count=1)}" for name in (a, b))
    return f"(e.g. '{first}' or '{second}') which one: the {a} or the {b}?"
