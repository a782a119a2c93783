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


@pytest.mark.parametrize(
    ("text", "part", "count"),
    [("have another couple of goes at the bass", "bass", 2), ("give the melody 3 more tries", "melody", 3),
     ("take 2 more passes at the chords", "chords", 2)],
)  # fmt: skip
def test_tries_counted_are_versions(text: str, part: str, count: int) -> None:
    got = parse(text)
    assert (got.action, got.part, got.params.get("variations")) == ("vary", part, count)


@pytest.mark.parametrize(
    ("text", "up"),
    [("there is too little going on in the bass", True), ("not enough happening in the chords", True),
     ("way too much happening in the melody", False)],
)  # fmt: skip
def test_how_much_is_happening_says_the_direction(text: str, up: bool) -> None:
    got = parse(text)
    assert got.understood, got
    assert got.params.get("direction") == ("up" if up else "down") or got.params.get("amount") == (
        0.7 if up else 0.3
    )


@pytest.mark.parametrize(
    ("text", "do", "name"),
    [("mute the strings - they're far too loud", "mute", "strings"), ("mute the pad; way too loud", "mute", "pad"),
     ("solo the organ - the drums are drowning it", "solo", "organ"), ("unmute the choir, it sounds fine now", "unmute", "choir")],
)  # fmt: skip
def test_a_switch_then_how_the_track_sounds_is_the_switch(text: str, do: str, name: str) -> None:
    got = parse(text)
    assert (got.action, got.params.get("do"), got.params.get("track_name")) == ("mixer", do, name)


def test_a_second_request_after_a_switch_is_still_not_done() -> None:
    got = parse("mute the strings and make the drums busier")
    assert got.params.get("not_done") == ["make the drums busier"]
