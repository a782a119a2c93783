"""A question Whisper wrote no command for, decoded again with the grammar's candidates as its prompt (v82).

Where the pair asks (``spoken_agree.judge``) and none of Whisper's transcripts reads as a command, Whisper
was told the command vocabulary but wrote other words ("not all the tempo" for "double the tempo"), and
its forced scores of the commands proposed fall below its own words (``whisper_fit``). Whisper is then
asked once more on the same audio (``FastWhisper.hear_again``: the encoding kept, one more beam search),
its prompt the ``again_prompt`` best commands the grammar proposed (``told``: pocketsphinx's n-best within
the grammar by its own score, then the learned reading's suggestions by Whisper's), and the pair decides
again on those transcripts with the same limits (``redecide``): both agree and the forced scores (always
decoded without a prompt) win clearly. The second decision is taken only where it acts or reads back;
a second question or a refusal leaves the first question as it was.

What the second decision cannot lean on: a sentence Whisper was handed is no evidence of its own, so
Whisper's confidence in its prompted transcript (part H, ``whisper_sure``) and the sounds of its prompted
words (part G, ``sounds_within``) are off in it (``second_limits``); its forced scores, pocketsphinx's
margins and part J's read-back of a song change still judge.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from bridge.commands.confidence import Decision, Hearing
from bridge.commands.fast_whisper import Transcript
from bridge.commands.spoken_agree import SUGGESTED, AgreeLimits, Candidate, Scorer, decided, heard, heard_as

Rehear = Callable[[tuple[str, ...]], list[Transcript]]  # the audio last heard, decoded with this prompt
Redecide = Callable[[list[Transcript]], tuple[Decision, str]]  # the pair's decision on other transcripts


def told(found: Sequence[Candidate], n: int) -> tuple[str, ...]:
    """The prompt: at most ``n`` commands' sentences, pocketsphinx's readings by its score, then the
    learned reading's suggestions as Whisper scores them (``found`` is sorted so)."""
    commands = [c for c in found if c.intent.understood]
    ranked = sorted((c for c in commands if c.sphinx is not None), key=lambda c: -(c.sphinx or 0.0))
    guessed = [c for c in commands if c.sphinx is None and c.guess]
    return tuple(dict.fromkeys(c.text for c in (*ranked, *guessed)))[: max(0, n)]


def runs(decision: Decision, said: Sequence[str], limits: AgreeLimits) -> bool:
    """Whether the second decode runs: it is on, the pair asks, and Whisper wrote no command."""
    if limits.again_prompt <= 0 or decision.kind != "ask":
        return False
    return not any(heard_as(s, not limits.learned_starts).understood for s in said)


def second_limits(limits: AgreeLimits) -> AgreeLimits:
    """The limits of the decision on the prompted transcripts (see the module text): no third decode."""
    return replace(limits, again_prompt=0, sounds_within=-1.0, whisper_sure=1.0)


def again(
    first: tuple[Decision, str],
    found: Sequence[Candidate],
    said: Sequence[str],
    limits: AgreeLimits,
    rehear: Rehear,
    redecide: Redecide,
) -> tuple[Decision, str]:
    """The pair's answer ``first`` (its ``found`` candidates, Whisper's transcripts ``said`` as parsed), or
    the decision on a second decode told the candidates, where that one acts or reads back."""
    if not runs(first[0], said, limits) or not (prompt := told(found, limits.again_prompt)):
        return first
    second = redecide(rehear(prompt))
    return second if second[0].kind in ("act", "confirm") else first


def agree_again(
    hearing: Hearing,
    transcripts: Sequence[Transcript],
    score: Scorer,
    limits: AgreeLimits,
    rehear: Rehear,
    suggested: int = SUGGESTED,
    snapped: bool = True,
) -> tuple[Decision, str]:
    """``spoken_agree.agree``, then ``again`` where it runs (``rehear``: ``FastWhisper.hear_again``)."""
    decision, text, found = decided(hearing, transcripts, score, limits, suggested, snapped)

    def redecide(prompted: list[Transcript]) -> tuple[Decision, str]:
        second, said, _ = decided(hearing, prompted, score, second_limits(limits), suggested, snapped)
        return second, said

    return again((decision, text), found, heard(transcripts), limits, rehear, redecide)
