"""Round 19 (issue 55, k62): a DJ's Camelot key ("in 8A", "5A", "key 11b") is the key it names.

Camelot (1A-12B, A minor-side, B major-side) is read wherever a key is: a part made, the song's key set,
a part transposed to a key, a jam started. A code after a numbered thing ("track 8a", "take 2b") stays
that thing's number, and a number+letter off the wheel ("13A", "0B") or Open Key ("8m") is not a key.
Every sentence is the engineer's own; each one read as a key was read without it before this change.
"""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import parse
from bridge.commands.camelot import CAMELOT, as_named_keys
from bridge.commands.means import means_of
from bridge.commands.normalize import normalize
from bridge.commands.parser import parse as rules

pytestmark = pytest.mark.usefixtures("learned_reading")


def _means(text: str) -> dict[str, Any]:
    return means_of(parse(text).as_dict())


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("make a bass in 8A", "A minor"),
        ("give me some chords in 5a", "C minor"),
        ("a 4 bar melody in the key of 12B", "E major"),
        ("drums and bass, 6A, 122", "G minor"),
        ("write a lead in 2B", "F# major"),
        ("make a melody in 1a for the drop", "Ab minor"),
    ],
)
def test_a_camelot_key_is_the_key_of_a_part_made(text: str, key: str) -> None:
    assert rules(text).params.get("key") == key


@pytest.mark.parametrize(
    ("text", "means"),
    [
        ("set the key to 11b", {"op": "set", "target": "song", "key": "A major"}),
        ("move the bass to 9A", {"op": "transpose", "target": "bass", "key": "E minor"}),
        ("start a jam in 10A", {"op": "jam_start", "key": "B minor"}),
        ("bass in 7b, 8 bars", {"op": "make", "target": "bass", "bars": 8, "key": "F major"}),
    ],
)
def test_a_camelot_key_acts_wherever_a_key_is_read(text: str, means: dict[str, Any]) -> None:
    assert _means(text) == means


def test_the_wheel_has_every_code_once_and_each_side_is_its_mode() -> None:
    assert len(CAMELOT) == 24 == len(set(CAMELOT.values()))
    assert all(key.endswith("minor" if code.endswith("A") else "major") for code, key in CAMELOT.items())


@pytest.mark.parametrize(
    "text",
    ["mute track 8a", "delete take 2B", "fire scene 3a", "bass in 13A", "chords in 0B",
     "a melody in 8m", "at 5a.m.", "12am"],
)  # fmt: skip
def test_a_number_and_letter_that_is_no_camelot_key_is_left_as_it_was(text: str) -> None:
    assert as_named_keys(text) == text


def test_a_track_named_with_a_code_keeps_its_name_and_gets_no_key() -> None:
    intent = rules("mute track 8a")
    assert intent.params.get("track_name") == "track 8a" and "key" not in intent.params


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "make 8 mesures of basse, house",
            {"action": "generate", "part": "bass", "bars": 8, "genre": "house"},
        ),
        ("a 4 mesures melody", {"action": "generate", "part": "melody", "bars": 4}),
        ("solo the basse", {"action": "mixer", "part": "bass", "do": "solo"}),
        ("cut the claps in the couplet", {"action": "transform", "section": "verse"}),
        (
            "make the chords louder in the refrain",
            {"action": "transform", "part": "chords", "section": "chorus"},
        ),
    ],
)
def test_a_french_producers_bars_bass_verse_and_chorus_are_read(text: str, want: dict[str, Any]) -> None:
    intent = rules(text)
    got = {"action": intent.action, "part": intent.part, **intent.params}
    got["section"] = (intent.params.get("region") or {}).get("section")
    assert {k: got.get(k) for k in want} == want


@pytest.mark.parametrize("text", ["refrain from touching the drums", "please refrain from adding hats"])
def test_an_english_refrain_from_is_no_chorus(text: str) -> None:
    assert " refrain from " in normalize(text)[0]
