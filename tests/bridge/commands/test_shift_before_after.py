"""A shift's way said as "before" or "after" with nothing after it ("move it one sixteenth before please") is
earlier or later (round 23: "before" was read as later). Sentences written for this test."""

from __future__ import annotations

import pytest

from bridge.commands.agree import parse
from bridge.commands.shift_words import offset_of

pytestmark = pytest.mark.usefixtures("learned_reading")


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("move the bass one sixteenth before", -0.25),
        ("the chords drag, shift them an eighth before please", -0.5),
        ("push the snare an eighth after", 0.5),
        ("move the bass a sixteenth earlier", -0.25),  # as before
    ],
)
def test_before_or_after_said_last_is_the_way_the_part_moves(text: str, offset: float) -> None:
    intent = parse(text)
    assert intent.action == "transform" and intent.params.get("kind") == "shift", intent.as_dict()
    assert intent.params["offset"] == offset, intent.params


def test_before_naming_something_is_not_a_way() -> None:
    assert offset_of(" move the bass an eighth later before the chorus ") == {"offset": 0.5}
