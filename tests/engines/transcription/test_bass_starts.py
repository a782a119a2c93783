"""A plucked low note's start (a85): its own onset map swells from the note before and peaks early, so
the climb to RISE_SHARE of that peak lies about 60 ms before the string is struck; where its octave's
or twelfth's onset map peaks just after the own peak, the bass starts it nearer the peak."""

from __future__ import annotations

import numpy as np

from engines.transcription import mono
from engines.transcription.model import FRAMES_PER_S, LOWEST_MIDI, Posteriors

SWELL = (0.44, 0.49, 0.54, 0.59, 0.61, 0.60, 0.59, 0.57, 0.54, 0.51, 0.48, 0.45)  # a jazz guitar's G1


def _swelling(harmonic_peak: float) -> tuple[Posteriors, int]:
    """Stand-in maps, 2 s: G1 (31) on the note map from 0.5 s, its onset map the swell above from 0.5 s
    (peak 4 frames in), its octave's (43) onset map a bump of ``harmonic_peak`` 3 frames after that."""
    frames = int(2.0 * FRAMES_PER_S)
    note = np.full((frames, 88), 0.02, dtype=np.float32)
    onset = np.zeros_like(note)
    first = round(0.5 * FRAMES_PER_S)
    note[first : first + 80, 31 - LOWEST_MIDI] = 0.7
    onset[first : first + len(SWELL), 31 - LOWEST_MIDI] = SWELL
    struck = first + 4 + 3
    onset[struck - 1 : struck + 2, 43 - LOWEST_MIDI] = (0.3, harmonic_peak, 0.3)
    return Posteriors(note, onset, np.zeros((frames, 264), dtype=np.float32)), first + 4


def test_a_low_note_whose_octave_attacks_after_its_own_peak_starts_near_the_peak() -> None:
    """With the octave's onset 0.5 three frames after G1's own peak, the bass starts G1 within a frame of
    that peak (the first frame within 0.9 of it), not at the climb to 0.75 (3 frames earlier)."""
    post, peak = _swelling(0.5)
    (bass,) = mono.track(post, "bass")
    assert bass.pitch == 31 and peak - 1 <= bass.start <= peak


def test_without_the_harmonics_attack_the_start_is_the_climb() -> None:
    """The octave's onset map quiet (0.2): the bass starts G1 at the climb to 0.75 of its peak too."""
    post, peak = _swelling(0.2)
    (bass,) = mono.track(post, "bass")
    assert bass.start == peak - 3
