"""Punctuation said aloud to a dictation tool and written out as words (issue 55).

"lose the claps comma they're too much" is "lose the claps, they're too much": the request and the
reason given after it, read as two clauses the way the typed sentence is. A punctuation word is read
as its mark only where it cannot be a word of the request: "comma" anywhere, "question mark" and
"exclamation mark" anywhere, "full stop" and "period" where a clause ends ("bring it to a full
stop" and "a period of eight bars" keep their words), "new line" and "new paragraph" anywhere.
"""

from __future__ import annotations

import re

from bridge.commands.misheard import as_parts

_MARKS = (
    (re.compile(r"\s+comma\b", re.IGNORECASE), ","),
    (re.compile(r"\s+(?:question mark|questionmark)\b", re.IGNORECASE), "?"),
    (re.compile(r"\s+exclamation (?:mark|point)\b", re.IGNORECASE), "!"),
    (re.compile(r"\s+new (?:line|paragraph)\b", re.IGNORECASE), "."),
    # a clause ends at "full stop" or "period" said after a word, not after "a", "the" or "to"
    (re.compile(r"(?<![^\w]a)(?<!the)(?<!to)\s+(?:full stop|period)(?!\s+of\b)\b", re.IGNORECASE), "."),
)


def punctuated(text: str) -> str:
    """``text`` with its spoken punctuation words as their marks (unchanged when it says none)."""
    if not re.search(r"comma|mark|point|new line|new paragraph|full stop|period", text, re.IGNORECASE):
        return text
    for said, mark in _MARKS:
        text = said.sub(mark, text)
    return " ".join(text.split())


def as_dictated(text: str) -> str:
    """``text`` as a dictation meant it: punctuation words as marks, misheard part words as the parts
    ("the courts and the base" the chords and the bass: ``misheard``)."""
    return as_parts(punctuated(text))
