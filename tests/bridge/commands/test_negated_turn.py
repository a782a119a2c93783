"""A request said in the negative and turned to another target acts on that target (issue 55, round 24):
"don't quantize the drums, just the bass" was asked on main, with "quantize the drums" (the act the sentence
rules out) as its first suggestion. Sentences written for this test, not from any blind set."""

from __future__ import annotations

import pytest

from bridge.commands.agree import parse
from bridge.commands.means import means_of

pytestmark = pytest.mark.usefixtures("learned_reading")


@pytest.mark.parametrize(
    ("text", "op", "target"),
    [
        ("don't swing the bass, just the chords", "swing", "chords"),
        ("never humanize the hats, only the snare", "humanize", "snare"),
        ("do not quantize the melody - the bass instead", "quantize", "bass"),
        ("dont mute the chords, mute the melody instead", "mute", "melody"),
    ],
)
def test_the_negated_act_goes_to_the_target_said_after_the_turn(text: str, op: str, target: str) -> None:
    got = means_of(parse(text).as_dict())
    assert (got.get("op"), got.get("target")) == (op, target), (text, got)


@pytest.mark.parametrize(
    "text",
    [
        "don't swing the bass",  # said only in the negative: asked (negated.py)
        "dont swing the bass too hard, just a little",  # the turn names no target: asked as before
        "don't swing the bass, the bass",  # the same target again: nothing turned
    ],
)
def test_no_turn_to_another_target_acts_on_nothing(text: str) -> None:
    intent = parse(text)
    assert not intent.understood, (text, intent.as_dict())
    assert not any(s.startswith("swing the bass") for s in intent.params.get("suggestions", [])), (
        intent.params
    )
