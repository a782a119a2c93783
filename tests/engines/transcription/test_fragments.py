"""A held sung note stays one note where a voice patch's tremolo or swell cut it (issue 54: the join
of short touching notes, ``mono.fragments_joined``), and re-struck repeats of one key stay apart."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import soundfile as sf

from engines.transcription import transcribe
from engines.transcription.notes import TranscribedNote
from tests.conftest import require_tool
from tests.engines.transcription.conftest import RATE_HZ, tone


def _starts_inside(notes: list[TranscribedNote], pitch: int, start_s: float, end_s: float) -> list[float]:
    """Starts of found notes of ``pitch`` from 50 ms before a written note to 100 ms before its end."""
    return [n.start_s for n in notes if n.pitch == pitch and start_s - 0.05 <= n.start_s < end_s - 0.1]


def test_a_held_choir_note_with_a_tremolo_dip_stays_one_note(tmp_path: Path) -> None:
    require_tool("fluidsynth")
    from tools.corpus import sung_set

    # the tune half's FluidR3 Choir Aahs take (tenor, 80 BPM, seed 1, on the grid); main read its last
    # held note, E4 for 0.75 s, as two: a 0.12 s fragment came back at 16.05 s on its key
    take = sung_set.render(tmp_path, "gm", "fluid:52", "tenor", 57, 80, 1, 0.0, "tune")
    audio, rate = sf.read(take.wav, dtype="float32")
    notes = transcribe(audio, rate, kind="melody").notes
    pitch, start_s, end_s, _v = take.notes[-1]
    assert (pitch, start_s, end_s) == (64, 15.675, 16.425)
    starts = _starts_inside(notes, pitch, start_s, end_s)
    assert len(starts) == 1 and abs(starts[0] - start_s) <= 0.05, (pitch, starts)


def test_tongued_repeats_of_one_key_stay_apart() -> None:
    # four touching notes on G4, each struck (a 10 ms attack), then two on E4: a wind player's repeats
    written = [
        (67, 0.3, 0.55),
        (67, 0.55, 0.8),
        (67, 0.8, 1.05),
        (67, 1.05, 1.5),
        (64, 1.5, 1.75),
        (64, 1.75, 2.3),
    ]
    audio = tone(written, seconds=2.8, attack_s=0.01, vibrato_semitones=0.1)
    notes = transcribe(audio, RATE_HZ, kind="melody").notes
    assert [n.pitch for n in notes] == [p for p, _s, _e in written]
    assert np.allclose([n.start_s for n in notes], [s for _p, s, _e in written], atol=0.05)
