"""A take whose tuning sits near +-50 cents is ambiguous (a line a semitone lower sung sharp sounds the
same as the line sung flat): the song's key decides it, and nothing changes without a key or where the
estimate is clear."""

from __future__ import annotations

import numpy as np

from engines.music import Key
from engines.transcription import transcribe, tuning
from tests.engines.transcription.test_sung import LINE
from tools.corpus.singer import RATE_HZ, sing

C_MAJOR = Key(0).pitch_classes


def _heard(pitches: list[int], cents: float) -> tuple[np.ndarray, np.ndarray]:
    """Held frames of the MIDI ``pitches`` sung ``cents`` off A440, ten frames each, equal levels."""
    held = np.repeat([100.0 * (p - 69) + cents for p in pitches], 10)
    return held, np.ones(len(held))


def test_a_c_major_line_55_cents_flat_is_read_in_c_major_not_a_semitone_low() -> None:
    held, level = _heard([60, 62, 64, 65, 67, 64, 62, 60], -55.0)
    # the audio alone: the line a semitone lower, 45 cents sharp
    assert tuning.in_key(45.0, held, level, C_MAJOR) == -55.0
    assert tuning.key_share(held, level, 45.0, C_MAJOR) < 0.5 < tuning.key_share(held, level, -55.0, C_MAJOR)


def test_a_line_that_fits_the_key_as_estimated_keeps_its_estimate() -> None:
    held, level = _heard([60, 62, 64, 65, 67, 64, 62, 60], 45.0)
    assert tuning.in_key(45.0, held, level, C_MAJOR) == 45.0


def test_a_clear_estimate_is_kept_whatever_the_key() -> None:
    held, level = _heard([61, 63, 66, 68, 70], -25.0)  # F# major's notes, 25 cents flat
    assert tuning.in_key(-25.0, held, level, C_MAJOR) == -25.0  # C major fits the other reading better


def test_the_other_reading_must_fit_the_key_by_the_margin() -> None:
    held, level = _heard([60, 62, 64, 65], -45.0)  # the estimate's notes all in C major ...
    other = tuning.key_share(held, level, 55.0, C_MAJOR)  # ... read a semitone low: B, C#, D#, E
    assert other < 1.0
    assert tuning.in_key(-45.0, held, level, C_MAJOR) == -45.0
    assert tuning.in_key(-45.0, held[:0], level[:0], C_MAJOR) == -45.0  # nothing heard: the estimate


def _sung_55_flat() -> np.ndarray:
    return sing(LINE, 6, drift_cents=-55.0)  # LINE is in C major


def test_a_sung_line_55_cents_flat_lands_on_its_notes_given_its_key() -> None:
    audio = _sung_55_flat()
    by_key = transcribe(audio, RATE_HZ, kind="melody", key=Key(0, "Major"))
    assert [n.pitch for n in by_key.notes] == [n.pitch for n in LINE]
    assert all(abs(n.start_s - w.start_s) <= 0.1 for n, w in zip(by_key.notes, LINE, strict=True))
    # without the key the audio alone reads the line a semitone low (the take is ambiguous)
    alone = transcribe(audio, RATE_HZ, kind="melody")
    assert [n.pitch for n in alone.notes] == [n.pitch - 1 for n in LINE]


def test_a_clear_take_reads_the_same_with_and_without_the_key() -> None:
    audio = sing(LINE, 6, drift_cents=-30.0)
    with_key = transcribe(audio, RATE_HZ, kind="melody", key="F# major")  # a key the line does not fit
    alone = transcribe(audio, RATE_HZ, kind="melody")
    assert [n.pitch for n in with_key.notes] == [n.pitch for n in alone.notes] == [n.pitch for n in LINE]
