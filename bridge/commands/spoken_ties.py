"""Whisper's forced scores break a tie pocketsphinx's best reading would leave (issue 56, v58a).

In the room and with the song playing pocketsphinx's best reading is often another grammar sentence than
the one Whisper's forced scores prefer by far ("humanize the hook" for "humanize the drums", both among
pocketsphinx's readings; Whisper scores the drums 2.4 ahead), so the pair asks ("pocketsphinx heard ...").
Where the pair would ask (and neither part G's sounds rule nor part H's gate acts), the command Whisper
scores best acts when

- it is among pocketsphinx's readings (pocketsphinx heard it, not only its best: Whisper alone never acts,
  issue 56 part F), and carries no number or key (``spoken_agree.says_a_value``, checked by the caller);
- Whisper scores it ahead of every other command proposed by at least ``AgreeLimits.whisper_lead``;
- it fits what Whisper hears (its score minus the best of Whisper's own transcripts at least
  ``whisper_fit``).

A song change acted on this way is still said back where the recognisers' transcripts do not all read as
it (``spoken_check``, part J), which is most of them: pocketsphinx's best reading is another command.
Off in the daemon (``agreeing.LIMITS``): 2.0, chosen on the studio benchmark's tuning half, acted on a
misheard "stop" on the held-out voices (Whisper wrote "start"; docs/benchmarks/voice.md, v58a).

``sphinx_margin`` (v61a): a command Whisper wrote itself (no number or key) may trail pocketsphinx's best
reading by ``AgreeLimits.written_margin`` per frame. Off in the daemon: on the tuning half of the studio
benchmark any margin to -99 acted on no misheard command (asked 0.367 -> 0.308), but on the held-out
voices -99 acted on 2 (room), for asked 0.375 -> 0.322 (docs/benchmarks/voice.md, v61a).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def whisper_leads(first: Any, others: Sequence[Any], free: float, limits: Any) -> bool:
    """Whether Whisper's best command ``first`` (a ``spoken_agree.Candidate``), one of pocketsphinx's
    readings, leads every other command ``others`` by ``limits.whisper_lead`` and fits ``free`` (the
    best score of Whisper's own transcripts) within ``limits.whisper_fit`` (``AgreeLimits``); a lead
    below 0: never (the rule before v58a)."""
    if limits.whisper_lead < 0 or first.sphinx is None or not first.intent.understood:
        return False
    ahead = all(first.whisper - c.whisper >= limits.whisper_lead for c in others)
    return ahead and first.whisper - max(free, first.whisper) >= limits.whisper_fit


def sphinx_margin(first: Any, limits: Any, says_a_value: bool) -> float:
    """How far ``first`` (a ``spoken_agree.Candidate``, one of pocketsphinx's readings) must lead
    pocketsphinx's best other reading, per frame: ``limits.written_margin`` where Whisper wrote it itself
    (a free transcript or its snapped form, not a suggestion) and it carries no number or key
    (``says_a_value``: "d minor" and "g minor" are a phone apart), else ``limits.sphinx_margin``; never
    stricter than that (v61a; None: ``sphinx_margin`` always)."""
    if limits.written_margin is None or not first.written or first.guess or says_a_value:
        return float(limits.sphinx_margin)
    return float(min(limits.sphinx_margin, limits.written_margin))
