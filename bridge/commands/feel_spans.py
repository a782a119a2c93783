"""A feel said over a span of bars ("flip the drums to half time for the last 8", "bars 9-16 four on
the floor", "shuffle the bass in the second half"): the rules' reading is acted on against a learned
reading that never saw a feel over a place (engines.transforms.regions made it possible; issue 55).

New notes said over a span of a part there ("fresh notes for the last 2 bars of the bass", "something
different in bars 5 to 8 of the melody") are that part's bars written again (infill), never a new part
made: the rules' infill is acted on against a learned "make" that would lose the span (``notes_over_span``).

It holds when the rules read a transform of a feel kind with a span of bars (bar, from/to bar, a half,
first or last bars) and the sentence says that feel in its own words ("half time", "double time",
"four on the floor", "shuffle" / "swing"): words that name no other change. Sentences are normalised.
"""

from __future__ import annotations

import re

from bridge.commands.amount_words import SWING_WORDS
from bridge.commands.feel_words import FEELS
from bridge.commands.intent import Intent
from bridge.commands.vocab import PARTS

SPAN = ("bar", "from_bar", "to_bar", "half", "first_bars", "last_bars")
KINDS = ("half_time", "double_time", "four_on_the_floor")  # engines.transforms.regions, and swing
OTHER_PLACES = ("beat", "every", "on", "region")  # a place that is not one run of bars


def _says(kind: str, s: str) -> bool:
    if kind == "swing":
        return any(f" {w} " in s for w in SWING_WORDS)
    return any(f" {p} " in s for p, k in FEELS.items() if k == kind)


def feel_over_span(ruled: Intent, s: str) -> bool:
    """Whether ``ruled`` is a feel over a span of bars that the sentence ``s`` says in the feel's words."""
    p = ruled.params
    kind = str(p.get("kind", ""))
    if ruled.action != "transform" or kind not in (*KINDS, "swing"):
        return False
    if not any(p.get(name) for name in SPAN) or any(p.get(name) for name in OTHER_PLACES):
        return False
    return _says(kind, s)


# new notes said in words, over a part that is there already: "new notes ... of the drums", "fresh ideas ...
# in this melody" (never "fill it out in the last 4 bars": busier, or the notes written again?)
_NEW = re.compile(r" (?:new|fresh|different|other) (?:notes|ideas?|material|stuff) ")
_THERE = re.compile(
    rf" (?:of|in|on|for) (?:the|this|that|my|our) (?:{'|'.join(sorted(PARTS, key=len, reverse=True))}) "
)


def notes_over_span(ruled: Intent, s: str) -> bool:
    """Whether ``ruled`` is new notes over a span of bars ("bars": "5-8", "last": 2) of a part there, the
    whole of the sentence read (nothing left undone)."""
    p = ruled.params
    if ruled.action != "infill" or not (p.get("bars") or p.get("last")) or "not_done" in p:
        return False
    return _NEW.search(s) is not None and _THERE.search(s) is not None
