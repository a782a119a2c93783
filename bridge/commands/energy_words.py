"""A wish for energy of a kind, with no change said (issue 55): "need more fighting energy", "the drums
want more festival energy", "make it more energy". What gets that energy (louder, busier, or a new take)
is not said, so it is asked, with the three as suggestions (naming the part when one was said), never
read as louder.

What is read, and what never is:

- "more <word> energy", a kind of energy ("fighting", "festival", "rave", "angry"), said as a need, a
  want or a "make ... more" with nothing else asked ("need more fighting energy", "the bass needs more
  rave energy in the drop");
- "make <it, a part> more energy" (energy said where a word of how it should be would stand);
- "more energy" said plainly ("the drums need more energy", "give the drums more energy", "more energy")
  stays the energy dial turned up, as before; a change said beside the wish ("regen the drums, need more
  fighting energy") is done, the wish its reason.

Sentences are normalised (padded, lower case).
"""

from __future__ import annotations

import re

from bridge.commands import vocab as v
from bridge.commands.change_words import VOICES
from bridge.commands.intent import Intent

_LEAD = r"^ (?:(?:can|could|would) (?:you|we|u) |please |pls |i |we |still |really |just |so |ok |now )*"
_TARGET = r"(?:it|this|that|everything|the whole thing|(?:the|this|my|that) (?:\w+ )?\w+)"
_AMOUNT = r"(?:a bit |a little |a lot |some |way |much |a little bit |even )?"
# a kind of energy: a word between "more" and "energy" that is no amount
_KIND = r"(?!(?:some|a|bit|little|lot|much|way|of|more|the|and|energy)\b)[a-z]+"
_WHERE = r"(?P<where> (?:in|for|during|on|over|at|through) (?:the|every|each|all the) (?:\w+ )?\w+)?"
_END = r"(?: please| pls| man| bro| guys| yeah)*(?: (?:please|pls))? $"
# "need more fighting energy", "the drums want more festival energy", "could use more rave energy"
_NEED = re.compile(
    rf"{_LEAD}(?:({_TARGET}) )?(?:needs?|wants?|could use|should have|has to have|gotta have|give (?:me|us) )"
    rf" ?{_AMOUNT}more ({_KIND}) energy{_WHERE}{_END}"
)
# "make it more energy", "make the drums more fighting energy"
_MAKE = re.compile(rf"{_LEAD}(?:make|get) ({_TARGET}) {_AMOUNT}more (?:({_KIND}) )?energy{_WHERE}{_END}")


def energy_question(s: str) -> str | None:
    """The question for a wish of energy with no change said (module docstring), or None."""
    m = _NEED.match(s) or _MAKE.match(s)
    if m is None:
        return None
    target = m.group(1) or ""
    words = target.split()
    part = next((VOICES.get(w) or v.PARTS[w] for w in words if w in VOICES or w in v.PARTS), None)
    part = part if part not in (None, "all", "song") else None
    it = f"the {part}" if part else "the drums"
    which = "" if part else ", and of which part"
    where = m.group("where") or ""  # "in the drop": the suggestions' place too
    taken = "the drums" if part in VOICES.values() else it  # a take is of a part: the kick's is the drums'
    return (
        f"(e.g. 'make {it} busier{where}', 'make {it} louder{where}' or 'give me another take of {taken}{where}') "
        f"more energy how: busier, louder or a new take{which}?"
    )


# the energy dial said over a span of bars: "take the energy up for the last 8 bars", "less energy in the first 4"
_SPAN_DIAL = re.compile(
    r"^ (?:(?:please|can you|could you|lets|let s|now|just|and|then|ok) )*"
    r"(?:(bring|take|turn|push|pull|crank|pump|raise|lift|lower|drop|dial|knock|boost|increase|reduce|add|give|"
    r"inject|put|more|less)(?: (?:the|some|more|less|a bit of|a little|a lot of|a bit|a little bit))* )?"
    r"(?:the |some )?energy(?: (up|down|back))?(?: (?:of|on|in|to) (?:the |my )?(\w+(?: line)?))?(?: (up|down|back))?"
    r"(?: please)? $"
)
_DOWN = ("pull", "lower", "drop", "knock", "reduce", "less", "take")
# the energy dial over a place is its level (``actions.sections``' DIALS); "take ... up" is up
SPAN_VELOCITY = {"up": 0.75, "down": 0.25}


def energy_span(s: str, scope: dict[str, int], rest: str) -> tuple[str | None, dict[str, object]] | None:
    """(part, transform options) of the energy dial said over ``scope``, a span of the clip's bars (``rest``: the
    sentence without it), or None: its level there, as the dial is over a section ("more energy in the chorus")."""
    m = _SPAN_DIAL.match(rest)
    if m is None or not scope or set(scope) - {"first_bars", "last_bars"}:
        return None
    way = m.group(2) or m.group(4) or ("down" if m.group(1) in _DOWN else "up")
    part = v.PARTS.get(m.group(3) or "", None) if m.group(3) else None
    if m.group(3) and part in (None, "song", "all"):
        return None
    return part, {"kind": "velocity", "amount": SPAN_VELOCITY["down" if way == "back" else way], **scope}


# the energy said to move, as its subject ("the energy should drop in the bridge", "i want the energy to rise in the
# last chorus", "can the energy dip in verse 2") or as a verb's object ("lift the energy in the last chorus"): the
# dial's way, read where its place is read (``region_words.over_a_section``: every part there)
_UP = r"rise|lift|climb|build|grow|increase|jump|go up|come up|build up|pick up|lift up|be higher"
_DOWN_WAYS = (
    r"drop|dip|fall|sink|settle|decrease|go down|come down|calm down|ease off|pull back|die down|be lower"
)
_MOVED = re.compile(
    r"^ (?:(?:please|can|could|would|will|ok|so|now|and|then|i want|i d like|id like|we want|we need|let|lets|let s|"
    r"make) )*the (?:overall )?energy (?:(?:should|needs to|has to|must|could|can|will|to|gotta|got to|ought to) )?"
    rf"(?:(?P<up>{_UP})|(?P<down>{_DOWN_WAYS}))(?: (?:a bit|a little|a lot|right|way|off|back))?"
    r"(?: (?:in|for|during|at|on|over|through|across) .+)? $"
    r"|^ (?:(?:please|can you|could you|now|ok|so|just) )*(?:(?P<lift>lift|raise|boost|increase|pump up|crank up|"
    r"push up|kick up)|(?P<lower>lower|reduce|dial back|pull back|dial down|bring down|cut|drop)) the (?:overall )?"
    r"energy(?: (?:a bit|a little|a lot))?(?: (?:in|for|during|at|on|over|through|across) .+)? $"
)


def energy_moved(s: str) -> str | None:
    """ "up" or "down" for the energy said to move (above) with no part named, else None."""
    m = _MOVED.match(s)
    if m is None:
        return None
    return "up" if m.group("up") or m.group("lift") else "down"


# "the tune" said of the energy is the whole song, as a producer says it (the part table's "tune" is the melody's)
_TUNE = re.compile(r" (?:the|my|this|our) (?:whole )?tune (?!.*\bmelod)")


def tune_energy(intent: Intent, s: str) -> Intent:
    """Round 36: the energy of "the tune" over a place ("the tune needs more energy in the chorus") is the song's
    there, every part (part None), as "the tune" said of the energy is above; any other intent as it is."""
    p = intent.params
    if intent.action != "adjust" or p.get("what") != "energy" or intent.part != "melody" or "region" not in p:
        return intent
    return Intent(intent.action, None, p, intent.heard) if _TUNE.search(s) else intent


def bare_energy(intent_params: dict[str, object], part: str | None, s: str) -> str | None:
    """The question for the energy dial said with no part and no place ("more energy", "the song needs more
    energy", "the energy should drop"): the dial is every part over a place, so where (or which part, and
    how) is asked; the whole song said is no place (no action moves the energy of every clip of a song: the
    dial of part ``song`` would make a new song); None for any other reading."""
    p = intent_params
    tune = part == "melody" and _TUNE.search(s) is not None  # "can the tune have more energy": the song's
    placed = (part not in (None, "song") and not tune) or {"region", "target"} & set(p)
    if p.get("what") != "energy" or placed or " energ" not in s:
        return None
    if p.get("direction") == "up":
        return ("(e.g. 'more energy in the chorus', 'make the drums busier' or 'make the drums louder') "
                "more energy where, or in which part: busier or louder?")  # fmt: skip
    return ("(e.g. 'less energy in the verse', 'make the drums simpler' or 'make the drums softer') "
            "less energy where, or in which part: simpler or softer?")  # fmt: skip
