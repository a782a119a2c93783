"""v63: where the pair asks and Whisper wrote no command, the learned reading's deeper suggestions of its
words (past the two the candidates hold) are weighed for the question's second choice
(``AgreeLimits.offer_suggested``, ``spoken_offer.widen``); they never act, never turn a refusal into a
question and never move the first choice, and a bad count is named."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bridge.commands.agreeing import LIMITS as DAEMON
from bridge.commands.confidence import Decision
from bridge.commands.fast_whisper import Transcript
from bridge.commands.intent import Intent
from bridge.commands.spoken_agree import SUGGESTED, agree, heard_as
from bridge.commands.spoken_offer import widen
from tests.bridge.commands.test_spoken_agree import scorer
from tests.bridge.commands.test_spoken_ties import _dictionary, heard  # noqa: F401 (its fixture)

BEFORE = replace(DAEMON, offer_suggested=0)  # the question before v63: the first two suggestions only
DEEPER = replace(DAEMON, offer_suggested=4)

# pocketsphinx hears two grooves under the song; Whisper writes "make the melody hazier", no command; of
# what the reading suggests for it, Whisper scores the third far ahead of the rest
SPHINX = heard("make a trap beat", "make a rock beat")
WROTE = [Transcript(" Make the melody hazier.", -0.8)]
BASE = {"make the melody hazier": -0.8, "make a rock beat": -2.6, "make a trap beat": -3.4}


def third() -> str:
    """The reading's third suggestion for Whisper's words (the candidates hold the first two)."""
    said = heard_as("make the melody hazier")
    tips = said.params.get("suggestions", [])
    assert not said.understood and len(tips) > SUGGESTED and heard_as(tips[SUGGESTED]).understood, tips
    return str(tips[SUGGESTED])


def same(intent: Intent, sentence: str) -> bool:
    return intent.as_dict() == heard_as(sentence).as_dict()


def test_the_question_offers_a_deeper_suggestion_whisper_scores_best() -> None:
    deep = third()
    d, _ = agree(SPHINX, WROTE, scorer({**BASE, deep: -1.1}), DEEPER)
    assert d.kind == "ask" and d.choices[0].params.get("genre") == "rock"  # the first choice stays
    assert same(d.choices[1], deep), d.choices[1].as_dict()


def test_before_v63_the_deeper_suggestion_was_never_offered() -> None:
    deep = third()
    d, _ = agree(SPHINX, WROTE, scorer({**BASE, deep: -1.1}), BEFORE)
    assert d.kind == "ask" and not any(same(c, deep) for c in d.choices)


def test_a_deeper_suggestion_whisper_scores_below_the_others_is_not_offered() -> None:
    d, _ = agree(SPHINX, WROTE, scorer(BASE), DEEPER)  # the third scores -9: an earlier one wins
    assert d.kind == "ask" and not same(d.choices[1], third())


def test_a_deeper_suggestion_never_acts_nor_turns_a_refusal_into_a_question() -> None:
    """Whisper scoring the suggestion above its own words leaves the question a question; with nothing
    pocketsphinx read and no command written, the refusal stays a refusal."""
    scores = scorer({**BASE, third(): -0.2})
    for limits in (BEFORE, DEEPER):
        assert agree(SPHINX, WROTE, scores, limits)[0].kind == "ask"
        assert agree(heard(), WROTE, scores, limits)[0].kind == "refuse"


def test_an_act_is_left_as_it_is() -> None:
    stop = agree(heard("stop", "start"), [Transcript(" Stop.", -0.1)], scorer({"stop": -0.1}), DEEPER)[0]
    assert stop.kind == "act" and widen(stop, [], ["make the melody hazier"], scorer(BASE), 4) is stop


def test_a_bad_count_is_named() -> None:
    with pytest.raises(ValueError, match="-1"):
        widen(Decision("ask", heard_as("stop")), [], [], scorer(BASE), -1)


def test_the_daemons_question_weighs_the_third_suggestion() -> None:
    """The daemon's pair (v63) offers the reading's third suggestion when Whisper scores it best."""
    deep = third()
    d, _ = agree(SPHINX, WROTE, scorer({**BASE, deep: -1.1}), DAEMON)
    assert d.kind == "ask" and same(d.choices[1], deep), d.choices[1].as_dict()
