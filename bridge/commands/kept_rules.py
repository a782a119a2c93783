"""The rules' readings of one sentence's texts, kept while that sentence is read (issue 55: a pure speed change).

One typed sentence is read by the rules (``parser.parse``) many times over: whole, then each clause, each part
of a list alone, the request without its reason, the examples its question offers, and the same text again
by each reader that splits it ("humanize chords and melody, too robotic ...": 18 rules readings of 6 texts). While
``agree.parse`` reads a sentence (``while_read``), each text's rules reading is kept and a later ask for the same
text under the same reading context gets a copy of it. The context is everything the rules may consult that can
change inside one sentence, given by the whole reader: the sentence as typed (``unread_mix.typed``, the tongue a
table reads is judged on it), whether an example is being read as another question's (``unknown_parts._ASKING``),
and whether the learned reading is on. The kept readings are dropped when the outermost sentence ends, so nothing carries to the next.
A reading is handed out as a deep copy (a caller may add to its ``params``), never the kept object itself."""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from bridge.commands.intent import Intent

_Key = tuple[str, Hashable]
_kept = threading.local()  # the sentence being read: its texts' rules readings, and its reading context


@dataclass
class _Sentence:
    context: Callable[[], Hashable]  # the reading context now (given by the whole reader, ``agree.parse``)
    read: dict[_Key, Intent] = field(default_factory=dict)


@contextmanager
def while_read(context: Callable[[], Hashable]) -> Iterator[None]:
    """While one sentence is read: its rules readings kept by text and ``context()`` (nested: the outermost
    sentence's, kept until it ends). The whole reader gives ``context``: this module imports no reader."""
    outer: _Sentence | None = getattr(_kept, "sentence", None)
    if outer is None:
        _kept.sentence = _Sentence(context)
    try:
        yield
    finally:
        if outer is None:
            _kept.sentence = None


def kept(text: str, rules: Callable[[str], Intent]) -> Intent:
    """``rules(text)``, read once a sentence per text and context (``while_read``); outside one, read each time."""
    sentence: _Sentence | None = getattr(_kept, "sentence", None)
    if sentence is None:
        return rules(text)
    at = (text, sentence.context())
    if at in sentence.read:
        return copy.deepcopy(sentence.read[at])
    got = rules(text)
    sentence.read[at] = copy.deepcopy(got)  # the caller may change ``got``'s params; the kept copy stays
    return got
