"""A choice said with what it replaces (issue 55): "shuffle instead of straight", "half time rather than
double time", "swap the straight feel for a shuffle". What is wanted is the thing said first (or, after
"swap ... for", the thing after "for"); the thing it replaces names no change and is left out before the
rules read the sentence, so its words cannot pick the change ("instead of straight" read as straighten).

``chosen`` takes a normalised sentence (lower case, padded with spaces, no punctuation) and gives it
with the replaced thing left out. A genre heard against ("as house instead of techno") is read so too.
"""

from __future__ import annotations

import re

from bridge.commands.feel_words import FEELS

# where the replaced thing's words end: a place, a length, a second request or a reason after it
_ENDS = r"(?= (?:for|in|on|at|over|during|from|after|before|and|then|but|so|because|cause|please|pls|thanks|now)\b| $)"
_ARTICLE = r"(?:the |a |an |that |this |those |these |my |some |any )?"
# "instead of straight", "rather than the kick", "not double time" after a choice: up to four words
_INSTEAD = re.compile(
    rf" (?:instead of|rather than|in place of)(?: the)? (?:{_ARTICLE}[a-z0-9']+(?: [a-z0-9']+){{0,3}}?){_ENDS}"
)
# "swap / switch / change the straight feel for (to, into) a shuffle": the feel after "for" is wanted
_FEEL_WORDS = (
    "|".join(sorted((re.escape(f) for f in FEELS), key=len, reverse=True)) + "|shuffle|swing|swung|shuffled"
)
_SWAP = re.compile(
    rf" (?:swap|switch|change|replace|trade|turn) (?:out )?{_ARTICLE}(?:{_FEEL_WORDS})(?: feel| groove| rhythm| vibe)?"
    rf" (?:for|to|into|with) {_ARTICLE}((?:{_FEEL_WORDS})(?: feel| groove| rhythm| vibe)?) "
)


def chosen(s: str) -> str:
    """``s`` with a thing it says is replaced left out: "go shuffle instead of straight" -> "go shuffle",
    "swap the straight feel for a shuffle" -> "make it a shuffle"."""
    s = _SWAP.sub(lambda m: f" make it a {m.group(1)} ", s)
    return _INSTEAD.sub("", s)
