"""Sentences about the producer's own clip to fill, continue or accompany (the neural edits, issue 34).

"fill bars five to eight" is ``Intent("infill", None, {"bars": "5-8"})``, "continue this for four bars"
``Intent("continue", None, {"bars": 4})`` ("extend" adds ``extend: 1``), "add a bass that fits"
``Intent("accompany", "bass", {})``. ``s`` is the normalised sentence (padded, digits).
"""

from __future__ import annotations

import re
from typing import Any

from bridge.commands.said import said
from bridge.commands.vocab import PARTS

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
_LAST_BARS = re.compile(r" (?:the )?(?:last|final) (\d+) (?:bars?|measures?) ")
# a clip going on past its end, said with a count of bars: "let it keep going for 8 more bars", "keep the
# melody running another 4 bars", "let this run on for 8 bars"
_GOES_ON = re.compile(
    r" (?:keep|keeps) (?:(?:it|this|that|them|(?:the|this|that|my) \w+(?: \w+)?) )?(?:going|running|rolling)(?= )"
    r"| (?:run|runs|go|goes|roll|rolls) on(?= )"
    r"| carry (?:it|this|that|them|(?:the|this|that|my) \w+(?: \w+)?) on(?= )"  # "carry the melody on"
)


def goes_on(s: str) -> bool:
    """Whether a normalised sentence says a clip kept going for a count of more bars ("keep the groove going 16
    more bars"): a continue, never a new part of that length (round 39)."""
    return _GOES_ON.search(s) is not None and _FOR_BARS.search(s) is not None


# "extend this groove", "let this phrase keep going": the selected clip, whatever part its word may name
# bars added to the clip, nothing else said: "add 2 more bars", "tack on a couple of bars" (2: ``loose_counts``),
# "give it another 4 bars to the end" (bars "of" a part, "add 8 bars of drums", are a new part's)
_BARS_ADDED = re.compile(
    r"^ (?:can you |could you |please |just )?(?:add|tack on|tack|stick on|put on|bolt on|give (?:it|this|the clip))"
    r"(?: on)? (?:another |an extra )?(\d+) (?:more |extra )?(?:bars?|measures?)(?: (?:on|onto|to|at) (?:the end|it|this))?"
    r"(?: (?:of it|please|pls))? $"
)
THIS_CLIP = re.compile(
    r" (?:this|that) (?:groove|phrase|idea|riff|lick|loop|pattern|vibe|section|bit|thing|one|clip)(?= )"
)
_FOR_BARS = re.compile(
    r" (?:for|by|another|an extra|extra|with) (?:another |an extra |extra )?(\d+) (?:more )?(?:bars?|measures?) "
    r"| (\d+) (?:more (?:bars?|measures?)|(?:bars?|measures?) (?:more|longer)) "
    r"| (?:for )?(?:another|an extra|a further) (\d+)(?: more)? $| (?:for )?(\d+) more $"
)  # "continue it 4 bars more", "extend the bass 8 more bars"; a clip's count is bars: "for another 8"


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
    going_on = (_GOES_ON.search(s) is not None and _FOR_BARS.search(s) is not None) or _BARS_ADDED.match(
        s
    ) is not None  # "let it keep going 8 more bars", "add 2 more bars"
    if (said(s, *CONTINUE_VERBS) or going_on) and not said(s, *("playing", "jamming", "the jam")):
        params: dict[str, Any] = {}
        count = _FOR_BARS.search(s) or _BARS_ADDED.match(s)
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


# a new part for the clip in hand, which is another part ("chords for this melody", "a bass line for this beat",
# "some chords under this melody", "a melody for these chords"): played along with it ("over this" is the clip
# a part follows: ``clip_words.SOURCE_PHRASES``; "for my chords" the same)
FOR_THE_CLIP = re.compile(
    r" (?:for|under|underneath|beneath|behind|against) (?:this|these|my) ("
    + "|".join(
        sorted((re.escape(p) for p in PARTS if PARTS[p] not in ("all", "song")), key=len, reverse=True)
    )
    + ")(?= )"
)


def for_the_clip(s: str) -> bool:
    """Whether a part is named, then another part as the clip in hand that it is for ("chords for this
    melody"): a new part played along with that clip, never a change of either."""
    found = FOR_THE_CLIP.search(s)
    if found is None:
        return False
    before = {PARTS[p] for p in PARTS if f" {p} " in s[: found.start() + 1]}
    return bool(before - {PARTS[found.group(1)], "all", "song"})


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
    """The speech grammar's rules (JSGF) for the neural edits, over the grammar's own part, bar-word and
    bar-count rules: what ``infill_of`` and ``accompanies`` read, in the words a producer says."""
    return {
        "infill": f"( fill | fill in | regenerate | rewrite ) {bars_rule} <n99> to <n99> [ of ( this | the ) clip ]"
        f" | ( fill | regenerate | rewrite ) the last {count_rule} {bars_rule}"
        " | fill in the ( gap | middle | rest )",
        "continue": f"( continue | extend ) ( this | it | the clip | the {part_rule} ) [ for {count_rule} [ more ]"
        f" {bars_rule} ] | continue this idea",
        "accompany": f"( add | make | give me ) a {part_rule} ( that fits | that goes with these tracks"
        f" | to go with this ) | accompany this with a {part_rule}",
    }
