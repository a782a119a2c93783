"""A sentence whose only request is said in the negative is never acted on (issue 55 and 56).

"don't mute the bass", "do not quantize the drums", "dont solo the bass": the rules and the learned
reading both read the verb and the part, and the bass was muted, the opposite of what was said (seen by
v67 on typed sentences). Where the sentence starts with the negation and no later word turns it ("but",
"just", "instead", "and" ...: "don't quantize the drums, just the bass" is ``negated_turn``'s), nothing is
done and the answer asks what should change, with two examples for the part named that the parser
itself reads as acts. "don't forget to add swing", "don't worry about ..." and "never mind" are not
negated requests and pass as before. A negation at the sentence's end, governing nothing, is
``dangling_not``'s (the other negation rule of the agreement, beside this one in ``agree._agreed``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bridge.commands.intent import UNKNOWN, Intent

# where the request turns after the negation: a second clause that may be the real request
TURNS = frozenset({"but", "just", "only", "instead", "rather", "and", "then", "also", "except", "so", "unless", "until", "or"})  # fmt: skip
# "don't forget to ...", "never mind", "don't like the snare, redo it": a negation that is not a request's
# opposite (a reminder, a feeling said before the request)
NOT_OPPOSITE = frozenset({"forget", "hesitate", "worry", "mind", "bother", "like", "love", "think", "know", "want", "need", "feel", "hear", "get", "understand", "see", "care"})  # fmt: skip


# a change not wanted, said of the speaker ("i dont want any swing on the kick", "we dont need the hats
# quantized") or asked not to be done ("could you not quantize the vocals"); "i dont want the hats" (no change
# said) is a removal, read as before
_UNWANTED = re.compile(r"^ (?:(?:i|we) (?:dont|do not) (?:want|need)|(?:could|can|would) (?:you|u) not) ")
_CHANGES = re.compile(
    r" (?:swing|swung|swingy|shuffle|quantized?|quantised?|humanized?|humanised?|transposed?|shifted|moved|"
    r"louder|softer|quieter|busier|simpler|reversed|half time|double time|muted|soloed|ghost notes) "
)


def negated_only(s: str) -> bool:
    """Whether the normalised sentence ``s`` is one request said in the negative ("dont mute the bass",
    "i dont want any swing on the kick", "could you not quantize the vocals")."""
    words = s.split()
    if _UNWANTED.match(s) and _CHANGES.search(s) and not TURNS.intersection(words):
        return True
    start = 2 if words[:2] == ["do", "not"] else 1 if words[:1] in (["dont"], ["never"]) else 0
    rest = words[start:]
    return start > 0 and bool(rest) and rest[0] not in NOT_OPPOSITE and not TURNS.intersection(rest)


def not_done(heard: str, part: str | None, parse: Callable[[str], Intent]) -> Intent:
    """The answer to a negated request: nothing done, and what should change (examples that act)."""
    examples = [f"make the {part} simpler", f"vary the {part}"] if part else []
    examples = [e for e in examples if parse(e).understood]
    said = f" (e.g. {' or '.join(repr(e) for e in examples)})" if examples else ""
    reason = f"nothing was changed: the sentence says what not to do{said}. What should change?"
    params: dict[str, object] = {"heard": heard, "reason": reason}
    if examples:
        params["suggestions"] = examples
    return Intent(UNKNOWN, None, params, heard)
