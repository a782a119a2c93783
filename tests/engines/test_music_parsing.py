"""engines/music.py value by value: keys, scales, signatures and the plain types, with the
expected values written out here (not computed by the module under test)."""

from __future__ import annotations

import pytest

from engines.errors import InvalidValue
from engines.music import (
    Chord,
    Key,
    MusicalContext,
    Note,
    key_name,
    mode_name,
    parse_key,
    parse_signature,
    scale_id,
)


@pytest.mark.parametrize(
    ("text", "tonic", "scale", "shown"),
    [
        ("F sharp major", 6, "Major", "F# major"),
        ("F SHARP minor", 6, "Minor", "F# minor"),
        ("F♯ dorian", 6, "Dorian", "F# dorian"),
        ("B flat", 10, "Major", "Bb major"),
        ("E♭ minor", 3, "Minor", "Eb minor"),
        ("B# major", 0, "Major", "B# major"),
        ("Cb major", 11, "Major", "Cb major"),
        ("c#m", 1, "Minor", "C# minor"),
        ("  a   minor pentatonic ", 9, "Minor Pentatonic", "A minor pentatonic"),
        ("B bhairav", 11, "Bhairav", "B bhairav"),
        ("Bb bhairav", 10, "Bhairav", "Bb bhairav"),
        ("D half whole diminished", 2, "Half-whole Dim.", "D half-whole dim."),
        ("G dorian sharp 4", 7, "Dorian #4", "G dorian #4"),
        ("G Dorian ♯4", 7, "Dorian #4", "G dorian #4"),
    ],
)
def test_keys_parse_to_the_written_tonic_scale_and_name(
    text: str, tonic: int, scale: str, shown: str
) -> None:
    key = parse_key(text)
    assert (key.tonic, key.scale, str(key)) == (tonic, scale, shown)


def test_scale_ids_fold_case_spacing_diminished_and_sharps() -> None:
    assert scale_id("Half-whole Dim.") == "halfwholedim"
    assert scale_id("HALF WHOLE DIMINISHED") == "halfwholedim"
    assert scale_id("Dorian Sharp 4") == "dorian#4"
    assert scale_id("Dorian ♯4") == "dorian#4"
    assert scale_id("8-Tone Spanish") == "8tonespanish"


def test_mode_names_follow_the_tonic_in_lower_case() -> None:
    assert [mode_name(s) for s in ("Major", "Minor", "Dorian", "Minor Blues")] == [
        "major",
        "minor",
        "dorian",
        "minor blues",
    ]


def test_a_key_without_spelling_is_named_from_its_pitch_class() -> None:
    assert str(Key(3, "Major")) == "Eb major"
    assert str(Key(8, "Minor")) == "G# minor"
    assert str(Key(10, "Mixolydian")) == "Bb mixolydian"
    assert str(Key(1, "Phrygian")) == "C# phrygian"
    assert Key(9, "Minor").pitch_classes == frozenset({9, 11, 0, 2, 4, 5, 7})
    assert key_name(14, "Major") == "D major" and key_name(-3, "Minor") == "A minor"  # any int: by 12s


@pytest.mark.parametrize("text", ["H minor", "", "#", "7 major"])
def test_a_bad_key_is_named_with_what_is_valid(text: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_key(text)
    said = str(caught.value)
    assert f"key {text!r} is not valid: expected a note A..G with optional # or b" in said
    assert "then major, minor or a Live 12 scale (e.g. 'A minor', 'F# major'" in said


def test_an_unknown_mode_is_named_with_the_scales() -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_key("A weird")
    said = str(caught.value)
    assert "key 'A weird' has an unknown mode 'weird': expected a note A..G" in said
    assert "the scales are Major, Minor, Dorian, Mixolydian" in said
    assert said.endswith("Messiaen 6, Messiaen 7")


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("A bogus", "bogus"),  # a b written against the mode starts the mode, not a flat
        ("a  BOGUS", "BOGUS"),
        ("Ab bogus", "bogus"),
        ("A b bogus", "bogus"),
        ("Abogus", "ogus"),  # written against the letter: read as a flat, as "Abminor" is
        ("Bb weird", "weird"),
    ],
)
def test_an_unknown_mode_after_a_b_is_named_as_written(text: str, mode: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_key(text)
    said = str(caught.value)
    assert said.startswith(f"key {text!r} has an unknown mode {mode!r}: expected a note A..G with optional")
    assert "then major, minor or a Live 12 scale" in said and "the scales are Major, Minor, Dorian" in said


def test_a_b_is_still_a_flat_or_the_start_of_a_scale_where_one_reading_is_a_key() -> None:
    assert parse_key("A b") == Key(8, "Major") and parse_key("A b minor") == Key(8, "Minor")
    assert parse_key("Abminor") == Key(8, "Minor") and parse_key("A bminor") == Key(8, "Minor")
    assert parse_key("A blues") == Key(9, "Minor Blues") and parse_key("B bhairav") == Key(11, "Bhairav")


@pytest.mark.parametrize(("text", "sig"), [("3/4", (3, 4)), ("6/8", (6, 8)), ("12/8", (12, 8))])
def test_signatures_parse(text: str, sig: tuple[int, int]) -> None:
    assert parse_signature(text) == sig


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("3-4", "is not valid"),
        ("x/4", "is not valid"),
        ("1/2/3", "is not valid"),
        ("4/2", "is not supported"),
    ],
)
def test_a_bad_signature_is_named_with_every_valid_one(text: str, why: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_signature(text)
    assert str(caught.value) == (
        f"time signature {text!r} {why}: expected one of 2/4, 3/4, 4/4, 5/4, 6/8, 7/8, 9/8, 12/8"
    )


def test_notes_chords_and_bar_lengths() -> None:
    assert Note(60, 1.5, 0.25, 90, True).as_tuple() == (60, 1.5, 0.25, 90, 1)
    assert Note(61, 0.0, 1.0).as_tuple() == (61, 0.0, 1.0, 100, 0)
    assert Chord(0.0, 4.0, 10, "min7").label == "A#:min7"
    assert MusicalContext(signature=(7, 8), bars=4).beats_per_bar == 3.5
    assert MusicalContext(signature=(6, 8), bars=4).length_beats == 12.0
    assert MusicalContext(signature=(3, 4), bars=3).length_beats == 9.0
