"""How many undo steps a sentence asks for, said in words: "undo that and the one before it" is two, and
"take back the last three changes" is three ("take back" is the verb, not a take of the history)."""

from __future__ import annotations

import pytest

from bridge.commands import parse

COUNTED = [
    ("undo that and the one before it", 2),
    ("undo it and the change before that", 2),
    ("undo that, and the one before", 2),
    ("undo this one and the edit before it", 2),
    ("take back the last three changes", 3),
    ("take back the last 2 edits", 2),
    ("can you take back the last four moves", 4),
]
ONE = ["undo", "undo that", "undo the last change"]


@pytest.mark.parametrize(("text", "count"), COUNTED)
def test_an_undo_said_with_its_count_in_words_undoes_that_many(text: str, count: int) -> None:
    intent = parse(text)
    assert intent.action == "undo" and intent.params.get("count") == count, intent


@pytest.mark.parametrize("text", ONE)
def test_a_plain_undo_stays_one_step(text: str) -> None:
    intent = parse(text)
    assert intent.action == "undo" and "count" not in intent.params, intent


def test_a_take_taken_back_is_not_an_undo_count() -> None:
    assert parse("take back the bass take").action != "undo"
