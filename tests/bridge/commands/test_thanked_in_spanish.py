"""An English sentence thanked in Spanish ("..., gracias", "porfa") is English (issue 55, round 38): only its
thanks is read as Spanish, so a MusicGen prompt keeps its words as said, never glossed by a Spanish table
("guiro" was "guiro percussion"); a Spanish sentence that says please is still read as Spanish."""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of


@pytest.mark.parametrize(
    ("text", "prompt"),
    [
        ("can you make me an audio loop of guiro and bongos, 8 bars, gracias", "guiro and bongos"),
        ("an audio loop of a guira over soft rain porfa, 4 bars", "guira over soft rain"),
    ],
)
def test_a_prompt_thanked_in_spanish_is_as_said(text: str, prompt: str) -> None:
    got = means_of(parse(text).as_dict())
    assert got["op"] == "musicgen" and got["prompt"] == prompt, got


def test_a_spanish_sentence_with_please_is_still_spanish() -> None:
    got = means_of(parse("otra version de los acordes porfa").as_dict())
    assert got == {"op": "vary", "target": "chords"}, got
