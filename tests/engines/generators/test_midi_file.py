"""MIDI files: type 1, one named track per part, drums on channel 10, meta events, round trip."""

from __future__ import annotations

from pathlib import Path

import mido
import pytest

from engines.errors import InvalidValue
from engines.midi_file import key_signature_name, read_midi, write_midi
from engines.music import Key, Note


def test_round_trip(tmp_path: Path) -> None:
    parts = {
        "drums": [Note(36, 0.0, 0.25, 110), Note(38, 1.0, 0.25, 90)],
        "bass": [Note(33, 0.0, 1.5, 100), Note(33, 1.0, 1.0, 80)],  # overlap: the first is cut
        "chords": [Note(57, 0.0, 4.0, 70), Note(60, 0.0, 4.0, 70)],
        "melody": [Note(69, 0.5, 0.5, 90), Note(70, 1.0, 0.5, 90, mute=True)],
    }
    path = tmp_path / "x.mid"
    write_midi(path, parts, tempo_bpm=100, signature=(6, 8), key=Key(9, "Minor"),
               programs={"bass": 33}, markers=[(0.0, "verse")], length_beats=12)  # fmt: skip
    mid = mido.MidiFile(str(path))
    assert mid.type == 1 and [t.name for t in mid.tracks] == ["drums", "bass", "chords", "melody"]
    channels = {t.name: {m.channel for m in t if m.type == "note_on"} for t in mid.tracks}
    assert channels == {"drums": {9}, "bass": {0}, "chords": {1}, "melody": {2}}
    assert mid.length == pytest.approx(12 * 0.6)
    song = read_midi(path)
    assert (song.tempo_bpm, song.signature, song.key, song.markers) == (
        100.0,
        (6, 8),
        Key(9, "Minor"),
        [(0.0, "verse")],
    )
    assert song.parts["bass"] == [Note(33, 0.0, 1.0, 100), Note(33, 1.0, 1.0, 80)]
    assert song.parts["melody"] == [Note(69, 0.5, 0.5, 90)]
    assert song.parts["chords"] == parts["chords"]


@pytest.mark.parametrize(
    ("key", "name"),
    [(Key(9, "Minor"), "Am"), (Key(6, "Major"), "F#"), (Key(2, "Dorian"), "Am"), (Key(7, "Mixolydian"), "C"),
     (Key(10, "Major"), "Bb"), (Key(1, "Minor"), "C#m"), (Key(4, "Harmonic Minor"), "Em"), (Key(9, "Minor Blues"), "Am")],
)  # fmt: skip
def test_key_signature_names(key: Key, name: str) -> None:
    assert key_signature_name(key) == name


def test_bad_values_are_named(tmp_path: Path) -> None:
    with pytest.raises(InvalidValue, match="tempo 5 BPM"):
        write_midi(tmp_path / "a.mid", {"bass": []}, tempo_bpm=5, signature=(4, 4), key=Key(0))
    (tmp_path / "bad.mid").write_bytes(b"not midi")
    with pytest.raises(InvalidValue, match=r"bad\.mid"):
        read_midi(tmp_path / "bad.mid")
