"""How far a part is moved in time (issue 44's ``shift``): "nudge the snare a sixteenth later",
"pull the kick an eighth earlier", "move it by 2 beats", and "push the snare a little late" (a small
step the parser chooses, marked ``chosen``: a producer's "a little" is less than a sixteenth).
Read by ``compose`` (the parser) and ``spoken_compose`` (the speech grammar's amounts).
"""

from __future__ import annotations

import re
from typing import Any

from bridge.commands import vocab as v
from bridge.commands.change_words import VOICES
from bridge.commands.said import said

SHIFT_VERBS = ("nudge", "move", "shift", "delay", "push", "pull", "drag", "slide")
TIME_AMOUNTS = {"a sixteenth": 0.25, "a 16th": 0.25, "1 sixteenth": 0.25, "1 16th": 0.25, "an eighth": 0.5,
                "an 8th": 0.5, "1 eighth": 0.5, "half a beat": 0.5, "a beat": 1.0, "1 beat": 1.0,
                "a quarter": 1.0, "2 beats": 2.0, "a 32nd": 0.125, "a triplet": 1 / 3}  # fmt: skip
LATER = ("later", "back", "behind", "late", "delay")
EARLIER = ("earlier", "ahead", "forward", "early", "up front")
A_LITTLE = ("a little", "slightly", "a touch", "a hair", "a bit", "just a little", "a tiny bit")
SMALL_STEP = 0.125  # beats: a 32nd, for "a little late" (no size said)


# a note length said with where it should go ("an eighth earlier", "a sixteenth later") moves the part by
# any verb; not "an eighth early" (where it is now: "the bass comes in an eighth early" is a complaint)
_LENGTH_AND_WAY = re.compile(
    rf" (?:{'|'.join(re.escape(p) for p in TIME_AMOUNTS if not p[0].isdigit())}) (?:earlier|later|sooner)(?= )"
)


# a part laid back by a length, the producer's "behind" ("lay the bass back an eighth"): a shift later
_LAID_BACK = re.compile(r" lay (?:(?:the|it|this|that|my|those|these) )?(?:[a-z_]+ ){0,2}?back ")

# where the part is now, said as a fault before the request ("the bass is comin in a wee bit early, shove it
# a sixteenth later", "the kick sits late"): a statement of the fault, never the way the part should go
_FAULT = re.compile(
    r" (?:is|are|'s|was|comes?|coming|comin|sits?|sitting|lands?|landing|feels?|sounds?|seems?|plays?|playing|"
    r"hits?|hitting|drags?|dragging|rushes|rushing)(?: in)?(?: (?!(?:move|nudge|shift|push|pull|drag|slide|delay|"
    r"shove|it|them)\b)[a-z]+){0,3}? (early|late|ahead|behind)(?= |$)"
)

# a length said before the way, in words no table here reads ("a quaver earlier", "one crotchet later"): no nudge's
# own small step (w76)
_SIZE_SAID = re.compile(
    r" (?:a|an|one|half a|\d+) [a-z0-9]+(?: notes?)? (?:earlier|later|sooner|back|forward|ahead) "
)

# "before" or "after" said last, naming nothing ("move it one sixteenth before please"): the way it goes
_BARE_WAY = re.compile(r" (before|after) (?=(?:please |pls |plz |thanks |thank you )*$)")


# a nudge "back" or "forward" with no length and no word of time: back in time, or back in the mix? Both are
# said (a fader is nudged as often as a region), so it is asked, never guessed
_TIMED = ("later", "earlier", "late", "early", "behind", "ahead", "in time", "on the grid", "delay", "mix", "level",
          "volume", "fader", "db")  # fmt: skip
MIX_OR_TIME = "(e.g. 'nudge the {0} a little {1}' or 'make the {0} {2}') {3} in time, or {3} in the mix?"
_MS = re.compile(r" (\d+(?:\.\d+)?) ?(?:ms|msec|millis|milliseconds?)(?= )")


def mix_or_time(s: str, name: str | None) -> str:
    """The question for a nudge "back" or "forward" of ``name`` (a part or drum voice), its examples the
    move and the level change that way, each a sentence read as that."""
    ahead = said(s, "forward")
    way, level = ("earlier", "louder") if ahead else ("later", "softer")
    said_as = [p for p in sorted(VOICES, key=len, reverse=True) if VOICES[p] == name]
    shown = (name if name in VOICES or name in v.PARTS else said_as[0] if said_as else None) or "part"
    return MIX_OR_TIME.format(shown.replace("_", " "), way, level, "forward" if ahead else "back")


def offset_of(s: str) -> dict[str, Any] | None:
    """``{"offset": beats}`` later (+) or earlier (-) for "nudge the snare a sixteenth later", with
    ``chosen: "beats"`` when only "a little" was said, or None."""
    s = _BARE_WAY.sub(lambda m: " earlier " if m.group(1) == "before" else " later ", s)
    feel = re.search(r" (?:sit|sits|play|lay|be|more) (behind|ahead of|on top of) the beat ", s)
    if feel is not None:  # "make it sit behind the beat": a small step later (ahead of it: earlier)
        return {"offset": SMALL_STEP if feel.group(1) == "behind" else -SMALL_STEP, "chosen": "beats"}
    lengthed = _LENGTH_AND_WAY.search(s)  # "can the melody come in an eighth earlier": a length and a way
    if not said(s, *SHIFT_VERBS) and lengthed is None and _LAID_BACK.search(s) is None:
        return None
    if (ms := _MS.search(s)) is not None and (
        way := _earlier(s)
    ) is not None:  # "10 ms earlier": Live's tempo
        return {"offset_ms": -float(ms.group(1)) if way else float(ms.group(1))}  # makes it beats (actions)
    size = next((TIME_AMOUNTS[p] for p in sorted(TIME_AMOUNTS, key=len, reverse=True) if f" {p} " in s), None)
    m = re.search(r" by (\d+) beats? ", s)
    if m:
        size = float(m.group(1))
    nudged = (
        said(s, "nudge", "push") and _SIZE_SAID.search(s) is None
    )  # "nudge it earlier", "push the snare later": a small step by its own word
    if (
        size is None and nudged and not said(s, *_TIMED) and said(s, "back", "forward")
    ):  # "nudge the bass back"
        return {"mix_or_time": True}  # asked (``mix_or_time``)
    chosen = size is None and (said(s, *A_LITTLE) or nudged) and said(s, *(LATER + EARLIER))
    if chosen:
        size = SMALL_STEP
    if size is None:
        return None
    earlier = _earlier(s)
    if earlier is None:  # only the fault said where it is: the way it should go is asked, never guessed
        return None
    if earlier:
        size = -size
    return {"offset": size, **({"chosen": "beats"} if chosen else {})}


def _earlier(s: str) -> bool | None:
    """Whether the move is earlier: the direction said after the shift verb decides ("it arrives early,
    move it later" is later: "early" before the verb says where the part is now, not where it goes). A
    fault said first ("it's coming in early, shove it a sixteenth later") is no direction; with no other
    direction word, None (the way is asked)."""
    fault = _FAULT.search(s)
    if fault is not None:
        rest = s[: fault.start(1)] + s[fault.end(1) :]
        if not said(rest, *(LATER + EARLIER)) and not said(rest, "pull"):
            return None
        s = rest
    verbs = [s.find(f" {v} ") for v in SHIFT_VERBS if f" {v} " in s]
    tail = s[min(verbs) :] if verbs else s  # no shift verb: "come in an eighth earlier"
    words = [(tail.find(f" {p} "), p in EARLIER) for p in LATER + EARLIER if f" {p} " in tail]
    if words:
        return min(words)[1]
    return said(tail, *("pull",)) or said(s, *EARLIER)


_PLACE = re.compile(r" (?:to|onto|on) (?:the )?(?:beat|bar|downbeat|offbeat|backbeat)s? ")


def how_far(s: str, voices: list[str]) -> str:
    """The question for a move said with no size ("the snare is late, nudge it earlier"): its examples name the
    voice moved and the way said (later when none is), each a sentence read as that move; a place
    said ("move the hats to beat 3") keeps the example of a voice put there."""
    name = voices[0] if voices else "snare"
    said_as = [
        p for p in sorted(VOICES, key=len, reverse=True) if VOICES[p] == name
    ]  # "closed": "closed hats"
    voice = name if name in VOICES else said_as[0] if said_as else name.replace("_", " ")
    way = "earlier" if _earlier(s) else "later"
    other = f"add the {voice} on beat 3" if _PLACE.search(s) else f"nudge the {voice} a little {way}"
    return f"(e.g. 'nudge the {voice} a sixteenth {way}' or '{other}') move it how far?"
