"""A learner's prepositions and counts (issue 55, round 39, after G7's blind measurement): "with" before an
amount is "by", "for more 8 bars" is 8 more bars, "one eighth later" an eighth, a tempo after a loop's bars,
"this <instrument> recording, I want it in midi", and a word of address or a tag set off by a comma. Sentences
written for this test, in several learners' shapes, not from any blind set."""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands.address_tags import untagged
from bridge.commands.agree import parse
from bridge.commands.means import means_of

pytestmark = pytest.mark.usefixtures("learned_reading")


def _means(text: str) -> dict[str, Any]:
    return means_of(parse(text).as_dict())


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("the chords up with three semitones", {"op": "transpose", "target": "chords", "semitones": 3}),
        ("bring the melody down with 5 semitones", {"op": "transpose", "target": "melody", "semitones": -5}),
        ("slow the song down with ten bpm", {"op": "tempo", "change_bpm": -10}),
        ("raise the tempo with 6 bpm", {"op": "tempo", "change_bpm": 6}),
    ],
)
def test_with_before_an_amount_is_by(text: str, want: dict[str, Any]) -> None:
    got = _means(text)
    assert {k: got.get(k) for k in want} == want, (text, got)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "move the bass one eighth later, to sit behind the kick",
            {"op": "shift", "target": "bass", "beats": 0.5},
        ),
        (
            "nudge the bass an eighth later, to sit under the kick",
            {"op": "shift", "target": "bass", "beats": 0.5},
        ),
    ],
)
def test_a_learners_count(text: str, want: dict[str, Any]) -> None:
    got = _means(text)
    assert {k: got.get(k) for k in want} == want, (text, got)


@pytest.mark.parametrize(
    ("text", "want"),
    [  # read before this round: kept so
        ("continue the melody for more 4 bars", {"op": "continue", "target": "melody", "bars": 4}),
        ("push the bass one eighth later", {"op": "shift", "target": "bass", "beats": 0.5}),
        ("make the snare softer, te rog", {"op": "softer", "target": "snare"}),
        ("make the drums with 4 bars", {"op": "make", "target": "drums", "bars": 4}),  # a length stays one
        (
            "generate the whole song, house, with 126 bpm",
            {"op": "make", "tempo_bpm": 126},
        ),  # a tempo stays one
    ],
)
def test_what_was_read_stays(text: str, want: dict[str, Any]) -> None:
    got = _means(text)
    assert {k: got.get(k) for k in want} == want, (text, got)


def test_a_tempo_after_a_loops_bars_is_not_prompt() -> None:
    got = _means("make a loop of gypsy brass with clarinet, 4 bars at 132, hai!")
    assert (got.get("op"), got.get("prompt"), got.get("tempo_bpm")) == (
        "musicgen",
        "gypsy brass with clarinet",
        132,
    )


@pytest.mark.parametrize(
    "text",
    [
        "this tambal recording, I want it in midi, to edit the notes",
        "this kaval recording, I want it in midi, to fix the notes",
        "this cimbalom take, i want it in midi, to change some notes",
    ],
)
def test_an_instrument_recording_wanted_in_midi_is_this(text: str) -> None:
    got = _means(text)
    assert (got.get("op"), got.get("target")) == ("transcribe", "this"), (text, got)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Ba, make me one bass line for the verse", {"op": "make", "target": "bass"}),
        ("frate, I need one melody in D minor", {"op": "make", "target": "melody", "key": "D minor"}),
        ("swing the hats a little, tamam?", {"op": "swing", "target": "hats"}),
        ("transpose the bass down with two semitones, bine?", {"op": "transpose", "semitones": -2}),
    ],
)
def test_a_word_of_address_or_a_tag_is_no_question(text: str, want: dict[str, Any]) -> None:
    got = _means(text)
    assert {k: got.get(k) for k in want} == want, (text, got)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("quantize the drums, chorus", "quantize the drums, chorus"),  # an English word is no tag
        ("hey, make drums", "hey, make drums"),  # too little left
        ("lofi, 8 bars, 80 bpm", "lofi, 8 bars, 80 bpm"),  # a style the project reads
    ],
)
def test_what_is_no_tag_stays(text: str, kept: str) -> None:
    assert untagged(text) == kept
