"""Sentences about takes (the ``history`` action): "star this take" ``{"do": "star"}``, "unstar it"
``{"do": "unstar"}``, "name it chorus idea" ``{"do": "name", "name": "chorus idea"}``, "compare this take with
the previous one" ``{"do": "compare"}``, "go back to the take before this one" ``{"do": "previous"}`` (the
part's previous take, not Live's undo), "redo" ``{"do": "redo"}``. The name keeps the words as typed; a clip
to fill, continue or accompany is ``edit_words``. Stdlib only; ``s`` is the normalised sentence (padded, digits).
"""

from __future__ import annotations

import re
from typing import Any

from bridge.commands.said import said
from bridge.commands.verb_words import CHANGE_VERBS

TAKE_WORDS = ("take", "version", "one", "clip", "it", "this", "that", "idea")
STAR_PHRASES = ("star", "favourite", "favorite", "bookmark", "mark this take", "mark it as a keeper", "save this one",
                "save this take", "save that one", "keep this one", "thats a keeper")  # fmt: skip
UNSTAR_PHRASES = ("unstar", "remove the star", "take the star off", "unfavourite", "unfavorite")
COMPARE_PHRASES = (
    "better than",
    "worse than",
    "compare",
    "diff",
    "what changed",
    "whats different",
    "difference between",
    "the difference",
    "what is different",
    "how is this different",
    "which is different",
    "how are they different",
    "any difference",
    "what differs",
)
PREVIOUS_PHRASES = (
    "take before",
    "one before",
    "version before",
    "previous take",
    "previous version",
    "previous one",
    "previous 1",  # "one" said after a word is read as a number
    "earlier 1",
    "last take",
    "last version",
    "earlier take",
    "older take",
    "take we had before",
)
BACK_VERBS = (
    "go back",
    "back to",
    "bring back",
    "recall",
    "restore",
    "revert",
    "return to",
    "switch back",
    "use",
    "give me",
    "i want",
)
REDO_PHRASES = ("redo", "redo that", "undo the undo", "undo that undo")
# "name it chorus idea", "call this take verse two", "label it keeper", "rename this take to intro"
_NAME = re.compile(
    r"^\s*(?:please\s+)?(?:rename|name|call|label|title|tag|retitle)\s+(?:this take|that take|the take|this one|"
    r"this version|this clip|the clip|it|this|that)\s+(?:as\s+|to\s+)?[\"']?(?P<name>.+?)[\"'.!]*\s*$",
    re.IGNORECASE,
)

_HEAR_OTHER = re.compile(
    r" (?:hear|play|listen to|switch to|go to|flip to) (?:me )?(?:the )?(?:other|previous|earlier|old|older) "
    r"(?:take|version|one) "
)
_PART_PREVIOUS = re.compile(r" (?:previous|last|earlier|older) (?:\w+ )?(?:take|version)s? ")
# "this take of the bass is lovely, please mark it with a star", "give this one a star"
_STARRED = re.compile(r" (?:mark|tag|give) (?:it|this|that|them)(?: take| one| version)? (?:with )?a star ")


# "this take of the chords", "that version of the bass": the take in hand, which is of that part
THIS_TAKE_OF = re.compile(r" (?:this|that) (?:take|version|one) of (?:the|my) ")
# round 39 (w107): "this bass is the one, star it", "love this drum groove, give it a star": the part said
# after "this" says what the take in hand is, as "this take of the bass" does (docs/intents.md "Reading a label")
_HELD_PARTS = ("drums", "drum", "drum beat", "drum groove", "beat", "groove", "bass", "bass line", "bassline",
               "chords", "chord", "chord progression", "keys", "progression", "melody", "lead", "tune", "hook")  # fmt: skip
THIS_PART = re.compile(
    rf" (?:this|that) (?:{'|'.join(sorted(_HELD_PARTS, key=len, reverse=True))})(?: take| one)? "
)


def praised(s: str) -> bool:
    """A take marked with a star after words that ask no change ("this take of the bass is lovely, please mark it
    with a star"); never after a change asked ("quantize the bass and give it a star": both asked about)."""
    found = _STARRED.search(s)
    return found is not None and not set(s[: found.start()].split()) & (
        CHANGE_VERBS | {"make", "vary", "redo"}
    )


def history_of(s: str, heard: str) -> dict[str, Any] | None:
    """The history action's params for a sentence about takes, or None."""
    bare = s.strip()
    # "redo the melody in Bb major", "redo this as house": a setting, not redo
    remade = re.match(
        r"redo (?:(?:the|my) (?!last|undo|previous|change)|(?:this|it|that)(?: clip| one| part)? (?:as|in|into) )",
        bare,
    )
    if bare in REDO_PHRASES or (
        bare.startswith("redo") and not remade and not re.search(r" (?:bars?|measures?) ", s)
    ):
        return {"do": "redo"}
    named = _NAME.match(heard)
    if named and not re.search(r"\b(?:bars?|measures?|fills?)\b", named.group("name"), re.IGNORECASE):
        return {"do": "name", "name": named.group("name").strip()}
    if said(s, *UNSTAR_PHRASES):
        return {"do": "unstar"}
    first = bare.split()[0] if bare else ""
    starred = re.search(
        r" star (?:it|this|that|the|them) | (?:a |my )?(?:favourite|favorite)s? ", s
    ) or praised(s)
    if first in ("star", "favourite", "favorite", "bookmark") or said(s, *(STAR_PHRASES[4:])) or starred:
        return {"do": "star"}
    if said(s, *COMPARE_PHRASES) and said(s, *(*PREVIOUS_PHRASES, "previous", "last", "before", "earlier")):
        return {"do": "compare"}
    previous = (
        said(s, *PREVIOUS_PHRASES)
        or _PART_PREVIOUS.search(s)
        or re.search(r" back (?:1|a) (?:take|version) ", s)
    )
    if previous and (said(s, *BACK_VERBS) or first in ("previous", "the", "last")):
        return {"do": "previous"}
    if hears_other(s):  # "can i hear the other take": the take before, put back, never a new one
        return {"do": "previous"}
    return None


def hears_other(s: str) -> bool:
    """Whether a normalised sentence asks to hear or switch to the other (earlier) take ("can i hear the other
    version", "play me the previous take"): that take put back, never a new take nor the transport."""
    return _HEAR_OTHER.search(s) is not None


def grammar_rules() -> dict[str, str]:
    """The speech grammar's rule (JSGF) for takes: what ``history_of`` reads, in the words a producer says."""
    this = "( this | it | this take | that take )"
    return {
        "history": f"( star | favourite | bookmark ) {this} | ( unstar | remove the star from ) {this}"
        " | compare this take ( with | to ) the ( previous | last ) one"
        " | ( go back to | bring back | restore | use ) the ( previous take | take before this one | last take"
        " | previous version ) | redo that",
    }
