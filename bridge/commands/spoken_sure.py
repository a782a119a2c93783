"""Whisper's own confidence as a gate (issue 56 part H).

Where the pair would ask, Whisper alone may act when it is sure: its best free transcript's mean token
log-probability (beam search's own score, ``Transcript.score``: what Whisper's segments report as
``avg_logprob``) is at least ``AgreeLimits.whisper_sure``, and every one of its transcripts reads as
one and the same command, which is among the candidates. Below the limit, or where its transcripts
read as two commands or as none, the pair still asks, however well the words read.

The limit was chosen on the studio benchmark's tuning half (docs/benchmarks/voice.md, part H). Whisper's
other signals were measured there and are not used: its no-speech probability (every utterance is
speech: 0.02 to 0.08 for the misheard commands acted on, 0.002 to 0.77 for those acted on rightly) and
its compression ratio (0.3 to 1.0 for every short transcript; it flags a window filled by repeats,
which ``fast_whisper.unrepeated`` already reads once).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from bridge.commands import parse
from bridge.commands.intent import Intent
from bridge.commands.safety import spoken

Reader = Callable[[str], Intent]


def whisper_sure(
    said: Sequence[str], logprob: float, limit: float, voiced: bool = True, read: Reader | None = None
) -> dict[str, Any] | None:
    """The command (``Intent.as_dict``) Whisper is sure of, or None: ``said`` are its transcripts as
    the parser reads them (``spoken_agree.heard``), ``logprob`` the best one's mean token
    log-probability, ``limit`` the least it must be (above 0: never sure, the rule before part H);
    ``voiced``: the learned reading may not start a command (``parse``'s, issue 56 part I); ``read``: the
    pair's reading of a transcript, where it is not that (``spoken_unread``, v84)."""
    if limit > 0 or logprob < limit or not said:
        return None
    meant = [read(s) if read else spoken(parse(s, voiced)) for s in said]
    if not all(i.understood for i in meant) or any(i.as_dict() != meant[0].as_dict() for i in meant):
        return None  # a transcript that reads as no command, or two commands written
    return meant[0].as_dict()
