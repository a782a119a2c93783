"""The engine on parts rendered through fluidsynth: each kind finds the notes that were played."""

from __future__ import annotations

import itertools

import numpy as np

from engines.transcription import DRUM_NOTES, transcribe
from tools.bench.transcription_score import f_of, note_f, voice_counts

Rendered = dict[str, tuple[np.ndarray, int, list]]


def _rows(kind: str, rendered: Rendered, **options: object) -> tuple[list, list]:
    audio, rate, truth = rendered[kind]
    result = transcribe(audio, rate, kind=kind, **options)  # type: ignore[arg-type]
    assert result.kind == kind and result.chosen_because == ""
    return truth, [(n.pitch, n.start_s, n.end_s, n.velocity) for n in result.notes]


def test_melody_finds_the_line_one_note_at_a_time(rendered: Rendered) -> None:
    truth, found = _rows("melody", rendered)
    assert note_f(truth, found, offsets=False)[2] >= 0.85
    starts_ends = sorted((start, end) for _p, start, end, _v in found)
    assert all(b[0] >= a[1] - 1e-6 for a, b in itertools.pairwise(starts_ends))


def test_bass_finds_the_line_in_its_own_octave(rendered: Rendered) -> None:
    truth, found = _rows("bass", rendered)
    assert note_f(truth, found, offsets=False)[2] >= 0.85
    assert max(p for p, *_ in found) <= max(p for p, *_ in truth)  # no note an octave above the line


def test_piano_finds_chords_and_the_melody_over_them(rendered: Rendered) -> None:
    truth, found = _rows("piano", rendered)
    assert note_f(truth, found, offsets=False)[2] >= 0.8
    starts = [round(s, 1) for _p, s, *_ in found]
    assert max(starts.count(s) for s in starts) >= 3  # several notes at once


def test_drums_name_kick_snare_and_hats(rendered: Rendered) -> None:
    truth, found = _rows("drums", rendered)
    counts = voice_counts(truth, found)
    for voice in ("kick", "snare", "closed_hat"):
        assert f_of(*counts[voice]) >= 0.85, (voice, counts[voice])
    assert {p for p, *_ in found} <= set(DRUM_NOTES.values())


def test_auto_says_what_it_chose(rendered: Rendered) -> None:
    for kind, words in (("drums", "hits"), ("bass", "median pitch"), ("piano", "several notes")):
        audio, rate, _truth = rendered[kind]
        result = transcribe(audio, rate)
        assert result.kind == kind, (kind, result.chosen_because)
        assert words in result.chosen_because
        assert result.drum_notes == (DRUM_NOTES if kind == "drums" else {})
