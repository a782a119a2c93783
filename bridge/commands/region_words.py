"""A region of the Arrangement named in words: "the chorus", "the second verse", "verse 2", "every
chorus", "bar 17", "bars 17 to 24". Stdlib only; sentences are normalised (padded, numbers as
digits) as the parser gives them.

``region_of`` answers ``{"section": "chorus", "nth": 2}`` (nth -1: the last one, 0: every one),
``{"first_bar": 17}`` or ``{"first_bar": 17, "last_bar": 24}`` (bars count from 1), or None.
``section_of`` reads only a section, and gives the sentence with its words blanked, so that the
change said over it ("kill the hats in the breakdown") is read as said of the whole part. Where a
section lies is read from Live's cue points when the command runs (``bridge.actions.sections``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from bridge.commands.asides import REST_KEPT
from bridge.commands.intent import Intent
from bridge.commands.place_words import ORDINALS
from bridge.commands.section_names import SECTIONS  # re-exported: the names a song's cue points carry
from bridge.commands.unmade_parts import WHICH_CHANGES

_NAMES = "|".join(SECTIONS)
# the whole song said as its span ("intro through to the outro", "from start to finish"): no section of
# it (cut by the parser before it reads a place; the sentence keeps its words for the agreement's table)
WHOLE_SPAN = re.compile(
    r" (?:(?:all the way |right )?from )?(?:the (?:very )?)?(?:intro|beginning|start|top) (?:all the way |right )?"
    r"(?:through|thru|to|till|til|until)(?: to)? (?:the (?:very )?)?(?:outro|end|finish|bottom)(?= )"
)
_ORD = "|".join(sorted(ORDINALS, key=len, reverse=True))
_BEFORE = r"(?:(?:in|for|over|into|during|through|throughout|across|on|at) (?:the )?|the |(?<=of ))"
# "in the second chorus", "the last verse", "in verse 2", "the drop" ("the intro 4 bars": its length;
# "for the verse, 3 versions": takes counted); a number over 39 beside it is no section's ordinal ("for the
# outro, one fifty two": its tempo)
_COUNTED = r"(?:bars?|measures?|versions?|takes?|options?|variations?|more|times|goes|tries|semitones?|bpm)"
_SECTION = re.compile(
    rf" {_BEFORE}(?:({_ORD}|last|final) )?({_NAMES})(?: ([1-9]|[1-3]\d)(?!\d)(?! {_COUNTED}\b))?(?= )"
)
# "every chorus", "each verse", "all the choruses", "the choruses", "both choruses"
_EVERY = re.compile(rf" (?:(?:in |on |for |over |during |across )?(?:every|each|all(?: of)? the|both(?: the)?) "
                    rf"({_NAMES})(?:e?s)?|(?:in |on |for |over |during |across )?the ({_NAMES})e?s)(?= )")  # fmt: skip
CHANGES = ("transform", "vary", "adjust", "infill")  # the actions a section's region changes a part over
# "regenerate the bass in the chorus", "rewrite the chorus", "redo the drums in the drop", "new chords for
# the bridge": the part made again over the section (a vary with ``regenerate``), the rest kept
_AGAIN = re.compile(r"^ (?:(?:can you|could you|please|now|just) )*(?:regenerate|re generate|regen|re gen|rewrite|re write|redo|"
                    r"re do|remake|re make|rework|re work|write new|make new|give me new|new)(?= )")  # fmt: skip
# the same said object first (an ESL order): "the drums in the second chorus make new", "the bass redo"
_AGAIN_AFTER = re.compile(r"^ ((?:the |my |this |that )?\w+(?: \w+)?) (?:regenerate|rewrite|redo|remake|rework|make new|"
                          r"write new|make again|do again|write again|new)(?: (?:it|them|please|again))? $")  # fmt: skip
# "fill in the chorus", "a fill at the end of the chorus": a drum fill in the section's last bar
_FILL = re.compile(r"^ (?:(?:add|put|give me|make|do|throw in|drop) )?(?:a |some )?(?:the )?(drum|bass|melody|chord|lead)?(?:s)? ?fills?(?: in| at| into"
                   r"| on| for)?(?: the end of)? $")  # fmt: skip
# "give me another chorus", "a new verse": a vary over the section (plain, as "vary the chorus")
_ANOTHER = re.compile(rf" (?:another|a new|a different|a fresh) (?:take (?:of|on) (?:the )?)?({_NAMES})(?= )")
# "lose the chords in the verse", "drop the bass in the last chorus": a jam's cue words (``jam_words``) said
# over a section ask the part taken out there
_TAKEN = re.compile(
    r"^ (?:(?:can you|could you|please|now|just) )*(?:lose|drop|take out|ditch|cut out|pull out)(?= )"
)
# "no drums in the first verse, just me and the guitar": what is left there is said after the removal
# a part left to play alone where another is taken out: "..., let the piano go it alone there"
ALONE = r"(?:go it alone|play (?:alone|on (?:its|their) own|by (?:itself|themselves)))"
_STAYS = re.compile(r"^ (?:(?:please|pls|for now|then|thanks) )*(?:(?:just|only|nothing but|leave|leaving|keep|keeping)"
                    r"(?: the| me| us| my| a)? \w|let (?:the |my )?\w+(?: \w+)? " + ALONE + ")")  # fmt: skip
_LATER = re.compile(
    r" (?:then|after that|afterwards|also|and (?:then )?(?:make|add|mute|bring|put|give|turn|write))(?= )"
)
_REMOVALS = ("no", "lay out", "remove", "lose", "drop", "kill", "cut", "mute", "take out", "get rid of", "ditch", "without")  # fmt: skip
_SPAN = re.compile(r" (?:from )?bars? (\d+) (?:to|through|thru|until|till|til|-) (?:bar )?(\d+) ")
_AT = re.compile(r" (?:at|from|on|in|for|starting at) bar (\d+) ")


# "a whole song, intro through outro", "from the intro to the outro": the whole thing, no section of it
_END_TO_END = re.compile(
    r" (?:from )?(?:the )?(?:intro|start|beginning|top) (?:through|thru|to|till|til|until|and|right through to|"
    r"all the way (?:through )?to|into) (?:the )?(?:outro|end|finish)(?= )"
)


def section_of(s: str) -> tuple[dict[str, Any], str] | None:
    """``({"section": name, "nth": n}, the sentence without those words)``, or None."""
    s = _END_TO_END.sub(" ", s)
    another = _ANOTHER.search(s)
    if another is not None:  # "give me another chorus": a vary of the chorus
        return {"section": another.group(1), "nth": 1}, " vary " + s[another.end() :]
    every = _EVERY.search(s)
    if every is not None:
        name = every.group(1) or every.group(2)
        return {"section": name, "nth": 0}, s[: every.start()] + " " + s[every.end() :]
    found = _SECTION.search(s)
    if found is None:
        return None
    nth, name, number = found.group(1), found.group(2), found.group(3)
    if number is not None:  # "verse 2": the second verse (a cue point named so is found first)
        count = int(number)
    else:
        count = 1 if nth is None else (-1 if nth in ("last", "final") else ORDINALS[nth])
    return {"section": name, "nth": count}, s[: found.start()] + " " + s[found.end() :]


def over_a_section(intent: Intent, s: str, parse: Callable[[str], Intent]) -> Intent:
    """A change over a section ("kill the hats in the breakdown", "vary the chorus"): the change
    ``parse`` reads without the section's words, with the section as its ``region``; else ``intent``."""
    section = section_of(s) if intent.action != "automate" else None
    if section is None:
        return intent
    rest = " " + " ".join(section[1].split()) + " "
    kept = " " + " ".join(REST_KEPT.sub(" ", rest).split()) + " "  # "..., the rest keep as it is"
    if (after := _AGAIN_AFTER.match(kept)) is not None:  # "the drums in the chorus make new"
        rest = f" redo {after.group(1)} "
    again = _AGAIN.match(rest)
    if again is not None:  # "redo the drums in the drop": read as "vary the drums", made again
        change = parse(" vary " + rest[again.end() :].lstrip())
        if change.action == "vary":
            region = {"region": section[0], "regenerate": 1}
            return Intent("vary", change.part, {**change.params, **region}, intent.heard)
    fill = _FILL.match(rest)
    if fill is not None:  # "fill in the chorus": the drums' fill at its end
        part = {None: "drums", "drum": "drums", "chord": "chords", "lead": "melody"}.get(
            fill.group(1), fill.group(1)
        )
        return Intent("transform", part, {"kind": "fill", "region": section[0]}, intent.heard)
    change = parse(rest)
    taken = _TAKEN.match(rest) if change.action == "jam" else None
    if taken is not None and change.params.get("value") == "0":  # "lose the chords in the verse"
        change = parse(" remove " + rest[taken.end() :].lstrip())
    if change.action == "transform" and change.params.get("kind") == "fill" and change.part is None:
        change = Intent("transform", "drums", change.params, change.heard)  # a fill is the drums' unless said
    if (
        change.action == "mixer"
        and change.params.get("do") == "unmute"
        and change.part is not None
        and _PLACE.search(s)
    ):
        return unmuted_there(change.part, intent.heard)  # "take the mute off the bass in the chorus": asked
    if change.action in CHANGES or (change.action == "mixer" and change.params.get("do") == "mute"):
        return Intent(change.action, change.part, {**change.params, "region": section[0]}, intent.heard)
    if str(change.params.get("reason", "")).endswith(" in the mix?"):  # "nudge the hats back in the chorus":
        return Intent(
            change.action, None, {**change.params, "heard": intent.heard}, intent.heard
        )  # time or mix?
    if str(change.params.get("reason", "")).endswith(WHICH_CHANGES):  # "make the piano busier in the chorus"
        return Intent(
            change.action, None, {**change.params, "heard": intent.heard}, intent.heard
        )  # which part?
    if _restyled(change) and section[0]["nth"] != 0:  # "make the bass more jazzy in the chorus": made there
        return Intent(change.action, change.part, {**change.params, "region": section[0]}, intent.heard)
    return intent


# "unmute the bass in the chorus" (a place), never "unmute the bass because the drop needs it" (a reason)
_PLACE = re.compile(
    rf" (?:in|during|for|through|throughout|over|on) (?:the |every |each )?(?:\w+ )?(?:{_NAMES})\b"
)
# round 39: a track's mute switch has no place; a part muted over a section had its notes there taken out
UNMUTED_THERE = "the mute switch holds for a whole track:"


def unmuted_there(part: str, heard: str) -> Intent:
    """The question for a part unmuted over a section: its track unmuted everywhere, or the notes a section's
    mute took out brought back (an undo); never one of them guessed."""
    reason = f"{UNMUTED_THERE} 'unmute the {part}' (everywhere), or 'undo that' (notes taken out there brought back)?"
    return Intent("unknown", None, {"heard": heard, "reason": reason, "suggestions": []}, heard)


def _restyled(change: Intent) -> bool:
    """Whether ``change`` is a named part made again in a new genre and nothing else ("make the bass more
    jazzy"): said over one section, the part is made again there in that genre (never over every one)."""
    said = set(change.params) - {"again", "genre", "heard"}
    return (
        change.action == "generate"
        and change.part is not None
        and bool(change.params.get("again"))
        and "genre" in change.params
        and not said
    )


def without_what_stays(s: str) -> str:
    """The normalised sentence without what is left in a place a part is taken out of: "no drums in the
    first verse please just me and the guitar" -> "no drums in the first verse"; a later request said
    in it ("..., just bass, then bring the drums in at bar 9") keeps the sentence whole."""
    found = _SECTION.search(s) or _SPAN.search(s)
    if found is None or not any(f" {w} " in s[: found.start() + 1] for w in _REMOVALS):
        return s
    tail = " " + s[found.end() :].lstrip()
    if _STAYS.match(tail) is None or _LATER.search(tail) is not None:
        return s
    return s[: found.end()].rstrip() + " "


def region_of(s: str) -> dict[str, Any] | None:
    """The region the sentence names, or None."""
    span = _SPAN.search(s)
    if span:
        first, last = int(span.group(1)), int(span.group(2))
        return {"first_bar": first, "last_bar": last}
    at = _AT.search(s)
    if at:
        return {"first_bar": int(at.group(1))}
    section = section_of(s)
    if section is not None and section[0]["nth"] != 0:  # a part is made in one place
        return section[0]
    return None


def describe(region: dict[str, Any]) -> str:
    """ "the second chorus", "every chorus", "bars 17 to 24", "bar 17"."""
    if "section" in region:
        if region["nth"] == 0:
            return f"every {region['section']}"
        nth = {1: "", -1: "last "}.get(region["nth"], f"{_ordinal(region['nth'])} ")
        return f"the {nth}{region['section']}"
    if "last_bar" in region:
        return f"bars {region['first_bar']} to {region['last_bar']}"
    return f"bar {region['first_bar']}"


def _ordinal(n: int) -> str:
    return next((word for word, value in ORDINALS.items() if value == n and not word[0].isdigit()), str(n))
