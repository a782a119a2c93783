"""A request said only in the negative is not acted on (issue 55 and 56): "don't mute the bass" muted the
bass on main. Sentences written for this test, not from any blind set."""

from __future__ import annotations

import pytest

from bridge.commands.agree import parse
from bridge.commands.negated import negated_only

pytestmark = pytest.mark.usefixtures("learned_reading")

NEGATED = [
    "don't mute the bass",
    "dont solo the drums",
    "do not quantize the drums",
    "Please DON'T transpose the chords",
    "don't delete the melody",
    "never humanize the hats",
    "don't stop the jam",
]


@pytest.mark.parametrize("text", NEGATED)
def test_a_request_said_in_the_negative_changes_nothing(text: str) -> None:
    intent = parse(text)
    assert not intent.understood, (text, intent.as_dict())


def test_the_examples_offered_are_acts_on_the_part_named() -> None:
    intent = parse("don't mute the bass")
    assert "not to do" in intent.params["reason"], intent.params
    examples = intent.params["suggestions"]
    assert examples and all("bass" in e for e in examples), examples
    for example in examples:
        acted = parse(example)
        assert acted.understood and acted.part == "bass", (example, acted.as_dict())


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("mute the bass", "mixer"),
        ("dont forget to add swing to the hats", "transform"),
        ("never mind", "cancel"),
    ],
)
def test_a_negation_that_is_no_requests_opposite_still_acts(text: str, action: str) -> None:
    assert parse(text).action == action, parse(text).as_dict()


@pytest.mark.parametrize(
    ("s", "negated"),
    [
        (" dont mute the bass ", True),
        (" do not solo the drums ", True),
        (" dont quantize the drums just the bass ", False),  # turned: read elsewhere
        (" dont mute the bass and make the drums busier ", False),
        (" dont like the snare redo it ", False),
        (" mute the bass dont ", False),  # a dangling negation: dangling_not's
        (" dont ", False),
    ],
)
def test_only_a_negation_at_the_start_that_nothing_turns_counts(s: str, negated: bool) -> None:
    assert negated_only(s) is negated
