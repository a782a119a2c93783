"""A filter that stays, or a pan, on a part: a device in Live, never a change of the notes.

"high pass the drums in the intro" was acted on as the drums made louder there (the learned reading,
sure of "louder", was let act on the rules' question about the drums). A filter that moves over bars is
automation and stays readable (issue 55, round 12, r55ah)."""

from __future__ import annotations

import pytest

from bridge.commands import parse

NOT_OURS = "that is not something MuseAroo does"

STATIC = [
    "high pass the drums in the intro",
    "low pass the bass a little",
    "put a low cut on the pad",
    "can you hpf the hats",
    "throw an lpf on the keys",
    "pan the shaker left",
    "stick a high cut filter on the strings",
    "please band pass the vocal chop",
    "add a low pass filter to the drums",  # was a drum part made
]
MOVING = [
    ("put a low pass sweep on the bass over 4 bars", "automate"),
    ("open a filter up on the chords over eight bars", "automate"),
    ("make the drums louder in the intro", "transform"),
    ("pan flute melody please", None),  # an instrument, not a pan: not refused as an effect
]


@pytest.mark.parametrize("text", STATIC)
def test_a_static_filter_or_pan_is_refused_by_name_never_acted_on(text: str) -> None:
    intent = parse(text)
    assert intent.action == "unknown", intent
    assert intent.params["reason"].startswith(NOT_OURS), intent


@pytest.mark.parametrize(("text", "action"), MOVING)
def test_a_moving_filter_or_a_near_sentence_is_not_refused_as_an_effect(
    text: str, action: str | None
) -> None:
    intent = parse(text)
    assert not intent.params.get("reason", "").startswith(NOT_OURS), intent
    if action is not None:
        assert intent.action == action, intent
