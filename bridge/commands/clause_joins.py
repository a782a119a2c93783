"""Where the requests of one sentence join (issue 55): the words that start a later request ("..., then",
"and after that"), a join ("and", "plus", a comma), "first" said of a request, and the clauses that are no
request now (a plan, a condition on the listener, a reason). ``compound`` splits a sentence with them;
``agree`` reads the clauses ahead with the sentence (``clauses``, ``paired``) in one encoder call.

``PLAN`` is not ``outside_world``'s own plan on purpose: it takes any verb after "I'll", "we can", "let me"
(a later step of the song's own work, set aside beside a request); ``outside_world`` wants "go hear/see"
(the speaker's evening out), which makes a whole sentence not MuseAroo's.
"""

from __future__ import annotations

import re

from bridge.commands import split_likely as sl
from bridge.commands import vocab as v
from bridge.commands.later_clauses import clean
from bridge.commands.normalize import normalize
from bridge.commands.scoped import protects_only

# a later request starts: "..., then", "and after that", "afterwards"; a learner's "and after" before a verb
# "once that's done", "when you're finished with that", "after you've done that": the same as "after that"
DONE_JOIN = (
    r"(?:once|when|after)\s+(?:that\s*'?s|that\s+is|that\s+has\s+been|it\s*'?s|you\s*'?re|you\s+are|you\s*'?ve|you\s+have)"
    r"\s+(?:done|finished|through|over)(?:\s+(?:with\s+)?(?:that|it))?|after\s+doing\s+that"
)
LATER = re.compile(
    rf"(?:\s*[,;.]\s*|\s+)(?:(?:and\s+|but\s+)?(?:then|after\s+that|afterwards|after\s+which|{DONE_JOIN})"
    r"|and\s+after(?=\s+(?!(?:the|that|this|those|these|my|bars?|measures?|beats?|it|its|a|an|each|every|we|i|you|"
    r"they|he|she|\d+)\b)[a-z]))\b[\s,]*", re.I)  # fmt: skip
# "first ..." / "... first" said of a request ("set the tempo to 128 first"), not "the first" (a take, a bar)
FIRST = re.compile(
    r"^\s*(?:first(?:ly)?|first of all|to start|to begin)\b[\s,]*|(?<!\bthe)(?<!\bmy)(?<!\bthat)[\s,]+first\s*$",
    re.I,
)
COMMA = re.compile(r"\s*[,;]\s*")
# chat shorthand for "and" before a request's verb: "mute the conga track w solo the bass", "mute the keys + solo the
# vox" ("w" is "with" anywhere else: "a beat w heavy 808s"; "kick +2 dB" has no space after its "+")
_SHORT_VERBS = "|".join(sorted({*v.CHANGE_VERBS, "make", "give", "bring", "set", "speed", "slow", "change", "star",
                                "name", "loop", "kill", "cut", "lose", "raise", "lower", "boost", "pull", "push"}))  # fmt: skip
_SHORTHAND = rf"(?:w|\+)(?=\s+(?:{_SHORT_VERBS})\b)"
# a join: "and", "plus", "n", "an", "also", a comma not before "just" (a later clause starts with its verb)
# ("oh and", "and while you're at it" join as "and" does; a full stop between two sentences as a comma does)
WHILE_JOIN = (
    r"(?:(?:and\s+)?while\s+(?:you|u)\s*'?\s*(?:re|r|are)\s+at\s+it\s*,?\s+(?:and\s+)?|oh\s*,?\s+and\s+)"
)
AND = re.compile(rf"\s*,?\s+(?:{WHILE_JOIN}(?:also\s+)?|(?:and|&|plus|n|an|{_SHORTHAND})\s+(?:also\s+)?)|\s*,?\s+also,?\s+|\s*(?:[,;]|(?<!\d)\.(?=\s))\s*(?!\s*(?:but\s+)?(?:just|only)\b)", re.I)  # fmt: skip
# a plan for later, said by the producer of themself: "I'll chop it", "we will add chords later"
PLAN = re.compile(
    r"^(?:and |so |then |but |maybe )*(?:i ?'?ll|we ?'ll|we ll|i will|we will|i'?m (?:gonna|going to)|im (?:gonna|going to)|"
    r"we'?re (?:gonna|going to)|were (?:gonna|going to)|i can|we can|i might|we might|let me|lemme|i want to|i wanna|"
    r"i'?d like to|i need to|we need to|i have to|we have to)\b",
    re.I,
)
# a condition on the listener ("if it slaps", "unless it clashes") or a reason ("so I can chop it")
CONDITION = re.compile(r"\b(?:if|unless|in case|assuming|provided)\b", re.I)
REASON = re.compile(
    r"^(?:and )?(?:so (?:that |i |we |it |they |you )|because|cause|cos|coz|cuz|since|as i |to make)\b", re.I
)
# a change said tersely, the thing first and its move after ("chords up a minor 9th", "the pad down a bit")
MOVED = re.compile(
    r"^ (?:the |my |this |that )?\w+(?: \w+)? (?:up|down|higher|lower) (?:a|an|by|to|\d+)(?= )"
)


def clauses(heard: str) -> list[str]:
    """The clauses a sentence said in order ("..., then ...") is read as, each alone (none for one
    request): read ahead with the whole sentence, in one call of the learned reading."""
    pieces = [p for p in LATER.split(heard) if p.strip()]
    return [clean(FIRST.sub("", p)) for p in pieces] if len(pieces) > 1 else []


def paired(heard: str) -> list[str]:
    """The two clauses either side of a sentence's first join when each is led by its verb ("mute the
    pad track and solo the bass": ``split_likely.multi_verbs``), which ``read`` reads alone as a rule:
    read ahead with the whole sentence too, in the same call (none where the join leads no two verbs)."""
    first = AND.search(heard)
    if first is None or not sl.multi_verbs(heard, first):
        return []
    return [clean(heard[: first.start()]), clean(heard[first.end() :])]


def planned(heard: str) -> list[str]:
    """The request said before a plan after a comma ("solo the bass, i wanna hear how it sits"), which
    ``compound.read`` reads alone: read ahead with the whole sentence too (none where no plan ends it)."""
    tail = COMMA.split(heard)
    return (
        [heard[: heard.rfind(tail[-1])].rstrip(" ,;")]
        if len(tail) > 1 and PLAN.match(tail[-1].strip())
        else []
    )


def is_aside(clause: str) -> bool:
    """A plan, a condition on the listener or a reason: no request now."""
    said = " ".join(clause.lower().split())
    if PLAN.match(said) or CONDITION.search(said) or REASON.match(said):
        return True
    return protects_only(normalize(clause)[0])  # "and keep the verse chords as they are"
