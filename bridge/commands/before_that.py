"""A later clause said to be done first (issue 55; ``compound``'s helper): "humanize the bass but before that
transpose it down an octave", "quantize the drums, but first make them busier". The clause after the join is
the first request and the one before it the later, a pronoun in it the other clause's target by name; where
either is not read surely, nothing is done and the order is asked (the one done first changes what the other
acts on, so neither is done alone)."""

from __future__ import annotations

import re
from collections.abc import Callable

from bridge.commands.intent import Intent, unknown
from bridge.commands.later_clauses import clean, named_back
from bridge.commands.normalize import normalize
from bridge.commands.remarks import verb_first

Reader = Callable[[str], Intent]

# "..., but before that ...", "... and before you do that ...", "... but first ..." (a verb after it)
BEFORE = re.compile(
    r"(?:\s*[,;.]\s*|\s+)(?:and\s+|but\s+)?(?:before\s+(?:that|doing\s+that|you\s+do\s+(?:that|it))"
    r"|but\s+first(?:\s+of\s+all)?)\b[\s,]*",
    re.I,
)


def reordered(heard: str, read_one: Reader) -> tuple[list[str], str] | None:
    """The clauses of a sentence whose later clause is to be done first, in the order they are to be done
    (a pronoun in the clause done first said as the other's target), and the other clause as said; None
    where no such join splits the sentence in two."""
    pieces = [clean(p) for p in BEFORE.split(heard)]
    if len(pieces) != 2 or not all(pieces):
        return None
    later, first = pieces
    if not (verb_first(normalize(first)[0]) and verb_first(normalize(later)[0])):
        return None  # "restore the take before that one": a take, no request said first
    said = named_back(read_one(later), first)
    return [said or first, later], later


def done_first(heard: str, split: Callable[[list[str]], Intent | None], read_one: Reader) -> Intent | None:
    """The requests of a sentence whose later clause is to be done first, in that order (``split`` reads
    clauses in order as ``compound`` does), or the question where one is not read surely; None where no such
    join splits the sentence."""
    order = reordered(heard, read_one)
    if order is None:
        return None
    got = split(order[0])
    if got is not None and got.params.get("then") and "not_done" not in got.params:
        return got
    return asked(heard, order[0], got is not None)  # the one done first changes the other: neither alone


def asked(heard: str, order: list[str], first_read: bool) -> Intent:
    """The question where a clause is not read surely: what is to be done before (or after) the other one."""
    if first_read:
        return unknown(heard, f"what should be done after '{order[0]}'?", [order[0]])
    return unknown(heard, f"what should be done before '{order[1]}'?", [order[1]])
