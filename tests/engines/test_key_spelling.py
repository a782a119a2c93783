"""Keys keep the spelling the user gave: Gb major stays Gb major in names and in MIDI files."""

from __future__ import annotations

from pathlib import Path

import pytest

from engines.midi_file import key_signature_name, read_midi, write_midi
from engines.music import Key, Note, parse_key


@pytest.mark.parametrize(
    ("text", "shown"),
    [("Gb major", "Gb major"), ("F# major", "F# major"), ("D# minor", "D# minor"), ("Eb minor", "Eb minor"),
     ("c#m", "C# minor"), ("B flat dorian", "Bb dorian"), ("A# major", "A# major")],
)  # fmt: skip
def test_the_given_spelling_is_kept(text: str, shown: str) -> None:
    key = parse_key(text)
    assert str(key) == shown
    assert key == Key(key.tonic, key.scale)  # the spelling does not change which key it is


def test_a_key_without_spelling_uses_the_signatures() -> None:
    assert str(Key(6, "Major")) == "F# major" and str(Key(3, "Minor")) == "Eb minor"


@pytest.mark.parametrize(("text", "signature"), [("Gb major", "Gb"), ("F# major", "F#"), ("D# minor", "D#m"),
                                                 ("Eb minor", "Ebm"), ("A# major", "Bb")])  # fmt: skip
def test_midi_files_keep_it_where_a_signature_exists(tmp_path: Path, text: str, signature: str) -> None:
    key = parse_key(text)
    assert key_signature_name(key) == signature
    path = tmp_path / "k.mid"
    write_midi(path, {"chords": [Note(60, 0.0, 1.0)]}, tempo_bpm=120.0, signature=(4, 4), key=key)
    back = read_midi(path).key
    assert back == key and str(back) == (text if signature.rstrip("m") == key.spelling else "Bb major")


@pytest.mark.parametrize(
    ("typed", "echoed"),
    [
        ("E Hirajoshi", "E Hirajoshi"),  # issue 47: was "E hirajoshi"
        ("e hirajoshi", "E hirajoshi"),
        ("A Minor Pentatonic", "A Minor Pentatonic"),
        ("F# Dorian", "F# Dorian"),
        ("D dorian", "D dorian"),
        ("G dorian sharp 4", "G dorian #4"),  # another spelling of Live's name: Live's, as before
        ("A Minor", "A minor"),  # major and minor read as usual
        ("c#m", "C# minor"),
    ],
)
def test_a_scale_name_keeps_the_case_it_was_typed_in(typed: str, echoed: str) -> None:
    key = parse_key(typed)
    assert str(key) == echoed
    assert key == parse_key(typed.lower())  # the spelling is only how it reads
