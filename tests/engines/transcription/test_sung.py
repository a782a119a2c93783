"""A sung line (tools/corpus/singer's synthetic voice: vibrato, scoops, breath) transcribes to the
written notes, in tune or sung off the A440 grid."""

from __future__ import annotations

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
