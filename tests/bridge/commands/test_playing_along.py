"""A new part played along with, or answering, what is there is never made from nothing; a part said
only as what is played along with is not the part made (issue 55)."""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of

pytestmark = pytest.mark.usefixtures("learned_reading")  # the whole reader: rules, learned reading, gate


@pytest.mark.parametrize(
    "text", ["write something that plays along with the bass", "give me something to go with the melody"]
)
def test_the_part_played_along_with_is_not_made(text: str) -> None:
    intent = parse(text)
    assert not intent.understood, means_of(intent.as_dict())


def test_a_part_said_first_still_accompanies() -> None:
    assert means_of(parse("write chords that play along with the bass").as_dict()) == {
        "op": "accompany",
        "target": "chords",
    }


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("a bass line that answers this riff", "bass"),
        ("write a lead responding to the clip i've selected", "melody"),
    ],
)
def test_a_part_answering_the_clip_follows_it(text: str, part: str) -> None:
    intent = parse(text)
    assert intent.understood, intent.params
    assert means_of(intent.as_dict()) == {"op": "make", "target": part, "follow": "this"}
