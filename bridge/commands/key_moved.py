"""A key said after a move word on a part said first (issue 55, round 37): "the melody take down to G minor",
"the chords bring up to A major", "the bass put it in D minor". A speaker of a topic-first tongue (Thai,
Japanese, Chinese) names the part, then the move; the readers, which look for a verb before its object,
read a part and a key and make a new part in that key: the part said is the one moved, never a new one.

``key_moved(text)`` says such a sentence as English does ("transpose the melody to G minor, ..."): the
part (a determiner before it or none) first, then one of the move words ("take", "bring", "put", "move",
"shift", "drop", "pull", "push", "it" after it or none), "down to", "up to", "to", "into" or "in", then a
key (a letter, its sharp or flat, then major or minor). Anything else is returned as it was.
"""

from __future__ import annotations

import re

from bridge.commands import vocab as v

_LEAD = r"(?:(?:ok|okay|so|now|and|then)[,]? )*"
_PARTS = "|".join(
    sorted((re.escape(p) for p in v.PARTS if " " not in p or p.count(" ") < 3), key=len, reverse=True)
)
_KEY = r"[a-g](?:#|b|♯|♭| sharp| flat)?(?: |-)?(?:major|minor|maj|min)\b"
_MOVED = re.compile(
    rf"^({_LEAD})((?:(?:the|this|that|my|our) )?(?:{_PARTS}))(?: line| part| track)?,? "
    r"(?:take|bring|put|move|shift|drop|pull|push)(?: it)? (?:(?:down |up )?(?:to|into)|in) "
    rf"({_KEY})",
    re.IGNORECASE,
)


def key_moved(text: str) -> str:
    """``text`` with a part moved to a key, said part first, put as "transpose the <part> to <key>"."""
    m = _MOVED.match(text)
    if m is None:
        return text
    lead, part, key = m.groups()
    article = "" if part.split()[0].lower() in ("the", "this", "that", "my", "our") else "the "
    return f"{lead}transpose {article}{part} to {key}{text[m.end() :]}"
