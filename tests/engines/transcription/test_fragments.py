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


def _sine_voice(
    written: list[tuple[int, float, float]], *, seconds: float, vibrato_semitones: float
) -> np.ndarray:
    """A legato sine voice: each note glides in from the one before over 120 ms, then a 5.5 Hz vibrato
    grows in over 0.3 s; one continuous phase, so nothing but the pitch marks a new note; a little
    noise under it, so the audio's flux has a floor as a sung take's has."""
    t = np.arange(int(seconds * RATE_HZ)) / RATE_HZ
    pitch = np.full(len(t), float(written[0][0]))
    level = np.zeros(len(t))
    for i, (key, start_s, end_s) in enumerate(written):
        inside = (t >= start_s) & (t < end_s)
        age = t[inside] - start_s
        before = written[i - 1][0] if i else key
        glide = (before - key) * np.clip(1.0 - age / 0.12, 0.0, 1.0)
        grow = np.clip((age - 0.15) / 0.3, 0.0, 1.0)
        pitch[inside] = key + glide + vibrato_semitones * grow * np.sin(2 * np.pi * 5.5 * age)
        level[inside] = 1.0
    level = np.convolve(level, np.ones(220) / 220, mode="same")  # 10 ms in and out
    phase = 2 * np.pi * np.cumsum(440.0 * 2 ** ((pitch - 69) / 12)) / RATE_HZ
    voice = sum(a * np.sin(k * phase) for k, a in enumerate((1.0, 0.5, 0.3, 0.2), start=1))
    breath = 0.003 * np.random.default_rng(5).standard_normal(len(t))  # a little air, as a voice has
    return (0.25 * level * voice + breath).astype(np.float32)


def test_a_legato_glide_through_the_key_between_gives_no_note_of_its_own() -> None:
    # D3, C3, D3 sung legato with a wide vibrato (0.8 semitone): main read the glide back up through
    # C#3 as a note of its own (58 ms at 2.30 s) between the two written notes
    written = [(50, 0.3, 1.3), (48, 1.3, 2.3), (50, 2.3, 3.3)]
    audio = _sine_voice(written, seconds=3.9, vibrato_semitones=0.8)
    notes = transcribe(audio, RATE_HZ, kind="melody").notes
    assert [n.pitch for n in notes] == [p for p, _s, _e in written], [(n.pitch, n.start_s) for n in notes]
    # the glide is given to the note before, so the last D3 starts where it settles: 57 ms late here
    assert np.allclose([n.start_s for n in notes], [s for _p, s, _e in written], atol=0.06)


def test_a_joined_swing_bends_say_where_it_sat() -> None:
    from engines.transcription import mono

    held = TranscribedNote(64, 0.3, 1.0, 90, bends=((0.5, 0.1),))
    swing = TranscribedNote(65, 1.0, 1.1, 90, bends=((1.05, -0.2),))
    accents = np.ones(200)
    (joined,) = mono.fragments_joined([held, swing], accents)
    assert (joined.pitch, joined.start_s, joined.end_s) == (64, 0.3, 1.1)
    assert joined.bends == ((0.5, 0.1), (1.05, 0.8))
