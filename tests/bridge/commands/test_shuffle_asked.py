""" "Shuffle" said alone of parts (issue 55, round 38): a shuffle feel (swing) or new takes mixed up (vary)? The rules
ask, with one part or several, never a vary of each part; a span of bars or "a shuffle feel" stays the swing."""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of
from bridge.commands.parser import parse as rules


@pytest.mark.parametrize(
    "text",
    ["shuffle the chords and the melody", "Shuffle the keys and bass please", "can you shuffle the melody"],
)
def test_shuffle_of_parts_is_asked(text: str) -> None:
    for reading in (rules(text), parse(text)):
        assert not reading.understood, reading
        reason = str(reading.params["reason"])
        assert reason.endswith("?") and "swing the " in reason and "vary the " in reason, reason


def test_a_shuffle_over_bars_is_still_the_swing() -> None:
    got = means_of(rules("shuffle the melody over the last 2 bars").as_dict())
    assert got["op"] == "swing", got
