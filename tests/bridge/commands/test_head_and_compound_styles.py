"""Two words of round 38 (issue 55), on sentences of our own: jazz speech's "the head" (a tune's melody) where a
part is meant is the melody, a place after a preposition; a hyphened compound style is its genre half only when
that half names a preset, else no genre is read."""

from __future__ import annotations

import pytest

from bridge.commands.part_styles import styled_part
from bridge.commands.style_words import said_plainly
from tests.bridge.commands.meant import read


@pytest.mark.parametrize(
    ("text", "op"),
    [
        ("keep the head going for four more bars", "continue"),
        ("make the head a bit quieter", "softer"),
        ("the head needs to come down an octave", "transpose"),
    ],
)
def test_the_head_said_as_a_part_is_the_melody(text: str, op: str) -> None:
    got = read(text)
    assert got["op"] == op and got["target"] == "melody", got


@pytest.mark.parametrize(
    "text",
    [
        "take it from the head",
        "go back to the head after the solo",
        "a crash at the head of the chorus",
        "strip the shaker out of bars 1 to 8, I'd like the sax to play the head on its own",
    ],
)
def test_the_head_as_a_place_is_kept(text: str) -> None:
    assert styled_part(text) == text


def test_a_compound_whose_genre_half_is_an_alias_reads_no_genre() -> None:
    got = read("write an eight-bar chord progression in E minor, tense, cinematic-orchestral")
    assert got["op"] == "make" and "genre" not in got, got


@pytest.mark.parametrize(
    "text", ["sad, neo-classical", "a lo-fi beat", "a hip-hop groove", "an eight-bar riff"]
)
def test_compounds_with_a_preset_half_or_no_genre_are_kept(text: str) -> None:
    assert said_plainly(text) == text
