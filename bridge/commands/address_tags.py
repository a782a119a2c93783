"""A word of address or a tag set off by a comma around a request (issue 55, round 39): "Bă, I need a bass
line", "hai, make me drums", "..., bine?", "..., te rog", "..., hai!".

A learner of English from many tongues opens a request with a word of address or a call to start (their own
tongue's "hey", "come on") and closes it with a tag ("ok?", "please"): said in their own tongue, the word is
none the parser reads, and the tag's "?" turned a plain request into a question. Such a word is known by its
place alone, never by a table of its meanings: one or two words, first and followed by a comma, or last and
after a comma (a "?", "!" or "." after it), none of them an English word the project's sentences say, and a
request of three words or more left. The words are dropped, with the tag's mark.
"""

from __future__ import annotations

import re

from bridge.commands.english import english_words
from bridge.commands.tongues import FUNCTION

_FIRST = re.compile(r"^\s*([^\W\d_]+(?: [^\W\d_]+)?)\s*[,!]\s+(?=\S)")
_LAST = re.compile(r",\s*([^\W\d_]+(?: [^\W\d_]+)?)\s*[?!.]*\s*$")
LEFT = 3  # words a request keeps once its tags are dropped


def _untabled(words: str) -> bool:
    """Whether none of ``words`` is an English word the project reads (so a part, a verb, a style stays)."""
    known = english_words() | FUNCTION
    return all(w.lower() not in known for w in words.split())


def untagged(heard: str) -> str:
    """``heard`` with a word of address before it and a tag after it dropped (the module's doc)."""
    last = _LAST.search(heard)
    if last and _untabled(last.group(1)) and len(heard[: last.start()].split()) >= LEFT:
        heard = heard[: last.start()]
    first = _FIRST.match(heard)
    if first and _untabled(first.group(1)) and len(heard[first.end() :].split()) >= LEFT:
        heard = heard[first.end() :]
    return heard
