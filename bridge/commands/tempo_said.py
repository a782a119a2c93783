"""A tempo said as a setting (round 38): "project tempo 132", "the song tempo to 96 please", "the tempo 140
now": the tempo named with its number and no verb that makes anything is the song's tempo set, whatever
words beside it no table reads ("project tempo 132 <unread> set <unread>"). Such a sentence never makes a
song or a part on a learned guess: the rules' tempo set acts, or it is asked about (``weighing``)."""

from __future__ import annotations

import re

from bridge.commands.intent import Intent
from bridge.commands.said import said
from bridge.commands.vocab import GENERATE_VERBS

# the tempo named (the project's, the song's, the session's, "the tempo") with its number after it
TEMPO_NAMED = re.compile(
    r" (?:project|song|session|track|global|master|overall|the|our|my|this) (?:bpm|tempo) "
    r"(?:to |at |of |is |as |on |= |should be |needs to be )?(?:around |about )?\d+(?:\.\d+)? "
)


def tempo_set(s: str) -> bool:
    """Whether the normalised sentence ``s`` names the tempo with its number and says no making verb."""
    return TEMPO_NAMED.search(s) is not None and not said(s, *GENERATE_VERBS)


def never_made(ruled: Intent, best: str, s: str) -> bool:
    """Whether a learned reading of a new part (``best``) must not act on ``s``, a tempo said as a setting."""
    return best in ("make", "vary", "musicgen") and tempo_set(s) and ruled.action != "generate"
