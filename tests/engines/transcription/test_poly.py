"""Several notes at once (piano, chords) on chords rendered through FluidR3_GM: each note ends at
its release, a repeated chord is as many chords, a low octave played stays and a chord gets no low
shadow. Ends are judged as the benchmark judges them: within 50 ms or 20 % of the note's length."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from engines.music import Note
from engines.transcription import TranscribedNote, transcribe
from tests.conftest import require_tool

TEMPO_BPM = 120.0  # half a second a beat
PIANO, EPIANO, REED_ORGAN = 0, 4, 20  # GM programs of the tuning half (none is in the test half)


def render(tmp_path: Path, chords: list[tuple[tuple[int, ...], float, float]], program: int) -> np.ndarray:
    """Chords as (pitches, start beat, length in beats) on one GM program, rendered at 44.1 kHz."""
    require_tool("fluidsynth")
    from tools.corpus.transcription_set import write_part
    from tools.eval.rendered import fluidsynth_or_exit, render_midi

    notes = [Note(p, start, length, 90) for pitches, start, length in chords for p in pitches]
    midi, wav = tmp_path / "part.mid", tmp_path / "part.wav"
    write_part(midi, notes, tempo_bpm=TEMPO_BPM, program=program, drums=False)
    render_midi(fluidsynth_or_exit("the polyphonic transcription tests"), midi, wav, gain=0.6)
    audio, _rate = sf.read(wav, dtype="float32")
    return audio


def found(notes: list[TranscribedNote], pitch: int, start_s: float) -> TranscribedNote | None:
    """The note of ``pitch`` starting within 50 ms of ``start_s``, if one was found."""
    near = [n for n in notes if n.pitch == pitch and abs(n.start_s - start_s) <= 0.05]
    return near[0] if near else None


def assert_ends(notes: list[TranscribedNote], chords: list[tuple[tuple[int, ...], float, float]]) -> None:
    for pitches, start, length in chords:
        for pitch in pitches:
            note = found(notes, pitch, start * 0.5)
            assert note is not None, f"{pitch} at {start * 0.5} s not found in {notes}"
            end_s, tolerance_s = (start + length) * 0.5, max(0.05, 0.2 * length * 0.5)
            assert abs(note.end_s - end_s) <= tolerance_s, f"{pitch} ends at {note.end_s}, not {end_s}"


@pytest.mark.parametrize(
    ("program", "length_beats"),
    [(REED_ORGAN, 3.0), (PIANO, 0.25), (PIANO, 1.0), (EPIANO, 0.25)],
    ids=["organ-held", "piano-stab", "piano-held", "epiano-stab"],
)
def test_each_chord_note_ends_at_its_release(tmp_path: Path, program: int, length_beats: float) -> None:
    chords = [((60, 64, 67), 0.0, length_beats), ((65, 69, 72), 4.0, length_beats)]
    audio = render(tmp_path, chords, program)
    assert_ends(transcribe(audio, 44100, kind="chords").notes, chords)


def test_a_repeated_chord_is_as_many_chords(tmp_path: Path) -> None:
    chords = [((60, 64, 67), start, 0.5) for start in (0.0, 1.0, 2.0)] + [((62, 65, 69), 3.0, 1.0)]
    audio = render(tmp_path, chords, PIANO)
    notes = transcribe(audio, 44100, kind="piano").notes
    assert_ends(notes, chords)
    assert len(notes) == 12, notes


def test_a_played_low_octave_stays_and_a_chord_gets_no_low_shadow(tmp_path: Path) -> None:
    chords = [((48, 60), 0.0, 1.0), ((43, 55), 2.0, 1.0), ((64, 67, 72), 4.0, 2.0)]
    audio = render(tmp_path, chords, PIANO)
    notes = transcribe(audio, 44100, kind="piano").notes
    for pitches, start, _length in chords:
        assert all(found(notes, p, start * 0.5) for p in pitches), notes
    assert not [n for n in notes if n.pitch < 64 and n.start_s > 1.9], notes  # no shadow under the last chord
