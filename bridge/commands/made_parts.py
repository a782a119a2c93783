"""Several new parts asked in one request (issue 55): "make a drum beat and a bass line", "drums,
bass and keys for the verse", "give me a bass line and a melody over these chords".

Each part said in the list is made with what the sentence says of them all (the place, the key, the
clip followed): the first part's Intent, each other part a ``generate`` in ``params["then"]`` with the
same params (``means.py`` reads such a chain as one make with a target list). Never one part of two:
a sentence read as one of the listed parts made is read again with the list. "drum and bass" said
bare ("make drum and bass", "a drum n bass groove") is the genre, no list, but "drums and bass" followed
by a place, a length or nothing ("drums and bass for the verse, 8 bars") is the two parts, and so is a
part said by another of its names ("drums n 808", "chords and a base": ``misheard.as_parts``); parts said with "the" or
"my" ("loop the drums and chords") are there already, no new ones. Stdlib only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from bridge.commands import vocab as v
from bridge.commands.intent import Intent
from bridge.commands.misheard import as_parts
from bridge.commands.normalize import as_808_bass

_MAIN = frozenset({"drums", "bass", "chords", "melody"})
_PHRASES = sorted((p for p, part in v.PARTS.items() if part in _MAIN), key=len, reverse=True)
# a bass named by its sound ("drums and a sub bass", as "the sub" is the bass: ``normalize``) is the bass
_ONE = (
    r"(?:(?:a|an|some|new|fresh)\s+)*(?:sub\s+(?=bass))?(" + "|".join(re.escape(p) for p in _PHRASES) + r")"
)
_JOIN = r"\s*(?:,\s*(?:and\s+|plus\s+|&\s+)?|\s+(?:and|plus|&|n|as well as)\s+)"
# "a drum beat and a bass line", "drums, bass and keys", "chords, a bassline, and a melody"
_LIST = re.compile(rf"(?<!the )(?<!my )(?<!our )\b{_ONE}((?:{_JOIN}{_ONE})+)\b", re.I)
_EACH = re.compile(_ONE, re.I)
# "drum and bass" / "a drum n bass groove" / "drums & bass", no article before "bass": the genre
_GENRE = re.compile(r"^(?:\w+\s+)*drums?\s*(?:,?\s+(?:and|n)\s+|\s*&\s*)bass$", re.I)
# "drums and bass for the chorus", "drums and bass, 8 bars": "drums" (the parts' word, not the genre's "drum")
# and "bass" with nothing more said of them, then a place, a length or the sentence's end: two parts
_PARTS_AFTER = re.compile(r"\s*(?:$|[,.;!?]|(?:for|over|under|in the|on the|\d+ bars?)\b)", re.I)
# "make the bass, chords and melody in D minor": a making verb, then "the" before a list of parts and a setting or
# a place after it, is the list made new, as "make me chords and a bassline in D minor" is ("make the bass in D
# minor", one part, stays that part made again in the key)
_MADE_THE = re.compile(
    rf"\b((?:make|write|create|generate|compose|build|produce|sketch)(?:\s+me|\s+us)?)\s+the\s+"
    rf"({_ONE}(?:{_JOIN}(?:the\s+)?{_ONE})+)(?=\s*,?\s+(?:in|at|for)\s)",
    re.I,
)


_THE = re.compile(r"\bthe\s+", re.I)


def _made_new(m: re.Match[str]) -> str:
    return f"{m.group(1)} {_THE.sub('', m.group(2))}"


_TARGET_KEYS = ("track_name", "target", "voices", "heard", "then", "not_done")


def listed(heard: str) -> tuple[re.Match[str], list[str]] | None:
    """The list of new parts said in ``heard`` and their parts (in the order said), or None (the
    genre "drum and bass" is no list)."""
    for found in _LIST.finditer(heard):
        plural = re.match(r"drums\s+(?:and|n)\s+bass$", found.group(0).strip(), re.I) is not None
        if _GENRE.match(found.group(0).strip()) and not (plural and _PARTS_AFTER.match(heard[found.end() :])):
            continue
        parts = [v.PARTS[m.group(1).lower()] for m in _EACH.finditer(found.group(0))]
        if len(set(parts)) == len(parts) > 1:
            return found, parts
    return None


def made_together(heard: str, intent: Intent, read_one: Callable[[str], Intent]) -> Intent:
    """``intent`` or, where ``heard`` lists several new parts and the sentence with the first alone
    reads as that part made, the first part made with the others in ``then``."""
    named = _MADE_THE.sub(_made_new, heard)  # "make the bass, chords and melody in D minor": new ones
    said = listed(named)
    if said is None:  # "drums n 808", "chords and a base": the parts said by another of their names
        named = as_808_bass(as_parts(heard))
        said = listed(named) if named != heard else None
    if said is None:
        return intent
    found, parts = said
    if intent.understood and (intent.action != "generate" or intent.part in ("all", "song")):
        return intent  # a change ("keep the kick and the snare"); every part said ("drums, bass, chords and a lead")
    first = _EACH.search(found.group(0))
    assert first is not None
    alone = read_one(f"{named[: found.start()]}{first.group(0)}{named[found.end() :]}")
    if not alone.understood or alone.action != "generate" or alone.part != parts[0]:
        return intent
    if "then" in alone.params or "not_done" in alone.params:
        return intent
    common = {k: val for k, val in alone.params.items() if k not in _TARGET_KEYS}
    if set(parts) == _MAIN:  # the four parts said one by one are all of them
        return Intent("generate", "all", {**alone.params}, heard)
    later = [{"action": "generate", "part": part, "params": dict(common)} for part in parts[1:]]
    return Intent("generate", parts[0], {**alone.params, "then": later}, heard)


# a count of takes said in a later clause with no word of more or of change ("and I should like three versions
# of it", "and give me 4 options"): the new part's own takes, not a variation of it after it is made
_MORE_SAID = re.compile(
    r"\b(?:more|another|again|other|extra|further|vary|redo|regen\w*|change\w*|different)\b", re.I
)


def takes_of_made(first: Intent, alone: Intent, said: str) -> dict[str, Any] | None:
    """A later clause read alone as ``alone`` that only counts the takes of the part ``first`` makes, as a
    make again with that count (``compound._with`` folds it into the make), or None."""
    if first.action != "generate" or alone.action != "vary" or alone.part not in (first.part, None):
        return None
    if set(alone.params) - {"heard"} != {"variations"} or _MORE_SAID.search(said):
        return None
    return {
        "action": "generate",
        "part": first.part,
        "params": {"variations": alone.params["variations"], "again": True},
    }


# a later clause that says nothing but a count of takes ("give me 3 options", "2 takes"), on normalized text
_TAKES_ONLY = re.compile(
    r"^ (?:and )?(?:(?:please )?(?:give|get|make|show|send) me |i (?:should |would |d )?(?:like |want |love )?"
    r"|let me (?:hear|have) |can i (?:get|have) |with )?(\d+) (?:options|versions|takes|variations|ideas)"
    r"(?: of (?:it|that|them|this))?(?: please| pls)? $"
)


def takes_only(first: Intent, normalized: str) -> dict[str, Any] | None:
    """A later clause that only counts takes (``normalized`` as ``normalize`` writes it), read when the
    clause alone asks: the new part's takes, as :func:`takes_of_made` gives them, or None."""
    found = _TAKES_ONLY.match(normalized)
    if first.action != "generate" or found is None or not 1 < int(found.group(1)) <= 8:
        return None
    return {
        "action": "generate",
        "part": first.part,
        "params": {"variations": int(found.group(1)), "again": True},
    }
