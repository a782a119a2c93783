"""Issue 55, eighth round (the head's training data): star phrases are never labelled unstar; the head
trains on blind sets 1 to 40. (Round 8's writers' kinds of the corpus and their tests were taken out
in round 9: held out, they did not raise the agreement; docs/benchmarks/reading.md, Round 9.)"""

from __future__ import annotations

import re

import pytest

from tools.corpus import reading_train
from tools.corpus.command_corpus import Example, generate


@pytest.fixture(scope="module")
def corpus() -> list[Example]:
    return generate(55)


def test_star_phrases_are_never_labelled_unstar(corpus: list[Example]) -> None:
    unstarred = [e for e in corpus if e.means["op"] == "unstar"]
    assert unstarred and all(
        re.search(r"unstar|unfavou?rite|star off|star from", e.text, re.I) for e in unstarred
    )


def test_the_head_trains_on_blind_sets_1_to_40_each_measured_once_first() -> None:
    assert reading_train.BLIND == [f"commands_blind{i}" for i in range(1, 41)]
    for name in reading_train.BLIND[20:]:
        text = (reading_train.DATA / f"{name}.yaml").read_text()
        assert text.startswith(
            ("# Measured once, blind, at ", "# Sealed from the session's start, measured once")
        ), name
        assert len(reading_train.blind_set(name)) == 60, name
