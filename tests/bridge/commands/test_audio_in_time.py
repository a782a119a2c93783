"""A recording put in time with the song is warped (issue 55); a part lined up with the grid stays quantize."""

from __future__ import annotations

import pytest

from bridge.commands.parser import parse


@pytest.mark.parametrize(
    "text",
    [
        "lock my loop to the grid",
        "snap the sample to the project tempo",
        "get this breakbeat in time with the song",
        "can you sync my acapella to the track",
        "line my sample up with the project",
    ],
)
def test_a_recording_in_time_is_warped(text: str) -> None:
    intent = parse(text)
    assert (intent.action, intent.params) == ("analyze", {"warp": True})


@pytest.mark.parametrize(
    "text",
    ["line the snares up to the grid", "lock the kick to the grid", "make the drums line up with the grid"],
)
def test_a_part_on_the_grid_is_not_warped(text: str) -> None:
    intent = parse(text)
    assert intent.action != "analyze"
