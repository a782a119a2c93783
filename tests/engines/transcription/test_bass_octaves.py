"""The bass kind's octave help (a84): a low pitch takes 0.7 of the octave above's evidence (a picked low
note whose second harmonic the model hears louder), but not after the octave above attacks where the
low pitch does not (a line leaping up an octave over the low note's ring)."""

from __future__ import annotations

from pathlib import Path

import pytest
import soundfile as sf

from engines.music import Note
from engines.transcription import mono, transcribe
from tests.conftest import require_tool
from tests.engines.transcription.stand_in import stand_in_maps as _maps
from tools.corpus.transcription_set import write_part
from tools.eval.rendered import render_midi


def test_a_leap_up_over_the_low_notes_ring_reads_the_high_note() -> None:
    """D2 at 0.2-0.7 s, then D3 (map 0.5, its own attack 0.9) over D2's ring (0.3, with an onset of 0.3
    a little later: the attack heard an octave low, which does not give D2 its help back): D2 then D3.
    With the help everywhere (main before a84) D2's 0.3 + 0.7 x 0.5 kept the line on D2 for both."""
    post = _maps(
        [(38, 0.2, 0.7, 0.7), (38, 0.7, 1.2, 0.3), (50, 0.7, 1.2, 0.5)],
        [(38, 0.2, 0.9), (50, 0.7, 0.9), (38, 0.72, 0.3)],
    )
    assert [t.pitch for t in mono.track(post, "bass")] == [38, 50]


def test_a_low_note_whose_octave_is_louder_stays_low() -> None:
    """D2 picked (map 0.3, onset 0.8) with its octave heard louder (0.45, onset 0.7 at the same frame) and
    its twelfth (A3, 0.4): D2. Without the help (a83's trial) it read D3."""
    post = _maps(
        [(38, 0.5, 1.2, 0.3), (50, 0.5, 1.2, 0.45), (57, 0.5, 1.2, 0.4)],
        [(38, 0.5, 0.8), (50, 0.5, 0.7), (57, 0.5, 0.6)],
    )
    assert [t.pitch for t in mono.track(post, "bass")] == [38]


def test_a_bassoon_leaping_octaves_in_eighths_reads_its_high_notes(tmp_path: Path) -> None:
    """Two bars at 100 bpm on bassoon (GM 70, FluidR3): D2 D3 D2 D3 ... then E2 E3 ... (a83's case): with
    the help everywhere no high note started within 50 ms and the 16 notes read as 10."""
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
