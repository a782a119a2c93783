"""The bass kind's faint twelfths (a88): a note the model reads faintly on its own key is taken for its
key's third harmonic on less heard a twelfth under it than a note read firmly."""

from __future__ import annotations

from engines.transcription import mono, twelfths
from engines.transcription.model import Posteriors
from tests.engines.transcription.stand_in import stand_in_maps as _maps


def _bass(post: Posteriors) -> list[int]:
    tracks = twelfths.lowered(mono.track(post, "bass"), post, mono.RANGES["bass"][0])
    return [t.pitch for t in tracks]


def test_a_faint_note_over_a_faint_low_key_reads_low() -> None:
    """F1 picked on a clean guitar: its twelfth C3 heard at only 0.4, F1 itself at 0.17 (under the 0.2
    a firmly read note needs under it), its octave faint (0.1): the tracker reads C3, the rule F1."""
    post = _maps(
        [(29, 0.4, 1.1, 0.17), (41, 0.4, 1.1, 0.1), (48, 0.4, 1.1, 0.4)], [(29, 0.4, 0.3), (48, 0.4, 0.7)]
    )
    assert [t.pitch for t in mono.track(post, "bass")] == [48]
    assert _bass(post) == [29]


def test_a_firm_high_note_over_the_same_low_ring_stays_high() -> None:
    """C3 played firmly (0.7) over the same faint F1 (0.17): C3 stays."""
    post = _maps(
        [(29, 0.4, 1.1, 0.17), (41, 0.4, 1.1, 0.1), (48, 0.4, 1.1, 0.7)], [(29, 0.4, 0.3), (48, 0.4, 0.9)]
    )
    assert _bass(post) == [48]
