"""A wish for a groove or a place in the mix said to someone ("..., bruv", "..., fam") is asked about as the
same wish said plainly, never acted on as a level (round 21, after the blind read: "the beat needs more bounce
mano" was louder)."""

from __future__ import annotations

import pytest

from bridge.commands import parse

pytestmark = pytest.mark.usefixtures("learned_reading")


@pytest.mark.parametrize(
    "text",
    ["the drums need more bounce bruv", "the groove needs more bounce fam", "make the bass bounce more dude",
     "make it sit better in the mix mate"],
)  # fmt: skip
def test_a_wish_said_to_someone_is_asked(text: str) -> None:
    intent = parse(text)
    assert not intent.understood and intent.params["reason"].endswith("?"), intent.as_dict()
    assert "swing" in intent.params["reason"] or "softer" in intent.params["reason"]
