"""Issue 55's "mute the shaker track deletes percussion notes from the drum clip": a drum voice's name
said with "track" or "channel" is a track in Live, switched in its mixer; the voice alone ("mute the
shaker") is still that voice taken out of the drum clip."""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.parser import parse as rules


@pytest.mark.parametrize(
    ("text", "do", "name"),
    [
        ("silence the tambourine track", "mute", "tambourine"),
        ("mute my conga track", "mute", "conga"),
        ("could you solo the cowbell channel", "solo", "cowbell"),
        ("unmute the hi hat track", "unmute", "hi hat"),
    ],
)
def test_a_drum_voice_named_as_a_track_is_that_tracks_switch(text: str, do: str, name: str) -> None:
    for read in (rules, parse):
        intent = read(text)
        assert (intent.action, intent.part, intent.params) == ("mixer", None, {"do": do, "track_name": name})


def test_the_voice_alone_is_still_taken_out_of_the_drum_clip() -> None:
    intent = rules("mute the shaker")
    assert (intent.action, intent.params["kind"], intent.params["voices"]) == (
        "transform",
        "drums_remove",
        "percussion",
    )
