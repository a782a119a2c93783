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
