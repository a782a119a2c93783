"""A bass pitch's evidence is its own note map: a line leaping octaves is not read as one low note (a83)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from engines.music import Note
from engines.transcription import mono, transcribe
from engines.transcription.model import FRAMES_PER_S, LOWEST_MIDI, Posteriors
from tests.conftest import require_tool
from tools.corpus.transcription_set import write_part
from tools.eval.rendered import render_midi


def test_a_high_note_over_a_faint_low_key_is_the_high_note() -> None:
    """D3 heard at 0.8 with D2's key at 0.3 under it (the last low note's ring): D3, not D2."""
    frames = int(2.0 * FRAMES_PER_S)
    note = np.full((frames, 88), 0.02, dtype=np.float32)
    span = slice(round(0.5 * FRAMES_PER_S), round(1.5 * FRAMES_PER_S))
    note[span, 50 - LOWEST_MIDI], note[span, 38 - LOWEST_MIDI] = 0.8, 0.3
    post = Posteriors(note, np.zeros_like(note), np.zeros((frames, 264), dtype=np.float32))
    assert [t.pitch for t in mono.track(post, "bass")] == [50]


def test_a_bassoon_leaping_octaves_in_eighths_reads_its_high_notes(tmp_path: Path) -> None:
    """Two bars at 100 bpm on bassoon (GM 70, FluidR3): D2 D3 D2 D3 ... then E2 E3 ...; with the low key
    credited 0.7 of the octave above's map (main before a83) no high note started within 50 ms and the
    16 notes read as 10 (six low-high pairs one low note); with the map alone 5 and 16."""
    fluidsynth = require_tool("fluidsynth")
    soundfont = Path("/usr/share/sounds/sf2/FluidR3_GM.sf2")
    if not soundfont.is_file():
        pytest.skip(f"{soundfont} is not installed (apt-get install fluid-soundfont-gm)")
    pitches = [38 + 12 * (i % 2) for i in range(8)] + [40 + 12 * (i % 2) for i in range(8)]
    notes = [Note(p, 0.5 * i, 0.45, 90) for i, p in enumerate(pitches)]
    midi, wav = tmp_path / "leaps.mid", tmp_path / "leaps.wav"
    write_part(midi, notes, tempo_bpm=100.0, program=70, drums=False)
    render_midi(fluidsynth, midi, wav, gain=0.6, soundfont=soundfont)
    audio, rate = sf.read(wav, dtype="float32")
    found = transcribe(audio, rate, kind="bass").notes
    highs = [(p, 0.3 * i) for i, p in enumerate(pitches) if i % 2]
    hit = [at for p, at in highs if any(n.pitch == p and abs(n.start_s - at) <= 0.05 for n in found)]
    assert len(hit) >= 4, [(n.pitch, round(n.start_s, 2), round(n.end_s, 2)) for n in found]
    assert len(found) >= 14, [(n.pitch, round(n.start_s, 2), round(n.end_s, 2)) for n in found]
