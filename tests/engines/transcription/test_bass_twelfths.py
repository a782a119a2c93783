"""The bass kind's twelfths (a86): a note whose key 19 semitones under it the note map still hears (a
picked or plucked low note read on its third harmonic) is moved down onto that key; a note with nothing
heard a twelfth under it stays."""

from __future__ import annotations

from pathlib import Path

from engines.transcription import mono, twelfths
from engines.transcription.model import Posteriors
from tests.engines.transcription.stand_in import eighths_read
from tests.engines.transcription.stand_in import stand_in_maps as _maps


def _bass(post: Posteriors) -> list[int]:
    tracks = twelfths.lowered(mono.track(post, "bass"), post, mono.RANGES["bass"][0])
    return [t.pitch for t in tracks]


def test_a_low_note_heard_on_its_third_harmonic_reads_low() -> None:
    """E1 plucked (map 0.3, onset 0.35) with its twelfth B2 heard louder (0.45, onset 0.75) and its octave
    faint (0.12): the tracker alone reads B2; the twelfth under it is heard at 0.3, so E1."""
    post = _maps(
        [(28, 0.5, 1.2, 0.3), (40, 0.5, 1.2, 0.12), (47, 0.5, 1.2, 0.45)], [(28, 0.5, 0.35), (47, 0.5, 0.75)]
    )
    assert [t.pitch for t in mono.track(post, "bass")] == [47]
    assert _bass(post) == [28]


def test_a_high_note_over_a_faint_low_ring_stays_high() -> None:
    """B2 played (0.7) while E1 rings on faintly under it (0.15, under the 0.2 a low note read on its
    third harmonic showed at its tenth percentile): B2."""
    post = _maps([(28, 0.2, 1.2, 0.15), (47, 0.5, 1.2, 0.7)], [(28, 0.2, 0.5), (47, 0.5, 0.9)])
    assert _bass(post)[-1] == 47


def test_a_clean_guitar_on_low_eighths_reads_its_low_notes(tmp_path: Path) -> None:
    """One bar at 116 bpm on clean electric guitar (GM 27, FluidR3): E1 E1 F#1 F#1 E1 E1 G1 G1 in eighths.
    Without the rule the line read B2 B2 C#3 ... (their twelfths), none of the eight found."""
    pitches = [28, 28, 30, 30, 28, 28, 31, 31]
    found, hit = eighths_read(tmp_path, pitches, program=27)
    seen = [(n.pitch, round(n.start_s, 2)) for n in found]
    assert all(n.pitch < 40 for n in found), seen
    assert len(hit) >= 6, seen
