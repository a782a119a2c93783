"""An audio loop's prompt keeps only the sound: its tempo, its bars said in another language and what it
is for (after a comma) are read or cut, never prompt words (issue 55, round 19)."""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of

pytestmark = pytest.mark.usefixtures("learned_reading")  # the whole reader: rules, learned reading, gate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "audio loop of rain on a tin roof, 4 bars @ 92, for a cutscene",
            {"prompt": "rain on a tin roof", "bars": 4, "tempo_bpm": 92},
        ),
        (
            "make me an audio loop of bongos and shakers, 8 bars at 110, for the dancers to stretch to",
            {"prompt": "bongos and shakers", "bars": 8, "tempo_bpm": 110},
        ),
        (
            "audio loop of a steel drum melody, 4 bars at 104, for the kids' band to jam along with",
            {"prompt": "steel drum melody", "bars": 4, "tempo_bpm": 104},
        ),
        (
            "an audio loop of dusty rhodes chords, 4 mesures at 88",
            {"prompt": "dusty rhodes chords", "bars": 4, "tempo_bpm": 88},
        ),
        (
            "audio loop of a church organ drone, 2 Takt @ 70, its for the intro",
            {"prompt": "church organ drone", "bars": 2, "tempo_bpm": 70},
        ),
    ],
)
def test_only_the_sound_is_the_prompt(text: str, expected: dict[str, object]) -> None:
    read = means_of(parse(text).as_dict())
    assert read.get("op") == "musicgen"
    assert {k: read.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "prompt"),
    [
        ("make an audio loop of warm pads for days, 8 bars", "warm pads for days"),
        ("make an audio loop of a music box for a lullaby, 4 bars at 80", "music box for a lullaby"),
    ],
)
def test_for_inside_the_sound_with_no_comma_stays(text: str, prompt: str) -> None:
    assert means_of(parse(text).as_dict()).get("prompt") == prompt
