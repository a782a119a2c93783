"""Polite and indirect frames around a command (issue 44, typed only): the command inside is read.

``readings(s)`` gives the normalised sentence (padded, digits) with the frame taken off: "could you
mute the hats please", "i should like to name this take nocturne", "would you mind doubling the
bass" (the gerund made a verb: a list of candidates, the parser keeps the first it understands),
"id love it if you made the drums busier", "can we add a clap". ``said_plainly(s)`` reads the
few whole sentences that are a command with no command verb: "stop whatever is running" (cancel),
"no, leave it as it was" (a no), "what can i ask you" (help), "what is the time signature of this"
(an analysis). None of these words is in the speech grammar: spoken, the commands are said plainly.
"""

from __future__ import annotations

import re

_OPENERS = r"(?:(?:please|pls|plz|kindly|hey|hi|ok|okay|so|um|uh|just|maybe|now|right|and|but) )*"
_FRAME = re.compile(
    rf"^ {_OPENERS}(?:"
    r"(?:would|do) you mind(?: if you)? "
    r"|(?:could|can|would|will) you(?: please| kindly| maybe| just)* (?:(?:try|go ahead) (?:to |and ))?"
    r"|i (?:should|would|d) (?:like|love|want)(?: you)? to |id (?:like|love|want)(?: you)? to "
    r"|(?:id|i would|i d) (?:love|like) it if you (?:could |would |can )?"
    r"|it (?:would|d) be (?:great|nice|cool|awesome|good) if you (?:could |would )?"
    r"|(?:can|could|shall) we (?:please )?|lets |let us |i (?:want|need) you to |"
    r"do you think you could |is it possible to |would it be possible to |any chance you could "
    r"|(?:try|go ahead|be a dear) (?:to |and )|i want to |i wanna "
    r")"
)
# "id love a bass line", "i would like some more hats": a wish for a thing is asking for it
_WISH = re.compile(rf"^ {_OPENERS}(?:id|i d|i would|i should) (?:love|like) (?=(?:some|a|an|more|another) )")
_TAIL = re.compile(
    r" (?:please|pls|for me|thanks|thank you|if you can|if you could|if possible|if you dont mind) $"
)
_MADE = {
    "made": "make",
    "gave": "give",
    "took": "take",
    "brought": "bring",
    "threw": "throw",
    "wrote": "write",
}
_GERUND = re.compile(r"^ (\w{3,}?)ing ")
_PAST = re.compile(r"^ (\w{3,}?)ed ")

# whole sentences that say a command without its verb
_CANCEL = re.compile(r" (?:stop|cancel|kill|abort|halt) (?:whatevers|whats|everythings|(?:whatever|what|everything|anything|all)(?: that| thats)?(?: is| s| you are| youre| its)?) (?:running|doing|going|working on|processing|rendering) ")  # fmt: skip
_KEEP = re.compile(
    r"^ (?:no|nope|nah|actually no) (?:(?:just|please) )?(?:leave|keep|put) it (?:as it was|as is|the way it was|alone|like it was|how it was) $"
    r"|^ (?:no|nope|nah) (?:(?:lets|i want to|just) )?keep the (?:old|original|first) (?:one|version|take) $"
    r"|^ (?:no|nope|nah) (?:please )?(?:dont|do not) (?:change|touch|replace|redo) (?:it|that|anything|a thing)(?: please)? $"
)
_HELP = re.compile(
    r"^ what (?:else )?(?:can|could) i (?:do|say|ask|try)(?: here| with (?:this|you|it)| now)? $|"
    r" what (?:\w+ ){0,3}(?:can|could|should) i (?:ask|say to|tell|type to|do with) (?:you|this|it|museroo|musearoo) "
    r"| what (?:are|is) (?:the |all the )?(?:things|commands) (?:i can|you can|you understand) "
    r"| what (?:else )?(?:can|do) you (?:do|understand|know how to do) "
)
_ANALYZE = re.compile(
    r"^ (?:what|which) (?:time signature|meter|key|tempo|bpm|scale) (?:is|s) (?:this|it|that)(?: \w+)?(?: in| at)? $|"
    r"^ (?:what|whats|which) (?:is |s )?(?:the )?(?:time signature|meter|key|tempo|bpm|scale|chords?) "
    r"(?:of|in|for) (?:this|it|that|the)(?: \w+){0,2} $"
)


def readings(s: str) -> list[str]:
    """The sentence without its polite frame, as candidates (most likely first); [] when none."""
    inner = _TAIL.sub(" ", s)
    if (wish := _WISH.match(inner)) is not None:
        return [" give me " + inner[wish.end() :]]
    m = _FRAME.match(inner)
    if m is not None:
        inner = " " + inner[m.end() :]
    if inner == s or not inner.strip():
        return []
    out = [inner]
    verb = _GERUND.match(inner) or _PAST.match(inner)  # "would you mind doubling", "if you made"
    if verb is not None:
        stem, rest = verb.group(1), inner[verb.end() :]
        stems = [stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem]
        out = [f" {w} {rest}" for w in dict.fromkeys(stems)] + out
    first, _, rest = inner.strip().partition(" ")
    if first in _MADE:  # "id love it if you made the drums busier"
        out.insert(0, f" {_MADE[first]} {rest} ")
    return out


# "please help me make drums 8 bars": a request asked as help with it, not a request for help
_HELPED = re.compile(rf"^ {_OPENERS}(?:(?:could|can|would|will) you (?:please )?)?help me (?:to |out and )?")


def helped(s: str) -> str | None:
    """The request a sentence asks help with ("can you help me write a bass line": "write a bass
    line"), normalised and padded; None where the sentence is no such frame."""
    said = _TAIL.sub(" ", s)
    m = _HELPED.match(said)
    return " " + said[m.end() :] if m and said[m.end() :].strip() else None


def said_plainly(s: str) -> tuple[str, dict[str, object]] | None:
    """(action, params) for a whole sentence that says a command with no command verb, or None."""
    if _CANCEL.search(s):
        return "cancel", {}
    if _KEEP.match(s):
        return "confirm", {"yes": False}
    if _HELP.search(s):
        return "help", {}
    if _ANALYZE.match(s):
        return "analyze", {}
    return None
