"""pocketsphinx and Whisper agree before anything acts (issue 56).

The grammar proposes and Whisper judges. The candidates are pocketsphinx's readings (its lattice's
n-best paths that are whole sentences of the command grammar) and Whisper's own free transcripts,
each parsed (``bridge.commands.parse``, under the voice rules). Whisper then scores every candidate
sentence against the audio by forced decoding (``FastWhisper.score``: the mean log-probability of
the sentence's tokens). Readings with the same intent are one candidate, with the best of their scores.

The candidate is the command pocketsphinx proposed that Whisper scores best (Whisper's own free
transcript when pocketsphinx proposed none: a free transcript scores high by construction, and the
parser reads it loosely). The decision acts only when it wins clearly on both sides:

- Whisper scores it ahead of every other command (its own transcripts' included) by ``whisper_margin``;
- it is not far below what Whisper hears freely (its score minus the best free transcript's score
  is at least ``whisper_fit``): a command Whisper only accepts when forced is not sure;
- it is among pocketsphinx's readings, ahead of its best different reading by ``sphinx_margin``
  per frame (a negative limit lets it trail pocketsphinx's best by that much; tuned, see agreeing.py).

Otherwise it asks between the two best ("did you mean ... or ...?"): that candidate, then
pocketsphinx's best when they differ, else Whisper's next; with no command among the candidates it refuses.
A sure command still goes through ``confidence.sure`` (a key, tempo, replace or long job is said back).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bridge.commands import parse
from bridge.commands.confidence import Decision, Hearing, sure
from bridge.commands.fast_whisper import Transcript, clean, written
from bridge.commands.intent import Intent
from bridge.commands.safety import spoken

Scorer = Callable[[list[str]], list[float]]  # sentences as Whisper writes them -> mean token log-probs


@dataclass(frozen=True)
class AgreeLimits:
    sphinx_margin: float  # pocketsphinx: best intent minus the next different one, log units per frame
    whisper_margin: float  # Whisper: best command's mean token log-prob minus the next command's
    whisper_fit: float  # best command's mean token log-prob minus the best free transcript's (<= 0)


@dataclass
class Candidate:
    """One intent proposed by either recogniser, with the best of its readings' scores."""

    intent: Intent
    text: str  # its sentence (pocketsphinx's grammar sentence when it proposed one)
    whisper: float  # mean token log-probability given the audio
    sphinx: float | None = None  # pocketsphinx's log score (None: not among its readings)


def candidates(
    hearing: Hearing, transcripts: Sequence[Transcript], score: Scorer
) -> tuple[list[Candidate], float]:
    """(every distinct intent read by either recogniser, Whisper's likeliest first; the best score
    of Whisper's own free transcripts, -inf without any)."""
    said: list[tuple[str, str, float | None]] = [
        (r.text, written(r.text), r.score) for r in hearing.readings if r.text.strip()
    ]
    said += [(clean(t.text), written(clean(t.text)), None) for t in transcripts if clean(t.text)]
    scores = score([w for _, w, _ in said]) if said else []
    by_key: dict[str, Candidate] = {}
    free = max(
        (w for (_, _, sphinx), w in zip(said, scores, strict=True) if sphinx is None), default=-math.inf
    )
    for (text, _, sphinx), whisper in zip(said, scores, strict=True):
        intent = spoken(parse(text))
        key = repr(intent.as_dict()) if intent.understood else f"unknown: {text}"
        c = by_key.get(key)
        if c is None:
            by_key[key] = Candidate(intent, text, whisper, sphinx)
            continue
        c.whisper = max(c.whisper, whisper)
        if sphinx is not None and (c.sphinx is None or sphinx > c.sphinx):
            c.intent, c.text, c.sphinx = intent, text, sphinx
    return sorted(by_key.values(), key=lambda c: -c.whisper), free


def agree(
    hearing: Hearing, transcripts: Sequence[Transcript], score: Scorer, limits: AgreeLimits
) -> tuple[Decision, str]:
    """(the decision, the sentence it was heard as) for one utterance (see the module text)."""
    found, free = candidates(hearing, transcripts, score)
    return judge(found, free, hearing.frames, limits)


def judge(found: list[Candidate], free: float, frames: int, limits: AgreeLimits) -> tuple[Decision, str]:
    """``agree`` on candidates already scored (``candidates``): pocketsphinx's margins are per one of
    its ``frames``, ``free`` is the best score of Whisper's own transcripts."""
    commands = [c for c in found if c.intent.understood]
    if not commands:
        best = found[0] if found else None
        return Decision("refuse", best.intent if best else spoken(parse(""))), best.text if best else ""
    both = [c for c in commands if c.sphinx is not None]  # a grammar sentence Whisper scored
    first = both[0] if both else commands[0]
    others = [c for c in commands if c is not first]
    ranked = sorted((c for c in found if c.sphinx is not None), key=lambda c: -(c.sphinx or 0.0))
    sphinx_best = ranked[0] if ranked else None
    rival = next((c for c in ranked if c is not first), None)
    why = []
    if first.sphinx is None:
        why.append(f"pocketsphinx did not hear '{first.text}'")
    elif rival is not None and rival.sphinx is not None:
        lead = (first.sphinx - rival.sphinx) / max(1, frames)
        if lead < limits.sphinx_margin:
            why.append(f"pocketsphinx {'heard' if lead < 0 else 'nearly heard'} '{rival.text}'")
    if others and first.whisper - others[0].whisper < limits.whisper_margin:
        near = "heard" if others[0].whisper > first.whisper else "nearly heard"
        why.append(f"Whisper {near} '{others[0].text}'")
    if first.whisper - max(free, first.whisper) < limits.whisper_fit:
        why.append("Whisper hears no command well")
    if not why:
        return sure(first.intent), first.text
    other = sphinx_best if sphinx_best is not None and sphinx_best is not first else None
    if other is None or not other.intent.understood:
        other = others[0] if others else None
    choices = (first.intent,) if other is None else (first.intent, other.intent)
    return Decision("ask", first.intent, choices, "; ".join(why)), first.text
