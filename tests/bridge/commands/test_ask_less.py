"""Voice that asks less (issue 44): readings that lead to the same action are one answer, so only a
choice between different actions is asked about."""

from __future__ import annotations

from typing import Any

from bridge.commands.confidence import Hearing, Limits, Reading, decide

LIMITS = Limits(margin=2.0, fit=-50.0, posterior=0.5)


def hearing(*readings: tuple[str, float], fit: float = -30.0, **kw: Any) -> Hearing:
    return Hearing(tuple(Reading(t, s) for t, s in readings), frames=100, fit=fit, **kw)


def test_searches_that_differ_only_in_words_that_do_the_same_are_one_answer() -> None:
    same = hearing(("play it", -1000.0), ("stop it", -1500.0), searches_agree=False, viterbi="play")
    assert decide(same, LIMITS).kind == "act"
    other = hearing(("play it", -1000.0), ("stop it", -1500.0), searches_agree=False, viterbi="stop")
    d = decide(other, LIMITS)
    assert d.kind == "ask" and "searches disagree" in d.why
    unknown = hearing(("play it", -1000.0), searches_agree=False)  # the Viterbi words not kept
    assert decide(unknown, LIMITS).kind == "ask"


def test_a_lone_reading_the_second_decode_agrees_on_needs_only_the_lone_fit() -> None:
    limits = Limits(margin=2.0, fit=-44.0, posterior=0.5, lone_fit=-48.0)
    lone = hearing(("make the bass busier", -1000.0), ("flute and a flute", -1900.0), fit=-46.0)
    assert decide(lone, limits, "make the bass busier please").kind == "act"  # one action, decoded twice
    assert decide(lone, limits).kind == "ask"  # no second decode: the fit limit as before
    assert decide(lone, limits, "make the bass thinner").kind == "ask"  # the second decode differs
    rival = hearing(("make the bass busier", -1000.0), ("make the lead busier", -1900.0), fit=-46.0)
    assert decide(rival, limits, "make the bass busier").kind == "ask"  # another command was heard
    assert (
        decide(hearing(("make the bass busier", -1000.0), fit=-49.0), limits, "make the bass busier").kind
        == "ask"
    )
