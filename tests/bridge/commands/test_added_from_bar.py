"""A voice added "from bar N" plays from that bar on, not in that bar alone (issue 55)."""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of

pytestmark = pytest.mark.usefixtures("learned_reading")  # the whole reader: rules, learned reading, gate


@pytest.mark.parametrize(
    ("text", "voice", "bar"),
    [
        ("add a cowbell from bar 13", "percussion", 13),
        ("bring in some claps from bar twenty five", "claps", 25),
    ],
)
def test_a_voice_added_from_a_bar_plays_on(text: str, voice: str, bar: int) -> None:
    assert means_of(parse(text).as_dict()) == {"op": "add", "target": voice, "scope": {"from_bar": bar}}


def test_a_voice_added_in_a_bar_stays_there() -> None:
    assert means_of(parse("add a cowbell in bar 13").as_dict())["scope"] == {"bars": [13, 13]}


def test_a_hit_from_a_beat_of_a_bar_stays_on_that_beat() -> None:
    assert means_of(parse("add a clap from beat 3 of bar 13").as_dict())["scope"] == {
        "bars": [13, 13],
        "beats": 3,
    }
