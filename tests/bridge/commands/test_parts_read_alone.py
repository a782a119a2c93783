"""A change said of several parts (issue 55, round 38): each part gets the reading the sentence said of it alone
gets, never the first part's copied; where a part alone reads another op, or is asked about, the sentence is asked
about with each op said of all the parts. Sentences of our own."""

from __future__ import annotations

import re

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of

pytestmark = pytest.mark.usefixtures("learned_reading")


@pytest.mark.parametrize(
    "text",
    [
        "shuffle the melody and the drums",
        "could you shuffle the keys, the bass and the drums",
        "make the keys and the bass fatter",
    ],
)
def test_parts_read_differently_alone_are_asked(text: str) -> None:
    intent = parse(text)
    assert not intent.understood, intent
    reason = str(intent.params["reason"])
    assert reason.startswith("did you mean") and reason.endswith("?"), reason
    offered = re.findall(r"'([^']+)'", reason)
    assert offered
    for said in offered:
        got = means_of(parse(said).as_dict())
        assert isinstance(got.get("target"), list) and len(got["target"]) >= 2, (said, got)


@pytest.mark.parametrize(
    ("text", "op", "target"),
    [
        ("shuffle the melody and the bass", "vary", ["melody", "bass"]),
        ("make the drums and the keys fatter", "busier", ["drums", "chords"]),
        ("swing the melody and the keys", "swing", ["melody", "chords"]),
        ("make the drums and the voicings a touch quieter", "softer", ["drums", "chords"]),
        ("would you make the melody and the comping a hair softer?", "softer", ["melody", "chords"]),
        ("make the keys, bass and melody a bit quieter", "softer", ["chords", "bass", "melody"]),
    ],
)
def test_parts_read_alike_alone_are_one_change_on_each(text: str, op: str, target: list[str]) -> None:
    got = means_of(parse(text).as_dict())
    assert got["op"] == op and got["target"] == target, got
