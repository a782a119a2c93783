"""A part and its level said after a change of another kind ("... and snare -3 dB") is its own request:
the first change is not lost to the level (issue 55, round 19)."""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of

pytestmark = pytest.mark.usefixtures("learned_reading")  # the whole reader: rules, learned reading, gate


@pytest.mark.parametrize(
    ("text", "first", "level"),
    [
        ("quantize the snare and kick +3 dB", "quantize", "louder"),
        ("humanize the hats and snare -2 dB", "humanize", "softer"),  # no strength: leftover_values
    ],
)
def test_each_request_keeps_its_own_op(text: str, first: str, level: str) -> None:
    read = means_of(parse(text).as_dict())
    assert read.get("op") == first
    assert [step.get("op") for step in read.get("then", [])] == [level]


def test_a_level_both_parts_are_made_to_stays_one_change() -> None:
    read = means_of(parse("make the hats and kick louder").as_dict())
    assert read.get("op") == "louder" and not read.get("then") and not read.get("not_done")
