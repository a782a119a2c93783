"""Where the pair would ask, pocketsphinx's best reading acts when Whisper's words sound like it (issue 56 part G).

Whisper wrote no other command (each of its transcripts reads as none, or as the reading's command) but its
words sound like pocketsphinx's best reading, within ``sounds_within`` in phones (``sounds.distance``), and
every other command proposed is at least ``sounds_apart`` farther: "and do that" for "undo that". A command
with a number or a key is never acted on by its sounds (``nearest.says_a_value``: the caller's check, so
that the studio benchmark can measure it off). Where Whisper wrote another command, its scores judge.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from bridge.commands import parse
from bridge.commands.safety import spoken
from bridge.commands.sounds import distance


def sounds_alike(
    best: Any,
    commands: Sequence[Any],
    said: Sequence[str],
    within: float,
    apart: float,
    voiced: bool = True,
    read: Callable[[str], Any] | None = None,
) -> bool:
    """Whether ``best`` (``spoken_agree.Candidate``: pocketsphinx's best reading, a command) acts by the
    sounds of Whisper's transcripts ``said`` (see the module text; ``within`` < 0: off); ``commands`` are
    every command proposed, each transcript read as spoken (``voiced``; or by ``read``, the pair's reading)."""
    if within < 0 or not said or not best.intent.understood:
        return False
    near = min(distance(s, best.text) for s in said)
    if near > within:
        return False
    others = (min(distance(s, c.text) for s in said) for c in commands if c is not best)
    if not all(d >= near + apart for d in others):
        return False
    meant = best.intent.as_dict()
    read = read or (lambda s: spoken(parse(s, voiced)))
    return all(not (i := read(s)).understood or i.as_dict() == meant for s in said)
