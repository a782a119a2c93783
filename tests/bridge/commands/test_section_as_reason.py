"""A section named only in a reason said after a request placed by bars (issue 55, round 38): "take the ride out
before bar 5, the verse should feel bare" removes the ride before bar 5, never bars counted inside the verse; a
section said as the place ("..., in the verse") or in a request of its own keeps its region."""

from __future__ import annotations

import pytest

from bridge.commands.means import means_of
from bridge.commands.parser import parse as rules


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("take the ride out before bar 5, the verse should feel bare", {"until_bar": 4}),
        ("lose the claps until bar 13 so the bridge breathes a bit", {"until_bar": 12}),
        ("can you drop the shaker before measure 9? I'd like the outro emptier", {"until_bar": 8}),
    ],
)
def test_a_section_said_as_the_reason_is_no_region(text: str, scope: dict[str, int]) -> None:
    got = means_of(rules(text).as_dict())
    assert got.get("op") == "remove" and got.get("scope") == scope, got


def test_a_section_said_as_the_place_keeps_its_region() -> None:
    got = means_of(rules("take the ride out before bar 5, in the verse").as_dict())
    assert got.get("scope", {}).get("section") == "verse", got
