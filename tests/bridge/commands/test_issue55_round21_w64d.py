"""Issue 55, round 21 (w64d): values said loosely, in sentences of our own.

- a bare number beside a new part, a jam or a song ("a house beat 124", "start a jam 140 in F minor", "techno
  drums around 130") is its tempo when it is in a tempo's range (50 to 250) and no other word owns it: a track,
  a bar, a take, a count of versions or a setting (``bare_values``); the genre and key said with it are kept;
- a unit typed onto its number ("4bars", "8bar", "120bmp", "100bpms") and "temp" before a number are read;
- a dancer's eight-count is two bars of 4/4 ("4 eight-counts": 8 bars); in another meter it is asked about.

Each test of the first three groups fails on the code before this change (checked on a7ceeeac), and the guards
hold: a number owned by a track, a bar or a setting, or out of a tempo's range, is never a tempo."""

from __future__ import annotations

import pytest

from bridge.commands.agree import parse
from bridge.commands.means import means_of

pytestmark = pytest.mark.usefixtures("learned_reading")


def _means(text: str) -> dict:
    intent = parse(text)
    assert intent.understood, (text, intent.params)
    return means_of(intent.as_dict())


@pytest.mark.parametrize(
    ("text", "means"),
    [
        ("make a house beat 124", {"op": "make", "target": "drums", "genre": "house", "tempo_bpm": 124}),
        ("techno drums 130 please", {"op": "make", "target": "drums", "genre": "techno", "tempo_bpm": 130}),
        ("give me a lofi beat around 80", {"op": "make", "target": "drums", "genre": "lo-fi", "tempo_bpm": 80}),
        ("make some drums about 90", {"op": "make", "target": "drums", "tempo_bpm": 90}),
        ("drum beat 92", {"op": "make", "target": "drums", "tempo_bpm": 92}),
        ("chords in C major around 100", {"op": "make", "target": "chords", "key": "C major", "tempo_bpm": 100}),
        ("make 4 bars of house drums 124",
         {"op": "make", "target": "drums", "genre": "house", "bars": 4, "tempo_bpm": 124}),
        ("start a jam 140 in F minor", {"op": "jam_start", "key": "F minor", "tempo_bpm": 140}),
        ("lets jam 100, D minor", {"op": "jam_start", "key": "D minor", "tempo_bpm": 100}),
    ],
)  # fmt: skip
def test_a_bare_number_beside_a_new_part_or_jam_is_its_tempo(text: str, means: dict) -> None:
    got = _means(text)
    assert {k: got.get(k) for k in means} == means, got


@pytest.mark.parametrize(
    ("text", "means"),
    [
        ("make drums 4bars", {"op": "make", "target": "drums", "bars": 4}),
        ("make 8bar chords", {"op": "make", "target": "chords", "bars": 8}),
        ("jam at 120bmp", {"op": "jam_start", "tempo_bpm": 120}),
        ("a melody at 95bpms", {"op": "make", "target": "melody", "tempo_bpm": 95}),
        ("make a drum loop, 4 eight-counts", {"op": "make", "target": "drums", "bars": 8}),
    ],
)
def test_a_unit_typed_onto_its_number_or_counted_in_eights(text: str, means: dict) -> None:
    got = _means(text)
    assert {k: got.get(k) for k in means} == means, got


def test_temp_before_a_number_is_the_tempo() -> None:
    from bridge.commands.normalize import normalize

    assert normalize("temp to 140")[0] == " tempo to 140 "
    assert normalize("load the temp track")[0] == " load the temp track "  # no number: not a tempo


@pytest.mark.parametrize(
    "text",
    [
        "make a beat 300",  # out of a tempo's range
        "vary the bass 100",  # no op that takes a tempo
        "a house beat for track 124",  # a track's number
        "drums 92 140",  # two bare numbers: which is the tempo?
        "make a melody, 2 eight counts in 3/4",  # an eight-count in 3/4 is no whole number of bars
        "set the swing to 60",  # a setting's value
    ],
)
def test_a_number_another_word_owns_is_asked_about(text: str) -> None:
    intent = parse(text)
    assert not intent.understood or means_of(intent.as_dict()).get("tempo_bpm") is None, intent.as_dict()


def test_a_track_number_is_never_a_tempo() -> None:
    assert "tempo_bpm" not in _means("mute track 92")
