"""The studio benchmark's decisions on kept decodes (``voice_studio``): the pair's rule, main's rule
before issue 56's second round, pocketsphinx alone, Whisper's best transcript alone; their rates, how
often some candidate was right, and the limits' grid search.

Whisper's scores are kept per utterance; a candidate sentence proposed since the decode (the rule
changed) is scored on the utterance's audio again (``Scores``), with the model loaded on first need.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import replace
from functools import partial
from typing import Any

from bridge.commands import parse
from bridge.commands.audio import read_speech_wav
from bridge.commands.confidence import Decision, decide
from bridge.commands.fast_whisper import WINDOW_S, Transcript, clean
from bridge.commands.reply import reply
from bridge.commands.safety import spoken
from bridge.commands.spoken_agree import AgreeLimits, candidates, heard, heard_as, judge
from bridge.commands.spoken_check import is_check
from bridge.commands.spoken_offer import widen
from bridge.commands.spoken_unread import masked, unread_rivals
from tools.bench.voice_confidence import TRUSTED, hearing_of, outcome, right

# main's limits, for its rule (a lone pocketsphinx reading was acted on without Whisper's support)
MAIN_LIMITS = AgreeLimits(
    sphinx_margin=0.0, whisper_margin=0.25, whisper_fit=-3.0, lone_fit=-math.inf, learned_starts=True
)
GRID = {
    "sphinx_margin": (-4.0, -2.0, -1.0, 0.0, 1.0, 2.0),
    "whisper_margin": (0.0, 0.25, 0.5, 1.0, 1.5, 2.0),
    "whisper_fit": (-99.0, -3.0, -2.0, -1.5, -1.0, -0.5),
    "lone_fit": (-2.0, -1.0, -0.5, -0.25, 0.0),
}


class Scores:
    """Whisper's kept scores of a row's sentences; a sentence not kept (a candidate proposed since the
    decode) is scored on the row's audio again, with the model loaded on first need."""

    def __init__(self, window_s: float) -> None:
        self.window_s, self.rescored = window_s, 0
        self.whisper: Any = None

    def of(self, row: dict[str, Any]) -> Any:
        def score(sentences: list[str]) -> list[float]:
            table = row["table"]
            missing = [s for s in dict.fromkeys(sentences) if s not in table]
            if missing:
                if self.whisper is None:
                    from bridge.commands.fast_whisper import FastWhisper

                    self.whisper = FastWhisper(window_s=self.window_s)
                self.whisper.listen(read_speech_wav(row["wav"]))
                table.update(zip(missing, self.whisper.score(missing), strict=True))
                self.rescored += 1
            return [table[s] for s in sentences]

        return score


SCORES = Scores(WINDOW_S)


def pair_decision(row: dict[str, Any], limits: AgreeLimits) -> Decision:
    """As the daemon's pair decides, from the kept scores (candidates parsed once per row)."""
    said, skip = heard([Transcript(**t) for t in row["whisper"]]), unread_of(row, limits)
    found, free = _found(row, not limits.learned_starts, skip)
    logprob = row["whisper"][0]["score"] if row["whisper"] else -math.inf
    read = masked(partial(heard_as, voiced=not limits.learned_starts), skip) if skip else None
    decision = judge(found, free, row["hearing"]["frames"], limits, said, logprob, read)[0]
    unread = [*(r["text"] for r in row["hearing"]["readings"]), *said]  # as ``spoken_agree.agree``
    voiced = not limits.learned_starts
    return widen(decision, found, unread, SCORES.of(row), limits.offer_suggested, voiced, limits.offer_near)


def unread_of(row: dict[str, Any], limits: AgreeLimits) -> frozenset[str]:
    """Whisper's transcripts of the row that read as no command under ``limits.unread_rivals`` (v84)."""
    if not limits.unread_rivals:
        return frozenset()
    said = heard([Transcript(**t) for t in row["whisper"]])
    return unread_rivals(hearing_of(row), said, partial(heard_as, voiced=not limits.learned_starts))


def _found(row: dict[str, Any], voiced: bool = True, skip: frozenset[str] = frozenset()) -> tuple[list[Any], float]:  # fmt: skip
    """The row's candidates as the daemon's pair proposes and scores them (parsed once per row;
    ``voiced`` False: read as before issue 56 part I, the learned reading starting commands; ``skip``:
    transcripts read as no command, ``spoken_unread``)."""
    key = ("_found" if voiced else "_found_learned") + "".join(f"|{s}" for s in sorted(skip))
    if key not in row:
        heard = [Transcript(**t) for t in row["whisper"]]
        read = masked(partial(heard_as, voiced=voiced), skip)
        row[key] = candidates(hearing_of(row), heard, SCORES.of(row), voiced=voiced, read=read)
    return row[key]  # type: ignore[no-any-return]


def main_decision(row: dict[str, Any], limits: AgreeLimits = MAIN_LIMITS) -> Decision:
    """The rule before this change (main at 8a9512e): Whisper's transcripts as written only (neither
    snapped nor the learned reading's suggestions), pocketsphinx's lone reading acted on without
    Whisper's support (``lone_fit`` -inf, whatever ``limits`` says)."""
    if "_found_main" not in row:
        heard = [Transcript(**t) for t in row["whisper"]]
        row["_found_main"] = candidates(
            hearing_of(row), heard, SCORES.of(row), suggested=0, snapped=False, voiced=False
        )
    found, free = row["_found_main"]
    return judge(found, free, row["hearing"]["frames"], replace(limits, lone_fit=-math.inf))[0]


def sphinx_decision(row: dict[str, Any]) -> Decision:
    from bridge.commands.sphinx import LIMITS

    return decide(hearing_of(row), LIMITS, row.get("recheck"))


def whisper_decision(row: dict[str, Any]) -> Decision:
    """Whisper's best transcript alone, read by the parser under the voice rules: acted on when it
    reads as a command, refused otherwise (nothing of pocketsphinx's, no scoring)."""
    heard = row["whisper"]
    intent = spoken(parse(clean(heard[0]["text"]) if heard else ""))
    return Decision("act" if intent.understood else "refuse", intent)


def reachable(rows: list[dict[str, Any]]) -> float:
    """How often some candidate the pair weighs (as ``pair_decision`` finds them) is the command meant:
    no decision over these candidates understands more often."""
    some = sum(any(right(c.intent.as_dict(), r["entry"]) for c in _found(r)[0]) for r in rows)
    return some / max(1, len(rows))


def rates(rows: list[dict[str, Any]], decided: Any) -> dict[str, float]:
    """understood and asked (rates), misheard acted on, and the song changes said back because the
    recognisers disagree (``spoken_check``, issue 56 part J: their own outcome, neither understood nor
    asked nor misheard; ``confirm_wrong`` of them a wrong command, done only if the producer says yes)."""
    n = max(1, len(rows))
    counts = {"understood": 0, "misheard": 0, "asked": 0, "refused": 0, "confirm": 0, "confirm_wrong": 0}
    for row in rows:
        decision = decided(row)
        if is_check(decision):
            counts["confirm"] += 1
            counts["confirm_wrong"] += not right(decision.intent.as_dict(), row["entry"])
            continue
        counts[outcome(decision, row["entry"])] += 1
        counts["asked"] += reply(decision, TRUSTED).what == "ask"
    return {"n": len(rows), "understood": counts["understood"] / n, "asked": counts["asked"] / n,
            "misheard": counts["misheard"], "confirm": counts["confirm"] / n,
            "confirm_wrong": counts["confirm_wrong"]}  # fmt: skip


def tune(rows: list[dict[str, Any]], decided: Any = pair_decision) -> AgreeLimits:
    """The grid's limits with no misheard command acted on and the fewest questions, then the most
    understood, for a rule ``decided(row, limits)`` (the pair's ``whisper_alone`` as the daemon's)."""
    from bridge.commands.agreeing import LIMITS

    alone = LIMITS.whisper_alone and decided is pair_decision  # the daemon's pair's, not tuned
    best: tuple[tuple[float, float, float], AgreeLimits] | None = None
    for sphinx_margin, whisper_margin, whisper_fit, lone_fit in itertools.product(*GRID.values()):
        limits = AgreeLimits(sphinx_margin, whisper_margin, whisper_fit, lone_fit, whisper_alone=alone)
        if decided is main_decision and limits.lone_fit != GRID["lone_fit"][0]:
            continue  # main's rule has no lone limit
        r = rates(rows, lambda row, lim=limits: decided(row, lim))
        key = (float(r["misheard"]), r["asked"], -r["understood"])
        if best is None or key < best[0]:
            best = (key, limits)
    assert best is not None
    return best[1]
