"""A region of the Arrangement named in words: "the chorus", "the second verse", "bar 17", "bars 17
to 24". Stdlib only; sentences are normalised (padded, numbers as digits) as the parser gives them.

``region_of`` answers ``{"section": "chorus", "nth": 2}`` (nth -1: the last one), ``{"first_bar":
17}`` or ``{"first_bar": 17, "last_bar": 24}`` (bars count from 1), or None. Where a section lies is
read from Live's cue points when the command runs (``bridge.actions.intents.region``).
"""

from __future__ import annotations

import re
from typing import Any

from bridge.commands.place_words import ORDINALS

SECTIONS = ("intro", "verse", "chorus", "bridge", "outro")  # engines.generators.arrangement's names
_ORD = "|".join(sorted(ORDINALS, key=len, reverse=True))
_SECTION = re.compile(rf" (?:the|in|for|over|into) (?:({_ORD}|last|final) )?({'|'.join(SECTIONS)}) ")
_SPAN = re.compile(r" (?:from )?bars? (\d+) (?:to|through|thru|until|till|-) (?:bar )?(\d+) ")
_AT = re.compile(r" (?:at|from|on|in|for|starting at) bar (\d+) ")


def region_of(s: str) -> dict[str, Any] | None:
    """The region the sentence names, or None."""
    span = _SPAN.search(s)
    if span:
        first, last = int(span.group(1)), int(span.group(2))
        return {"first_bar": first, "last_bar": last}
    at = _AT.search(s)
    if at:
        return {"first_bar": int(at.group(1))}
    section = _SECTION.search(s)
    if section:
        nth = section.group(1)
        count = 1 if nth is None else (-1 if nth in ("last", "final") else ORDINALS[nth])
        return {"section": section.group(2), "nth": count}
    return None


def describe(region: dict[str, Any]) -> str:
    """ "the second chorus", "bars 17 to 24", "bar 17"."""
    if "section" in region:
        nth = {1: "", -1: "last "}.get(region["nth"], f"{_ordinal(region['nth'])} ")
        return f"the {nth}{region['section']}"
    if "last_bar" in region:
        return f"bars {region['first_bar']} to {region['last_bar']}"
    return f"bar {region['first_bar']}"


def _ordinal(n: int) -> str:
    return next((word for word, value in ORDINALS.items() if value == n and not word[0].isdigit()), str(n))
