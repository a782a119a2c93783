"""Melody chroma from notes, MIDI files and audio: the one-hot layout MusicGen-melody expects."""

from __future__ import annotations

from pathlib import Path

import mido
import numpy as np
import pytest

from engines.errors import AudioFileError, InvalidValue
from engines.music import Note
from engines.musicgen.chroma import CHROMA_FPS, chroma_from_audio, chroma_from_notes, notes_from_midi


def classes(chroma: np.ndarray) -> list[int]:
    assert np.all(chroma.sum(axis=1) == 1.0) and set(np.unique(chroma)) <= {0.0, 1.0}
    return [int(i) for i in np.argmax(chroma, axis=1)]


def test_notes_give_their_pitch_classes_in_time() -> None:
    # C4, E4, G4, one beat each at 60 BPM: one second, about 7.8 frames per note
    notes = [Note(60, 0.0, 1.0), Note(64, 1.0, 1.0), Note(67, 2.0, 1.0)]
    got = classes(chroma_from_notes(notes, 60.0))
    assert len(got) == int(3.0 * CHROMA_FPS) + 1 == 24
    assert got[:7] == [0] * 7 and got[9:15] == [4] * 6 and got[17:23] == [7] * 6


def test_rests_hold_the_last_class_and_loudest_note_wins() -> None:
    notes = [Note(62, 1.0, 1.0, velocity=40), Note(69, 1.0, 1.0, velocity=120), Note(65, 3.0, 1.0)]
    got = classes(chroma_from_notes(notes, 120.0))
    assert got[0] == 9  # before the first note: its class
    assert set(got[4:8]) == {9}  # A (louder) over D, then held through the rest
    assert got[-2] == 5


def test_no_sounding_notes_is_an_error() -> None:
    with pytest.raises(InvalidValue, match="no sounding notes"):
        chroma_from_notes([Note(60, 0.0, 1.0, mute=True)], 120.0)


def test_midi_file_notes_round_trip(tmp_path: Path) -> None:
    midi = mido.MidiFile(ticks_per_beat=480)
    track = mido.MidiTrack()
    track.append(mido.MetaMessage("set_tempo", tempo=mido.bpm2tempo(96)))
    track.append(mido.Message("note_on", note=57, velocity=90, time=0))
    track.append(mido.Message("note_off", note=57, velocity=0, time=960))
    track.append(mido.Message("note_on", note=60, velocity=70, time=240))
    track.append(mido.Message("note_on", note=60, velocity=0, time=240))
    midi.tracks.append(track)
    path = tmp_path / "melody.mid"
    midi.save(str(path))
    notes, tempo = notes_from_midi(path)
    assert tempo == pytest.approx(96.0)
    assert notes == [Note(57, 0.0, 2.0, 90), Note(60, 2.5, 0.5, 70)]


def test_unreadable_midi_is_an_audio_file_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.mid"
    bad.write_bytes(b"not midi")
    with pytest.raises(AudioFileError, match=r"bad\.mid"):
        notes_from_midi(bad)


@pytest.mark.parametrize(
    ("hz", "rate", "expected"), [(440.0, 32000, 9), (261.63, 48000, 0), (392.0, 44100, 7)]
)
def test_audio_sine_gives_its_pitch_class(hz: float, rate: int, expected: int) -> None:
    t = np.arange(int(2.0 * rate)) / rate
    got = classes(chroma_from_audio(0.3 * np.sin(2 * np.pi * hz * t).astype(np.float32), rate))
    assert len(got) == 2 * 32000 // 4096 + 1
    assert got[1:-1] == [expected] * (len(got) - 2)  # the edge frames see zero padding


def test_filter_bank_is_the_one_the_transformers_extractor_uses() -> None:
    import librosa
    from transformers.audio_utils import chroma_filter_bank

    ours = librosa.filters.chroma(sr=32000, n_fft=16384, tuning=0.0, n_chroma=12)
    theirs = chroma_filter_bank(num_frequency_bins=16384, num_chroma=12, sampling_rate=32000, tuning=0)
    assert ours.shape == theirs.shape == (12, 8193)
    assert np.allclose(ours, theirs, atol=1e-6)
