"""Issue 55, eighth round (the head's training data): the generated corpus says requests the way
writers unlike the engineers do (a sound named by how it feels, orchestral tracks and measures, the
reason said before the request, the object first, other trades' errands), each labelled with what
is asked; star phrases are never labelled unstar; the head trains on blind sets 1 to 40. (Since round
9 the head is not trained on these kinds: ``reading_train.LEFT_OUT``; the shipped head's tests of them
went with that; the unexplained-words table still learns from them.) Every
sentence here is the engineer's own, none from a blind set."""

from __future__ import annotations

import random
import re

import pytest

from tools.corpus import command_corpus as cc
from tools.corpus import command_templates_writers as wr
from tools.corpus import reading_train
from tools.corpus.command_corpus import Example, generate


@pytest.fixture(scope="module")
def corpus() -> list[Example]:
    return generate(55)


def matching(corpus: list[Example], pattern: str) -> list[Example]:
    return [e for e in corpus if re.search(pattern, e.text, re.IGNORECASE)]


def test_a_sound_named_by_its_feel_is_the_part_or_voice_it_sounds_like() -> None:
    rng = random.Random(3)
    said = dict(cc._target("f", rng) for _ in range(200))
    assert said["the thumpy one"] == "kick" and said["the low rumbly sound"] == "bass"
    assert said["the tick tick cymbal"] == "hats" and said["the clappy one"] == "claps"


def test_feel_words_appear_across_edits_with_their_target(corpus: list[Example]) -> None:
    thumpy = matching(corpus, r"\b(thumpy one|boomy drum|deep thud)\b")
    assert len({e.means["op"] for e in thumpy}) >= 4, thumpy
    assert {e.means.get("target") for e in thumpy} == {"kick"}


def test_orchestral_tracks_and_measures(corpus: list[Example]) -> None:
    woodwinds = matching(corpus, r"\bwoodwinds\b")
    assert woodwinds and {e.means.get("target") for e in woodwinds if e.means["op"] != "none"} == {
        "track:woodwinds"
    }
    measured = matching(corpus, r"\bmeasures? \d")  # a seeded draw: 14 after round 13's templates, 20+ before
    assert len(measured) >= 10 and all("scope" in e.means for e in measured)
    cue = [
        e for e in matching(corpus, r"\bthis (ostinato|motif|cue|passage)\b") if e.means["op"] == "continue"
    ]
    assert cue and {e.means["target"] for e in cue} == {"this"}


def test_a_reason_before_the_request_does_not_change_its_target(corpus: list[Example]) -> None:
    rng = random.Random(5)
    about_the_kick = [wr.reason(rng, "kick") for _ in range(300)]
    assert not [r for r in about_the_kick if re.search(r"\bki?c?k", r)]  # the target is never the distractor
    assert [r for r in (wr.reason(rng, "snare") for _ in range(300)) if re.search(r"\bkick", r)]
    reasoned = matching(corpus, r"cluttering the dialogue|fights the voice over|gets lost under the")
    assert len(reasoned) >= 20 and len({e.means["op"] for e in reasoned}) >= 8


def test_object_first_word_orders(corpus: list[Example]) -> None:
    assert {e.means["op"] for e in matching(corpus, r" I want (louder|quieter)\b")} == {"louder", "softer"}
    assert "make" in {e.means["op"] for e in matching(corpus, r"^make please a ")}


def test_other_trades_errands_are_no_request(corpus: list[Example]) -> None:
    errands = matching(
        corpus, r"\b(book (the|me)|cue sheet|quicktime|which compressor|which plugin|liner notes)\b"
    )
    assert len(errands) >= 8 and {e.means["op"] for e in errands} == {"none"}


def test_star_phrases_are_never_labelled_unstar(corpus: list[Example]) -> None:
    unstarred = [e for e in corpus if e.means["op"] == "unstar"]
    assert unstarred and all(
        re.search(r"unstar|unfavou?rite|star off|star from", e.text, re.I) for e in unstarred
    )


def test_the_head_trains_on_blind_sets_1_to_104_each_measured_once_first() -> None:
    assert reading_train.BLIND == [f"commands_blind{i}" for i in range(1, 105)]
    for name in reading_train.BLIND[20:]:
        text = (reading_train.DATA / f"{name}.yaml").read_text()
        assert text.startswith(
            (
                "# Measured once, blind, at ",
                "# Sealed from the session's start, measured once",
                "# Sealed at this session's start",
            )
        ), name
        assert len(reading_train.blind_set(name)) == 60, name
