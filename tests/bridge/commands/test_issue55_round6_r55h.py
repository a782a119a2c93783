"""Issue 55, sixth round (the head's training corpus): the generated corpus says requests the way
the writers of blind sets 12 to 17 did and the head read badly (hedged and formal frames, casual
spellings, verbless fragments, errands MuseAroo does not run beside vague asks, undo counts said as
changes, unmute said as "back on"), each labelled with the operation it asks for."""

from __future__ import annotations

import re

import pytest

from tools.corpus.command_corpus import Example, generate


@pytest.fixture(scope="module")
def corpus() -> list[Example]:
    return generate(55)


def ops_of(corpus: list[Example], pattern: str) -> set[str]:
    return {e.means["op"] for e in corpus if re.search(pattern, e.text, re.IGNORECASE)}


def test_hedged_frames_wrap_many_kinds_of_request(corpus: list[Example]) -> None:
    hedged = ops_of(corpus, r"^(would it be possible to|is there a way to|is it possible to) ")
    assert len(hedged) >= 8, hedged
    assert ops_of(corpus, r", if that's a thing you can do") - {"none", "ask"}


def test_casual_spellings_keep_the_request_readable(corpus: list[Example]) -> None:
    casual = [e for e in corpus if re.search(r"\b(u|r|w|tho|rq|goin)\b", e.text)]
    assert len(casual) >= 60, len(casual)
    assert len({e.means["op"] for e in casual}) >= 15


def test_verbless_fragments_name_the_change(corpus: list[Example]) -> None:
    assert ops_of(corpus, r"straight, no swing$") == {"feel"}
    assert ops_of(corpus, r"^(less|fewer) \w+") >= {"simpler"}


def test_undo_counts_and_back_on(corpus: list[Example]) -> None:
    assert ops_of(corpus, r"take back the last \w+ changes") == {"undo"}
    assert "unmute" in ops_of(corpus, r"(turn|switch) it back on")


def test_errands_are_not_requests_and_vague_asks_are_questions(corpus: list[Example]) -> None:
    assert ops_of(corpus, r"weather|rain today|text message|lyric sheets|pitch of the singer") == {"none"}
    assert ops_of(corpus, r"make it better for|hit different|do somethin w") == {"ask"}
