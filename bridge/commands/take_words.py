"""Sentences about takes (the ``history`` action) and about a clip to fill, continue or accompany.

History: "star this take" ``{"do": "star"}``, "unstar it" ``{"do": "unstar"}``, "name it chorus
idea" ``{"do": "name", "name": "chorus idea"}``, "compare this take with the previous one"
``{"do": "compare"}``, "go back to the take before this one" ``{"do": "previous"}`` (the part's
previous take, not Live's undo), "redo" ``{"do": "redo"}``. The name keeps the words as typed.

Neural edits of the producer's own clip (issue 34): "fill bars five to eight" is
``Intent("infill", None, {"bars": "5-8"})``, "continue this for four bars" ``Intent("continue",
None, {"bars": 4})`` ("extend" adds ``extend: 1``), "add a bass that fits" ``Intent("accompany",
"bass", {})``. Stdlib only; ``s`` is the normalised sentence (padded, digits).
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

INFILL_VERBS = (
    "fill",
    "fill in",
    "infill",
    "regenerate",
    "redo",
    "rewrite",
    "fill out",
    "change",
    "replace",
    "rework",
)
CONTINUE_VERBS = (
    "continue",
    "extend",
    "carry on",
    "keep going with",
    "longer",
    "keep it going",
    "keep this going",
)
ACCOMPANY_PHRASES = (
    "that fits",
    "that fit",
    "to fit",
    "that goes with",
    "that go with",
    "to go with",
    "goes with these",
    "that plays with",
    "plays along with",
    "plays along",
    "play along",
    "to play with",
    "accompany",
    "accompaniment",
    "to these tracks",
    "with these tracks",
)
_BAR_SPAN = re.compile(r" (?:bars?|measures?) (\d+) (?:to|through|thru|till|until|and|-)? ?(\d+) ")
# new notes said in plain words over a span of bars: "write new notes for bars 13 to 16 of the melody",
# "something different in bars 5 to 8" (a new part is its own request: "a new melody for bars 9 to 12")
_NEW_NOTES = re.compile(
    r" (?:new|different|fresh|other) (?:notes|stuff|ideas?|material|bits?|parts?) | something (?:new|different|else|fresh) "
)
_HEAR_OTHER = re.compile(
    r" (?:hear|play|listen to|switch to|go to|flip to) (?:me )?(?:the )?(?:other|previous|earlier|old|older) "
    r"(?:take|version|one) "
)
_PART_PREVIOUS = re.compile(r" (?:previous|last|earlier|older) (?:\w+ )?(?:take|version)s? ")
_LAST_BARS = re.compile(r" (?:the )?(?:last|final) (\d+) (?:bars?|measures?) ")
# a clip going on past its end, said with a count of bars: "let it keep going for 8 more bars", "keep the
# melody running another 4 bars", "let this run on for 8 bars"
_GOES_ON = re.compile(
    r" (?:keep|keeps) (?:(?:it|this|that|them|(?:the|this|that|my) \w+(?: \w+)?) )?(?:going|running|rolling)(?= )"
    r"| (?:run|runs|go|goes|roll|rolls) on(?= )"
    r"| carry (?:it|this|that|them|(?:the|this|that|my) \w+(?: \w+)?) on(?= )"  # "carry the melody on"
)
# "extend this groove", "let this phrase keep going": the selected clip, whatever part its word may name
THIS_CLIP = re.compile(
    r" (?:this|that) (?:groove|phrase|idea|riff|lick|loop|pattern|vibe|section|bit|thing|one|clip)(?= )"
)
_FOR_BARS = re.compile(
    r" (?:for|by|another|an extra|extra|with) (?:another |an extra |extra )?(\d+) (?:more )?(?:bars?|measures?) "
    r"| (\d+) (?:more (?:bars?|measures?)|(?:bars?|measures?) (?:more|longer)) "
    r"| (?:for )?(?:another|an extra|a further) (\d+)(?: more)? $| (?:for )?(\d+) more $"
)  # "continue it 4 bars more", "extend the bass 8 more bars"; a clip's count is bars: "for another 8"


# "this take of the bass is lovely, please mark it with a star", "give this one a star"
_STARRED = re.compile(r" (?:mark|tag|give) (?:it|this|that|them)(?: take| one| version)? (?:with )?a star ")


def _praised(s: str) -> bool:
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
    ) or _praised(s)
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


def infill_of(s: str) -> tuple[str, dict[str, Any]] | None:
    """("infill" | "continue", params) for a sentence about the clip's bars, or None."""
    span = _BAR_SPAN.search(s)
    if span and (said(s, *INFILL_VERBS) or _NEW_NOTES.search(s)):
        first, last = int(span.group(1)), int(span.group(2))
        return "infill", {"bars": f"{min(first, last)}-{max(first, last)}"}
    last_bars = _LAST_BARS.search(s)
    if (
        last_bars
        and (said(s, *INFILL_VERBS) or _NEW_NOTES.search(s))
        and not said(s, *("save", "keep", "capture", "grab"))
    ):
        return "infill", {"last": int(last_bars.group(1))}
    if said(s, *("infill",)) or re.search(
        r" fill (?:in )?(?:the )?(?:gap|gaps|middle|rest|missing bars) ", s
    ):
        return "infill", {}
    going_on = (
        _GOES_ON.search(s) is not None and _FOR_BARS.search(s) is not None
    )  # "let it keep going 8 more bars"
    if (said(s, *CONTINUE_VERBS) or going_on) and not said(s, *("playing", "jamming", "the jam")):
        params: dict[str, Any] = {}
        count = _FOR_BARS.search(s)
        if count:
            params["bars"] = int(next(g for g in count.groups() if g))
        if said(s, *("extend", "longer", "same clip")):
            params["extend"] = 1
        if params or said(
            s,
            *(
                "this",
                "it",
                "the clip",
                "this clip",
                "the idea",
                "this idea",
                "the melody",
                "the bass",
                "the bassline",
                "the chords",
                "the drums",
                "the beat",
            ),
        ):
            return "continue", params
    return None


# "a bassline that rides with whats already playing", "drums to go under everything we have"
_WITH_WHAT_PLAYS = re.compile(
    r" (?:with|to|over|under|alongside|against|along with|on top of) (?:what|whats|whatever|everything|all)"
    r"(?: is| s| thats| that is| else)?(?: already| currently)? (?:playing|there|going on|in the (?:session|scene|set)|"
    r"we (?:have|got)|weve got|ive got|i have|i got)(?= )"
)


def accompanies(s: str) -> bool:
    """Whether a sentence asks for a new part played with the scene's other clips."""
    return said(s, *ACCOMPANY_PHRASES) or _WITH_WHAT_PLAYS.search(s) is not None


def accompanied_part(s: str, parts: dict[str, str]) -> bool:
    """Whether the only parts (``parts``: phrase -> part) an accompaniment names are what it plays
    along with ("something that plays along with the chords I've selected": which part is made?)."""
    along = (
        p for p in ACCOMPANY_PHRASES if not p.startswith("accompan")
    )  # "accompany this with a bass": new
    at = min((i for p in along if (i := s.find(f" {p} ")) >= 0), default=-1)
    if at < 0:
        return False
    before, after = f"{s[:at]} ", f"{s[at:]} "
    return not any(f" {p} " in before for p in parts) and any(f" {p} " in after for p in parts)


def grammar_rules(part_rule: str, bars_rule: str, count_rule: str) -> dict[str, str]:
    """The speech grammar's rules (JSGF) for takes and for the neural edits, over the grammar's own
    part, bar-word and bar-count rules: what the parser above reads, in the words a producer says."""
    this = "( this | it | this take | that take )"
    return {
        "history": f"( star | favourite | bookmark ) {this} | ( unstar | remove the star from ) {this}"
        " | compare this take ( with | to ) the ( previous | last ) one"
        " | ( go back to | bring back | restore | use ) the ( previous take | take before this one | last take"
        " | previous version ) | redo that",
        "infill": f"( fill | fill in | regenerate | rewrite ) {bars_rule} <n99> to <n99> [ of ( this | the ) clip ]"
        f" | ( fill | regenerate | rewrite ) the last {count_rule} {bars_rule}"
        " | fill in the ( gap | middle | rest )",
        "continue": f"( continue | extend ) ( this | it | the clip | the {part_rule} ) [ for {count_rule} [ more ]"
        f" {bars_rule} ] | continue this idea",
        "accompany": f"( add | make | give me ) a {part_rule} ( that fits | that goes with these tracks"
        f" | to go with this ) | accompany this with a {part_rule}",
    }
