"""Round 14 (lead): a fix asked of a named part with no direction said is asked about."""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of


@pytest.mark.parametrize(
    "text",
    [
        "the bridge is a bit naff, sort it out",
        "the hats are dodgy, can you fix them",
        "the chorus bass is rubbish, do something about it",
        "the snare is just wrong, fix it",
    ],
)
def test_a_fix_asked_of_a_named_part_with_no_direction_is_asked_about(text: str) -> None:
    """A verdict that names no direction ("naff", "dodgy") and a fix: what should change is not said."""
    intent = parse(text)
    assert not intent.understood, intent
    assert intent.params["reason"].endswith("?") and "what should change" in intent.params["reason"]


@pytest.mark.parametrize(
    ("text", "op"),
    [
        ("the drums are too busy, sort them out", "simpler"),
        ("the bass is too loud, fix it", "softer"),
        # a verdict and a fix said beside a way: the way is the request (the guard on ways said)
        ("the hats are bad, way too loud, fix them", "softer"),
        ("the chorus drums are off, quantize them and fix it", "quantize"),
    ],
)
def test_a_complaint_with_a_direction_keeps_its_op(text: str, op: str) -> None:
    intent = parse(text)
    assert intent.understood and means_of(intent.as_dict())["op"] == op, intent
