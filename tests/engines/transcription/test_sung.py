"""A sung line (tools/corpus/singer's synthetic voice: vibrato, scoops, breath) transcribes to the
written notes, in tune or sung off the A440 grid."""

from __future__ import annotations

import numpy as np

from engines.transcription import transcribe
from tools.corpus.singer import RATE_HZ, Sung, sing

# a legato line with steps, a leap and a rest, at 90 BPM
LINE = [
    Sung(64, 0.3, 0.967, False),
    Sung(62, 0.967, 1.633, True),
    Sung(60, 1.633, 3.633, True),
    Sung(67, 4.3, 5.633, False),
    Sung(65, 5.633, 6.3, True),
    Sung(64, 6.3, 7.633, True),
]


def _found(drift_cents: float, seed: int) -> list[tuple[int, float]]:
    audio = sing(LINE, seed, drift_cents=drift_cents)
    result = transcribe(audio, RATE_HZ, kind="melody")
    return [(n.pitch, n.start_s) for n in result.notes]


def _assert_written(found: list[tuple[int, float]]) -> None:
    assert [p for p, _s in found] == [n.pitch for n in LINE]
    assert all(abs(s - n.start_s) <= 0.05 for (_p, s), n in zip(found, LINE, strict=True))


def test_a_sung_line_with_vibrato_and_scoops_gives_the_written_notes() -> None:
    _assert_written(_found(0.0, seed=5))


def test_a_line_sung_30_cents_flat_lands_on_the_written_notes() -> None:
    _assert_written(_found(-30.0, seed=6))


def test_auto_reads_a_low_sung_line_as_melody_not_bass() -> None:
    low = [Sung(n.pitch - 19, n.start_s, n.end_s, n.legato) for n in LINE]  # around A2, a baritone's
    result = transcribe(sing(low, 3, drift_cents=0.0), RATE_HZ, kind="auto")
    assert result.kind == "melody"
    assert "voice" in result.chosen_because


def _choir_like(notes: list[tuple[int, float, float]], seconds: float, release_s: float = 0.8) -> np.ndarray:
    """A held voice-patch tone per (pitch, start_s, end_s): a slow attack, a light vibrato, its second
    harmonic louder than its fundamental, and a release that rings on past the end (60 dB in release_s)."""
    y = np.zeros(int(seconds * RATE_HZ))
    for pitch, start_s, end_s in notes:
        a, b = int(start_s * RATE_HZ), min(len(y), int((end_s + release_s) * RATE_HZ))
        t = np.arange(b - a) / RATE_HZ
        hz = 440.0 * 2 ** ((pitch - 69 + 0.25 * np.sin(2 * np.pi * 5.5 * t)) / 12)
        phase = 2 * np.pi * np.cumsum(hz) / RATE_HZ
        held = t < end_s - start_s
        env = np.minimum(1.0, t / 0.08) * np.where(
            held, 1.0, 10 ** (-3 * (t - (end_s - start_s)) / release_s)
        )
        y[a:b] += env * (0.6 * np.sin(phase) + np.sin(2 * phase) + 0.3 * np.sin(3 * phase))
    return (0.2 * y / np.abs(y).max()).astype(np.float32)


def test_a_note_ends_where_its_level_falls_not_at_its_release_tail() -> None:
    written = [(60, 0.3, 1.3), (64, 2.0, 2.8), (62, 3.6, 4.6), (67, 5.4, 6.0)]
    notes = transcribe(_choir_like(written, 7.2), RATE_HZ, kind="melody").notes
    assert [n.pitch for n in notes] == [p for p, _s, _e in written]
    # main ended them 0.5-0.8 s late, at the release's tail
    assert all(abs(n.end_s - end) <= 0.2 for n, (_p, _s, end) in zip(notes, written, strict=True))
