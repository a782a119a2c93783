"""Issue 55, round 18 (w61b): values that leaked into a prompt or were misread. A tempo written with "@"
after an audio loop is its tempo, not prompt words; what a loop is for ("for my baking vid", "for our
wedding slideshow", "for my youtube channel") is no sound; a count of semitones said with its direction is
not overruled by "a semitone" said later in an aside. Sentences of our own."""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of


def _means(text: str) -> dict[str, object]:
    return means_of(parse(text).as_dict())


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "generate audio loop of dusty boom bap drums, 8 bars @ 92",
            {"prompt": "dusty boom bap drums", "bars": 8, "tempo_bpm": 92},
        ),
        ("an audio loop of rain on a tin roof @90", {"prompt": "rain on a tin roof", "tempo_bpm": 90}),
        (
            "make an audio loop of happy marimba and claps for my baking vid",
            {"prompt": "happy marimba and claps"},
        ),
        ("a loop of soft piano for our wedding slideshow", {"prompt": "soft piano"}),
        ("an audio loop of ocean waves for my youtube channel", {"prompt": "ocean waves"}),
    ],
)
def test_a_tempo_or_a_purpose_said_last_is_no_prompt_word(text: str, want: dict[str, object]) -> None:
    assert _means(text) == {"op": "musicgen", **want}


def test_a_sound_of_a_place_keeps_its_words() -> None:
    assert _means("an audio loop of a crowd at a party") == {"op": "musicgen", "prompt": "crowd at a party"}


def test_a_site_used_is_still_refused() -> None:
    assert _means("download this beat from youtube") == {"op": "unknown"}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "take the chords down 3 semitones, no idea what a semitone is",
            {"target": "chords", "semitones": -3},
        ),
        ("shift the melody up 4 semitones? whats a semitone even", {"target": "melody", "semitones": 4}),
        ("raise the lead by a semitone", {"target": "melody", "semitones": 1}),
        ("transpose the bass up a fifth", {"target": "bass", "semitones": 7}),
    ],
)
def test_the_count_said_with_its_direction_is_the_move(text: str, want: dict[str, object]) -> None:
    assert _means(text) == {"op": "transpose", **want}


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "audio loop of tabla and sitar, 4 bars @ 84",
            {"op": "musicgen", "prompt": "tabla and sitar", "bars": 4, "tempo_bpm": 84},
        ),
        (
            "could you make an audio loop of chill lofi keys for my study vid",
            {"op": "musicgen", "prompt": "chill lofi keys"},
        ),
        (
            "move the chords down 3 semitones? i dont know what a semitone is",
            {"op": "transpose", "target": "chords", "semitones": -3},
        ),
    ],
)
def test_values_kept_with_the_learned_reading(text: str, want: dict[str, object]) -> None:
    assert _means(text) == want
