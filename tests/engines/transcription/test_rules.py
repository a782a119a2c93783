"""The post-processing's rules on synthesized tones: held notes stay whole, repeats split, a bass
stays in its octave, bends only when asked, melody one note at a time."""

from __future__ import annotations

import numpy as np

from engines.transcription import transcribe
from tests.engines.transcription.conftest import RATE_HZ, tone


def test_a_held_note_with_vibrato_is_one_note() -> None:
    audio = tone([(67, 0.1, 2.6)], seconds=3.0, vibrato_semitones=0.4, attack_s=0.08)
    notes = transcribe(audio, RATE_HZ, kind="melody").notes
    assert [n.pitch for n in notes] == [67]
    assert notes[0].start_s < 0.16 and notes[0].end_s > 2.4


def test_repeated_notes_of_one_pitch_are_separate_notes() -> None:
    audio = tone([(57, 0.1 + 0.3 * i, 0.38 + 0.3 * i) for i in range(6)], seconds=2.2, attack_s=0.005)
    notes = transcribe(audio, RATE_HZ, kind="melody").notes
    assert [n.pitch for n in notes] == [57] * 6
    assert all(abs(n.start_s - (0.1 + 0.3 * i)) < 0.03 for i, n in enumerate(notes))


def test_a_bass_note_with_a_loud_second_harmonic_stays_in_its_octave() -> None:
    line = [(33, 0.1, 0.65), (36, 0.65, 1.2), (31, 1.2, 1.75), (33, 1.75, 2.4)]
    audio = tone(line, seconds=2.6, harmonics=(0.3, 1.0, 0.5, 0.3), attack_s=0.005)
    assert [n.pitch for n in transcribe(audio, RATE_HZ, kind="bass").notes] == [33, 36, 31, 33]


def test_bends_only_when_asked_and_they_follow_the_pitch() -> None:
    audio = tone([(69, 0.1, 1.6)], seconds=1.8, vibrato_semitones=0.5, attack_s=0.05)
    plain = transcribe(audio, RATE_HZ, kind="melody").notes
    assert plain and all(n.bends == () for n in plain)
    bent = transcribe(audio, RATE_HZ, kind="melody", pitch_bends=True).notes
    offsets = np.array([v for _t, v in bent[0].bends])
    assert offsets.max() >= 0.3 and offsets.min() <= -0.3  # the vibrato's swing, both ways
    assert all(bent[0].start_s - 0.05 <= t <= bent[0].end_s + 0.05 for t, _v in bent[0].bends)


def test_melody_is_one_note_at_a_time_where_piano_keeps_the_chord() -> None:
    chord = tone([(60, 0.1, 1.5), (64, 0.1, 1.5), (67, 0.1, 1.5)], seconds=1.8)
    assert len(transcribe(chord, RATE_HZ, kind="melody").notes) == 1
    assert sorted(n.pitch for n in transcribe(chord, RATE_HZ, kind="piano").notes) == [60, 64, 67]
