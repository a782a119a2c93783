"""An apology after a mixer request is no track name, and "a small bit" is a little (issue 55, lead, round 24).

Found in round 24's blind sets after their one measurement (F5: an Irish fiddler's "unmute the bass again,
sorry" unmuted a track called "bass again"; "swing the hats a small bit" swung them at the default strength).
The sentences here are the lead's own.
"""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.amount_words import LITTLE
from bridge.commands.means import means_of


@pytest.mark.parametrize(
    ("text", "op", "target"),
    [
        ("solo the drums again, my bad", "solo", "drums"),
        ("mute the chords again sorry", "mute", "chords"),
        ("unmute the melody, oops", "unmute", "melody"),
        ("unmute the pad track again, soz", "unmute", "track:pad"),
    ],
)
def test_an_apology_after_the_request_is_no_part_of_a_name(text: str, op: str, target: str) -> None:
    read = means_of(parse(text).as_dict())
    assert (read.get("op"), read.get("target")) == (op, target), read


@pytest.mark.parametrize("text", ["humanize the drums a small bit", "swing the bass a small bit"])
def test_a_small_bit_is_a_little(text: str) -> None:
    got = parse(text)
    assert got.params.get("amount") == LITTLE, got.as_dict()
