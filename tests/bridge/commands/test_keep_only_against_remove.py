"""Keeping only a sound (or fewer of its notes) and removing it contradict each other: where the rules read one and the learned
reading is sure of the other, the sentence is asked about, never acted on as the other (issue 55)."""

from __future__ import annotations

import pytest

from bridge.commands import reader
from bridge.commands.agree import agreed
from bridge.commands.parser import parse as rules


def _sure(op: str, target: str) -> reader.Reading:
    return reader.Reading(((op, 0.95), ("keep_only", 0.02)), target)


@pytest.mark.parametrize(
    ("text", "voices"),
    [
        ("just hats in the outro", "hats"),
        ("only the snare in the bridge", "snare"),
        ("just kick in the verse", "kick"),
    ],
)
def test_a_keep_only_the_reading_is_sure_removes_is_asked(text: str, voices: str) -> None:
    ruled = rules(text)
    assert ruled.params.get("kind") == "drums_keep" and ruled.params.get("voices") == voices, ruled
    intent = agreed(text, ruled, _sure("remove", voices))
    assert not intent.understood, intent
    assert intent.params["suggestions"], intent  # a question offering readings, not a refusal


def test_a_remove_the_reading_is_sure_keeps_only_is_asked() -> None:
    text = "drop the hats in the outro"
    ruled = rules(text)
    assert ruled.params.get("kind") == "drums_remove", ruled
    intent = agreed(text, ruled, reader.Reading((("keep_only", 0.95), ("remove", 0.02)), "hats"))
    assert not intent.understood, intent


def test_the_rules_keep_only_acts_where_the_reading_agrees() -> None:
    text = "just hats in the outro"
    intent = agreed(text, rules(text), reader.Reading((("keep_only", 0.95), ("remove", 0.02)), "hats"))
    assert intent.params.get("kind") == "drums_keep" and intent.params.get("voices") == "hats", intent


@pytest.mark.parametrize("text", ["strip back the hats in the outro", "thin out the snare in the bridge"])
def test_fewer_notes_the_reading_is_sure_removes_is_asked(text: str) -> None:
    """Fewer notes of a sound is not none of it: a sure learned "remove" does not override the rules' "simpler"."""
    ruled = rules(text)
    assert ruled.params.get("kind") == "density", ruled
    intent = agreed(text, ruled, _sure("remove", ruled.params["voices"]))
    assert not intent.understood, intent


def test_removing_the_reading_is_sure_is_fewer_notes_is_asked() -> None:
    text = "take the hats out of the outro"
    ruled = rules(text)
    assert ruled.params.get("kind") == "drums_remove", ruled
    intent = agreed(text, ruled, reader.Reading((("simpler", 0.95), ("remove", 0.02)), "hats"))
    assert not intent.understood, intent
