"""A modulation with no key said (issue 55, round 36): "modulate everything", "can you modulate the chords"
asked "to which key?", each example the request with a key that the rules read as that change ("modulate
everything to A minor"), never a change of another kind ("make the all busier").

"modulate" said of a part, everything or "it" is asked before any reading (the learned reading's likeliest
is often a new take: "can you modulate the bass please" was a vary); a modulation said otherwise ("a key
change", "the modulation") only where no reader understood the sentence. A key or an interval said
("modulate the bass up a fifth") is read as before. Works on the typed text (any case).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bridge.commands.intent import Intent
from bridge.commands.normalize import normalize

_MODULATE = re.compile(r"\bmodulat(?:e|ing|ion)\b|\bkey change\b|\bchange (?:the|its) key\b", re.I)
# what is modulated: the words after the verb up to the clause's end, politeness aside
_WHAT = re.compile(
    r"\bmodulate\s+(?P<what>(?:the|my|this|that|everything|it|all)\b[^,.;!?]*?)"
    r"(?:\s+(?:please|pls|for me|now|a bit|somewhere|somehow))*\s*(?:[,.;!?]|$)",
    re.I,
)
_INTERVAL = re.compile(
    r"\b(?:up|down|higher|lower|semitones?|steps?|tones?|octaves?|fifth|fourth|third)\b", re.I
)
KEYS = ("E major", "D minor", "A minor", "G major")  # any two keys: the examples say how a key is said
WHATS = ("the song", "everything", "it", "the drums", "the bass", "the chords", "the melody")  # most said


def key_asked(heard: str, read_as: Callable[[str], Intent], *, read: bool) -> tuple[str, list[str]] | None:
    """The question and its examples (each read by ``read_as``, the whole reader, as a key change) for a
    modulation that says no key, else None. Before the sentence is ``read``, only "modulate" said of something the rules modulate ("modulate the bass": never a new take
    of it; "modulate the filter" is no key change); after a reading that understood nothing, any modulation."""
    if not _MODULATE.search(heard) or normalize(heard)[1] is not None or _INTERVAL.search(heard):
        return None
    said = _WHAT.search(heard)
    if said is None and not read:
        return None
    whats = [said.group("what").strip()] if said else []
    whats += ["the song"] if read else []
    for what in whats:
        examples = [e for e in examples_of(what) if _changes_key(read_as(e), what)][
            :2
        ]  # the first two read so
        if len(examples) == 2:
            return f"(e.g. '{examples[0]}' or '{examples[1]}') to which key?", examples
    return None


def examples_of(what: str) -> list[str]:
    """The examples of a modulation of ``what`` ("the bass", "everything"), one for each of ``KEYS``."""
    return [f"modulate {what} to {key}" for key in KEYS]


def _changes_key(intent: Intent, what: str) -> bool:
    """The song's key set, or a part's notes (or the clip said as "it") moved to a key ("the filter cutoff"
    moved is no part's)."""
    held = intent.part is not None or what.lower() in ("it", "this")
    moved = intent.action == "transform" and intent.params.get("kind") == "transpose" and held
    return moved or intent.action == "set_key"
