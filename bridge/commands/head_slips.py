"""Where the learned reading is known to read a phrase backwards, put right before it is weighed (issue 55).

The head reads "give the melody more space" as busier (0.97): "more" beside a part is most often more
notes in what it learned. Room asked for ("more space", "some space", "room to breathe", "breathing
room") is fewer notes in every labelled set that says it, so a reading whose likeliest op is busier
there has busier and simpler swapped: the rules' reading then agrees, or the two are asked about."""

from __future__ import annotations

import re

from bridge.commands import reader as lr

_ROOM_ASKED = re.compile(r"\b(?:more|some|enough) (?:space|breathing room)\b|\broom to breathe\b")
_SWAPPED = {"busier": "simpler", "simpler": "busier"}


def corrected(reading: lr.Reading | None, heard: str) -> lr.Reading | None:
    """``reading`` with a known backwards reading put right (module docstring); otherwise as it was."""
    if reading is None or reading.ops[0][0] != "busier" or not _ROOM_ASKED.search(heard.lower()):
        return reading
    ops = tuple((_SWAPPED.get(op, op), p) for op, p in reading.ops)
    return lr.Reading(ops, reading.target, reading.learned)
