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
words (part G, ``sounds_within``) are off in it (``second_limits``), and so is v85's plain grammar sentence
(``plain_margin``: a sentence it was told is a grammar sentence by construction); its forced scores,
pocketsphinx's margins and part J's read-back of a song change still judge.

``again_even`` (v83): a prompt favours what it names, and Whisper often writes the command told first
(v82's held-out "mute the chords"). So the second decode runs only where pocketsphinx proposed at least two
commands (rivals to name: a lone reading handed to Whisper is written back), its best prompted transcript's
own log-probability is at least that of its best unprompted one (told the rivals, it is no less sure of its
words), and it is told them again in reverse order: the second decision is taken only where both decisions
act on (or read back) one command.
Only the sentences new to the press are parsed and scored (``_memo``, ``_scores``: one press's audio).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial

from bridge.commands.confidence import Decision, Hearing
from bridge.commands.fast_whisper import Transcript
from bridge.commands.intent import Intent
from bridge.commands.spoken_agree import (
    SUGGESTED,
    AgreeLimits,
    Candidate,
    Reader,
    Scorer,
    decided,
    heard,
    heard_as,
)
from bridge.commands.spoken_unread import unread_rivals

Rehear = Callable[[tuple[str, ...]], list[Transcript]]  # the audio last heard, decoded with this prompt
Redecide = Callable[[list[Transcript]], tuple[Decision, str]]  # the pair's decision on other transcripts


def told(found: Sequence[Candidate], n: int) -> tuple[str, ...]:
    """The prompt: at most ``n`` commands' sentences, pocketsphinx's readings by its score, then the
    learned reading's suggestions as Whisper scores them (``found`` is sorted so)."""
    commands = [c for c in found if c.intent.understood]
    ranked = sorted((c for c in commands if c.sphinx is not None), key=lambda c: -(c.sphinx or 0.0))
    guessed = [c for c in commands if c.sphinx is None and c.guess]
    return tuple(dict.fromkeys(c.text for c in (*ranked, *guessed)))[: max(0, n)]


def runs(decision: Decision, said: Sequence[str], limits: AgreeLimits, read: Reader | None = None) -> bool:
    """Whether the second decode runs: it is on, the pair asks, and Whisper wrote no command."""
    if limits.again_prompt <= 0 or decision.kind != "ask":
        return False
    read = read or partial(heard_as, voiced=not limits.learned_starts)
    return not any(read(s).understood for s in said)


def second_limits(limits: AgreeLimits) -> AgreeLimits:
    """The limits of the decision on the prompted transcripts (see the module text): no third decode."""
    return replace(limits, again_prompt=0, sounds_within=-1.0, whisper_sure=1.0, plain_margin=-1.0)


def again(
    first: tuple[Decision, str],
    found: Sequence[Candidate],
    said: Sequence[str],
    limits: AgreeLimits,
    rehear: Rehear,
    redecide: Redecide,
    read: Reader | None = None,
    logprob: float = -math.inf,
) -> tuple[Decision, str]:
    """The pair's answer ``first`` (its ``found`` candidates, Whisper's transcripts ``said`` as parsed, the best
    one's own log-probability ``logprob``), or the decision on a second decode told the candidates, where that
    one acts or reads back."""
    if not runs(first[0], said, limits, read) or not (prompt := told(found, limits.again_prompt)):
        return first
    if limits.again_even and sum(c.sphinx is not None and c.intent.understood for c in found) < 2:
        return first  # pocketsphinx's lone command: no rival to name beside it (v83)
    prompted = rehear(prompt)
    second = redecide(prompted)
    if second[0].kind not in ("act", "confirm"):
        return first
    if limits.again_even and (not prompted or prompted[0].score < logprob):
        return first  # told the commands, Whisper is less sure of its words than it was of its own (v83)
    if limits.again_even and len(prompt) > 1 and not _same(second[0], redecide(rehear(prompt[::-1]))[0]):
        return first  # told the same commands in the other order, Whisper led the decision elsewhere
    return second


def _same(one: Decision, other: Decision) -> bool:
    """Whether both decisions act on (or read back) the same command."""
    done = ("act", "confirm")
    return one.kind in done and other.kind in done and one.intent.as_dict() == other.intent.as_dict()


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
    read, scored = _memo(partial(heard_as, voiced=not limits.learned_starts)), _scores(score)
    decision, text, found = decided(hearing, transcripts, scored, limits, suggested, snapped, read)

    def redecide(prompted: list[Transcript]) -> tuple[Decision, str]:
        """The pair on the prompted transcripts: only sentences new to this press are parsed and scored."""
        second, said, _ = decided(hearing, prompted, scored, second_limits(limits), suggested, snapped, read)
        return second, said

    logprob = transcripts[0].score if transcripts else -math.inf
    said = heard(transcripts)
    skip = unread_rivals(hearing, said, read) if limits.unread_rivals else frozenset()  # as ``decided``
    said = [s for s in said if s not in skip]
    return again((decision, text), found, said, limits, rehear, redecide, read, logprob)


def _memo(read: Reader) -> Reader:
    """``read`` remembered for one press (the first decision's proposals are the second's)."""
    known: dict[str, Intent] = {}

    def once(text: str) -> Intent:
        if text not in known:
            known[text] = read(text)
        return known[text]

    return once


def _scores(score: Scorer) -> Scorer:
    """Whisper's forced scores remembered for one press (the same audio): only new sentences are scored."""
    known: dict[str, float] = {}

    def scored(sentences: list[str]) -> list[float]:
        new = [s for s in dict.fromkeys(sentences) if s not in known]
        if new:
            known.update(zip(new, score(new), strict=True))
        return [known[s] for s in sentences]

    return scored
