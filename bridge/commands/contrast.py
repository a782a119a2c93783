"""A choice said against what it replaces: the wanted value is read, the rejected one dropped.

"put a shuffle feel instead of straight", "half time rather than double time", "the snare instead of
the kick", "not straight but swung", "make the hats swung, not straight", "swap the straight feel for a shuffle": every reader reads the
sentence without the rejected alternative ("put a shuffle feel"), so a value said only to be refused
never becomes the command's value. A part refused after everything ("mute everything, not the kick")
is an exception, not a choice, and stays as said; so does "but not the hats".
"""

from __future__ import annotations

import re

from bridge.commands.feel_words import FEELS

# the refused words run to a clause end or to a word that carries on with the command ("on the drums")
_STOP = r"(?:on|in|for|at|from|to|with|and|but|then|so|please|over|under|during|across|throughout|please)"
_REFUSED = rf"(?:(?!{_STOP}\b)[\w#-]+ ?){{1,5}}"
_INSTEAD = r"(?:instead of|rather than|in place of)"
_AFTER = re.compile(rf",? ?\b{_INSTEAD} {_REFUSED}(?=\b|$)", re.IGNORECASE)  # "X instead of Y"
_BEFORE = re.compile(rf"^(\W*)(?:but )?{_INSTEAD} [^,;.!?]{{1,40}}, ?", re.IGNORECASE)  # "instead of Y, X"
# "not Y but X": not a verb's own negation ("do not mute the kick but the snare" is left as said)
_NOT_BUT = re.compile(
    rf"(?<!\bdo )(?<!\bdoes )(?<!\bdid )(?<!\bcan )(?<!\bwill )(?<!\bshould )(?<!\bcould )(?<!\bwould )"
    rf"\bnot (?:a |an |the )?(?:(?!but\b){_REFUSED}) ?,? ?but (?:a |an |rather )?",
    re.IGNORECASE,
)
_EVERY = re.compile(r"\b(?:all|every\w*|whole|full|entire|rest)\b", re.IGNORECASE)
# "swap / switch / change the straight feel for (to, into) a shuffle": the feel after "for" is wanted
_ARTICLE = r"(?:the |a |an |that |this |my )?"
_FEEL = "|".join(sorted(FEELS, key=len, reverse=True)) + "|shuffle|swing|swung|shuffled"
_SWAP = re.compile(
    rf"\b(?:swap|switch|change|replace|trade|turn)(?: out)? {_ARTICLE}(?:{_FEEL})(?: feel| groove| rhythm| vibe)?"
    rf" (?:for|to|into|with) {_ARTICLE}((?:{_FEEL})(?: feel| groove| rhythm| vibe)?)\b",
    re.IGNORECASE,
)
# "X, not Y" ("X, not too busy" says how X should be: ``made_how``)
_COMMA_NOT = re.compile(
    r", ?not (?!too |overly |very |so )(?:the |a |an )?[^,;.!?]{1,30}?(?=[,;.!?]|$)", re.IGNORECASE
)


def preferred(text: str) -> str:
    """The sentence with the alternative it refuses left out ("a shuffle instead of straight": a shuffle)."""
    said = _SWAP.sub(lambda m: f"make it a {m.group(1)}", text)
    said = _BEFORE.sub(r"\1", said)
    said = _AFTER.sub(" ", said)
    said = _NOT_BUT.sub(" ", said)
    said = _COMMA_NOT.sub(lambda m: m.group(0) if _EVERY.search(said[: m.start()]) else "", said)
    return " ".join(said.split()) if said != text else text
