"""A request said after the state of the song (issue 55): "since it's all chords so far, write me some
drums", "there's only a bass line right now so give me a melody", "as we have no drums yet, make a
beat". The clause before the request says what there is, not what to make: the part it names is no
target. ``without_context`` cuts it when the request makes a part of its own (a making verb and a
part word); otherwise ("since the bass is too loud, turn it down": the part is the context's) and
when the context says a value or a place (a number, a key, a section: "since bar 5, ...") the
sentence stays whole. Works on normalised, padded sentences (``normalize``); stdlib only.
"""

from __future__ import annotations

import re

from bridge.commands import vocab as v

_OPENERS = (
    "since", "as", "because", "cause", "cuz", "seeing as", "given that", "now that", "theres", "there is",
    "there s", "we ve", "weve", "we have", "we got", "ive", "i ve", "i have", "its", "it s", "all i have is",
    "all we have is", "so far", "right now",
)  # fmt: skip
_VERBS = "|".join(re.escape(w) for w in sorted(v.GENERATE_VERBS, key=len, reverse=True))
_CONTEXT = re.compile(
    rf"^ (?:{'|'.join(_OPENERS)}) (?P<context>.+?) (?:so |now |then |and )?"
    rf"(?P<request>(?:please |(?:can|could|would) you )?(?:{_VERBS}) .*)$"
)
_PART = re.compile(
    r" (?:" + "|".join(re.escape(w) for w in sorted(v.PARTS, key=len, reverse=True)) + r")(?= )"
)
# a value or a place said in the context is the request's: "since bar 5", "as the chords are in D minor"
_VALUE = re.compile(r"\d| _key_ | (?:bars?|intro|verse|chorus|bridge|outro|breakdown|drop|build|break|end) ")


def without_context(s: str) -> str:
    """``s`` without a context clause before a request that makes a part of its own; else ``s``."""
    m = _CONTEXT.match(s)
    if m is None or _VALUE.search(f" {m.group('context')} ") or not _PART.search(f" {m.group('request')}"):
        return s
    return f" {m.group('request')}"
