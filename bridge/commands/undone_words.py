"""An undo that names the change it undoes, said as the undo every reader knows (issue 55, round 36).

"undo the fade", "take back the fade", "undo that last quantize", "revert the swing on the hats", "take
the transpose back", "undo the last two fades": Live's undo takes back the last step (or the count said),
whatever it was, so the change named is what is undone, never another action to do. Said as "undo that"
(or "undo the last N changes") before any reader reads it, so neither the rules nor the learned reading
hears the change's own word as a request ("undo the quantize" read as a quantize), and no reader is left
with it unexplained ("undo the fade": 'fade' the value of an automation).

``CHANGES`` holds the schema's changes by their nouns (docs/intents.md's ops: a transform, a feel, a
switch, a drawn envelope by its shape, a setting, a new take, an audio job); an undo verb ("undo", "take
back", "revert", "roll back", "back out") said of one of them, with a word before it ("the bass
transpose") and where it was ("on the strings", "in the chorus", "you just did") at most, where its clause
starts and ends, is the undo. Stdlib only.
"""

from __future__ import annotations

import re

from bridge.commands.loose_counts import SAID as LOOSE_COUNTS

# the schema's changes by their nouns (a plural "s" is read too)
CHANGES = (
    "quantize", "quantise", "quantization", "quantisation", "humanize", "humanise", "humanization",
    "humanisation", "swing", "shuffle", "transpose", "transposition", "key change", "pitch change", "shift",
    "nudge", "half time", "double time", "feel change", "fill", "drum fill", "mute", "unmute", "solo", "fade",
    "fade in", "fade out", "fade-in", "fade-out", "swell", "duck", "ducking", "sweep", "filter sweep",
    "automation", "crescendo", "decrescendo", "diminuendo", "tempo change", "genre change", "style change",
    "removal", "deletion", "reverse", "variation", "split", "stem split", "separation", "warp", "transcription",
    "infill", "continuation", "extension",
)  # fmt: skip
_COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, **LOOSE_COUNTS}  # fmt: skip
_N = r"(?:\d+|" + "|".join(sorted(_COUNTS, key=len, reverse=True)) + ")"
_NOUN = "(?:" + "|".join(re.escape(c) for c in sorted(CHANGES, key=len, reverse=True)) + ")s?"
_LEAD = r"(^|[,.;:!?]\s*|\b(?:and|then|also|just|please|pls|can you|could you|ok|okay|oops|actually|now)\s+)"
_DET = r"(?:(?:the|that|this|my|your|those|these) )?(?:(?:last|latest|previous|most recent) )?"
# where it was, or who made it: "on the strings", "in the chorus", "you just did"
_WHERE = r"(?: (?:on|of|in|to|from|for) (?:the |my |that |this )?\w+(?: \w+)?)?(?: (?:i|you|we) just (?:did|made|added|drew|put on))?"
_END = r"(?=\s*(?:$|[,.;:!?]|\b(?:and|then|but|please|pls|thanks|thank you|for me)\b))"
_VERB = r"(?:undo|take back|revert|roll back|back out)"
# "undo the fade", "take back that last quantize", "undo the last 2 fades on the pad"
SAID = re.compile(rf"{_LEAD}{_VERB} {_DET}(?:({_N}) )?(?:(?!{_N} )[a-z]+ )?{_NOUN}{_WHERE}{_END}", re.I)
# "take the fade back", "roll that last swing back"
SAID_BACK = re.compile(
    rf"{_LEAD}(?:take|roll) {_DET}(?:({_N}) )?(?:(?!{_N} )[a-z]+ )?{_NOUN} back{_WHERE}{_END}", re.I
)


def _plainly(m: re.Match[str]) -> str:
    count = m.group(2)
    n = 1 if count is None else int(count) if count.isdigit() else _COUNTS[count.lower()]
    return m.group(1) + ("undo that" if n <= 1 else f"undo the last {n} changes")


def undone(text: str) -> str:
    """The sentence with an undo said of a named change said as "undo that" (or "undo the last N
    changes"); one with none is returned as it was."""
    return SAID_BACK.sub(_plainly, SAID.sub(_plainly, text))
