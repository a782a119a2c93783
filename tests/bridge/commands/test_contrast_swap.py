"""A choice said with what it replaces (issue 55): the thing replaced picks no change."""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.contrast import preferred
from bridge.commands.means import means_of


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("can the beat go shuffle instead of straight", "can the beat go shuffle"),
        ("make the hats half time rather than double time", "make the hats half time"),
        ("use the toms instead of the snare for the fill", "use the toms for the fill"),
        ("swap the straight feel for a shuffle", "make it a shuffle"),
        ("switch the half time groove to double time", "make it a double time"),
        # nothing replaced: left as said
        ("mute the bass instead", "mute the bass instead"),
        ("straighten the hats", "straighten the hats"),
        ("change the feel to a shuffle", "change the feel to a shuffle"),
    ],
)
def test_the_thing_replaced_is_left_out(text: str, left: str) -> None:
    assert preferred(text) == left


@pytest.mark.parametrize(
    "text",
    [
        "can the beat go shuffle instead of straight",
        "put a shuffle feel on the hats instead of straight",
        "swap the straight feel for a shuffle",
        "give the bass a shuffle instead of a straight feel",
        "i want it double time rather than half time",
    ],
)
def test_the_feel_replaced_is_never_acted_on(text: str) -> None:
    """Each of these was acted on as the feel it replaces (straight, half time) before."""
    intent = parse(text)
    if intent.understood:
        feel = means_of(intent.as_dict()).get("feel")
        assert feel not in ("straight", "half_time"), intent


@pytest.mark.parametrize(
    ("text", "feel"),
    [
        ("make the drums half time rather than double time", "half_time"),
        ("put the bass in double time instead of half time", "double_time"),
    ],
)
def test_the_feel_chosen_is_acted_on(text: str, feel: str) -> None:
    intent = parse(text)
    assert intent.understood and means_of(intent.as_dict())["feel"] == feel, intent
