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


# a dictated run-on: a request ended by "please" or "thanks" and a remark said on with no mark ("eight bars
# please the dancers like that"): the remark is a clause of its own, as if a comma were said ("to please the
# crowd" keeps its verb)
_RUN_ON = re.compile(
    r"(?<=\w)(?<! to)\s+(please|pls|thanks|thank you)\s+(?=(?:the|my|our|your|his|her|their|i|im|we|they|she|he"
    r"|it|its|this|that|everyone|everybody|people|folks)\b)",
    re.IGNORECASE,
)


def as_dictated(text: str) -> str:
    """``text`` as a dictation meant it: punctuation words as marks, a remark run on after "please" as a
    clause of its own, misheard part words as the parts ("the courts and the base" the chords and the bass:
    ``misheard``)."""
    return as_parts(_RUN_ON.sub(_remark_cut, punctuated(text)))


def _remark_cut(m: re.Match[str]) -> str:
    """A comma after "please" where a request of three words or more comes before it ("stop please the jam
    when ..." is one request said in a learner's order)."""
    before = m.string[: m.start()].split()
    return f" {m.group(1)}, " if len(before) >= 3 else m.group(0)
