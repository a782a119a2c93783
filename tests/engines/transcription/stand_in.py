"""Stand-in note and onset maps for the bass kind's rules (a84's octaves, a86's twelfths): the model's
posteriors drawn by hand, so a rule is tested on the evidence it reads without the model."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from engines.music import Note
from engines.transcription import transcribe
from engines.transcription.model import FRAMES_PER_S, LOWEST_MIDI, Posteriors
from engines.transcription.notes import TranscribedNote
from tests.conftest import require_tool
from tools.corpus.transcription_set import write_part
from tools.eval.rendered import render_midi


def stand_in_maps(
    notes: list[tuple[int, float, float, float]], onsets: list[tuple[int, float, float]]
) -> Posteriors:
    """Stand-in maps, 2 s: (pitch, start_s, end_s, level) on the note map, (pitch, at_s, peak) on the
    onset map (a three-frame bump)."""
    frames = int(2.0 * FRAMES_PER_S)
    note = np.full((frames, 88), 0.02, dtype=np.float32)
    onset = np.zeros_like(note)
    for pitch, start, end, level in notes:
        note[round(start * FRAMES_PER_S) : round(end * FRAMES_PER_S), pitch - LOWEST_MIDI] = level
    for pitch, at, peak in onsets:
        frame = round(at * FRAMES_PER_S)
        onset[frame - 1 : frame + 2, pitch - LOWEST_MIDI] = (0.5 * peak, peak, 0.5 * peak)
    return Posteriors(note, onset, np.zeros((frames, 264), dtype=np.float32))


def eighths_read(tmp_path: Path, pitches: list[int], program: int) -> tuple[list[TranscribedNote], list[int]]:
    """One bar at 116 bpm of ``pitches`` in eighths on GM ``program`` (FluidR3 through fluidsynth), read by
    the bass kind: the notes found and the indexes of the pitches found within 50 ms of their start."""
    fluidsynth = require_tool("fluidsynth")
    soundfont = Path("/usr/share/sounds/sf2/FluidR3_GM.sf2")
    if not soundfont.is_file():
        pytest.skip(f"{soundfont} is not installed (apt-get install fluid-soundfont-gm)")
    midi, wav = tmp_path / "low.mid", tmp_path / "low.wav"
    notes = [Note(p, 0.5 * i, 0.45, 90) for i, p in enumerate(pitches)]
    write_part(midi, notes, tempo_bpm=116.0, program=program, drums=False)
    render_midi(fluidsynth, midi, wav, gain=0.6, soundfont=soundfont)
    audio, rate = sf.read(wav, dtype="float32")
    found = transcribe(audio, rate, kind="bass").notes
    hit = [
        i
        for i, p in enumerate(pitches)
        if any(n.pitch == p and abs(n.start_s - i * 30 / 116) <= 0.05 for n in found)
    ]
    return found, hit
