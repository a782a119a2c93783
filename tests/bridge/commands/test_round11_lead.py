"""Round 11's merge (lead): readings the merged branches left to the retrained head."""

from __future__ import annotations

import pytest

from bridge.commands.parser import parse as rules


@pytest.mark.parametrize(
    ("text", "voice"),
    [
        (
            "ditch the toms, they're a bit much",
            "toms",
        ),  # the head on 1 to 60 was unsure: remove 0.54, simpler 0.39
        ("scrap the claps", "clap"),
        ("can we ditch the ride in the chorus", "ride"),
    ],
)
def test_ditching_or_scrapping_a_voice_removes_it(text: str, voice: str) -> None:
    got = rules(text)
    assert (got.action, got.params.get("kind"), got.params.get("voices")) == (
        "transform",
        "drums_remove",
        voice,
    )


def test_a_ditch_that_is_no_verb_is_no_removal() -> None:
    assert not rules("the ditch behind the studio is flooded").understood
