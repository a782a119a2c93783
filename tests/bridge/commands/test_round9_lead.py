"""A track's name ends with its clause and before a trailing 'real quick' (issue 55 round 9, the lead's fixes
after the sealed measurement; sentences in our own words)."""

from __future__ import annotations

import pytest

from bridge.commands.parser import parse

CUT = [
    ("unmute the bass, forgot about it", "bass", None),
    ("solo the strings, my bad", None, "strings"),
    ("solo Lead Vox - checking the tuning", None, "lead vox"),
    ("solo the glass pad; checking the tuning", None, "glass pad"),
    ("solo the one called Glass Pad real quick", None, "glass pad"),
    ("mute the track named Choir Stack real quick", None, "choir stack"),
]
KEPT = [
    ("mute the Keys 2 track", None, "keys 2"),
    ("unmute the lead vox", None, "lead vox"),
    ("mute the drums", "drums", None),
]


@pytest.mark.parametrize(("text", "part", "name"), CUT + KEPT)
def test_a_track_name_ends_with_its_clause(text: str, part: str | None, name: str | None) -> None:
    got = parse(text)
    assert got.action == "mixer", got
    assert got.part == part
    assert got.params.get("track_name") == name


@pytest.mark.parametrize(
    ("text", "grid"),
    [("quantize the snare to 1/16", 0.25), ("tighten the ride to 1/8", 0.5), ("quantize the kick to 1/32", 0.125),
     ("quantize the hats to 16th notes", 0.25)],
)  # fmt: skip
def test_a_grid_written_as_a_fraction_is_the_quantize_grid(text: str, grid: float) -> None:
    got = parse(text)
    assert (got.action, got.params.get("kind"), got.params.get("grid")) == ("transform", "quantize", grid)
