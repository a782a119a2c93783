"""MelodyRoo: range, chord tones on strong beats, motif repetition, stable endings, variety."""

from __future__ import annotations

import pytest

from engines.generators import generate_parts, melody
from engines.generators.harmony import progression
from engines.generators.theory import ChordTimeline, voiced_tones
from engines.presets import load_genre
from tests.engines.generators.helpers import GENRES, ctx


@pytest.mark.parametrize("genre", GENRES)
def test_range_and_chord_tones_on_strong_beats(genre: str) -> None:
    spec = load_genre(genre)
    low, high = spec.melody["range"]
    for key in ("C major", "G# minor"):
        c = ctx(genre, key)
        for seed in range(3):
            timeline = ChordTimeline(progression(c, seed=seed))
            notes = melody.generate(c, seed=seed)
            assert notes and all(low <= n.pitch <= high for n in notes)
            for n in notes:
                beat = round(n.start_beats * 2) / 2
                if beat % 4 in (0.0, 2.0) and abs(n.start_beats - beat) < 0.03:
                    chord = timeline.at(beat)
                    assert chord is not None and n.pitch % 12 in voiced_tones(chord, spec.chords["voicing"])


def test_phrases_end_on_the_tonic_when_the_chord_holds_it() -> None:
    for seed in range(6):
        notes = melody.generate(ctx("pop", "D major"), seed=seed)
        assert notes[-1].pitch % 12 == 2
        assert notes[-1].start_beats + notes[-1].duration_beats > 31.0  # held to the end


def test_motif_returns_in_bar_three() -> None:
    notes = melody.generate(ctx("rock", "E minor"), density=0.5, seed=8)
    rhythm = [
        [round(n.start_beats - 4 * bar, 2) for n in notes if 4 * bar <= n.start_beats < 4 * bar + 4]
        for bar in range(4)
    ]
    assert [round(x) for x in rhythm[0]] == [round(x) for x in rhythm[2]]


def test_density_adds_notes_and_seeds_vary() -> None:
    c = ctx("pop", "A minor")
    counts = [len(melody.generate(c, density=d / 4, seed=1)) for d in range(5)]
    assert counts == sorted(counts) and counts[0] < counts[-1]
    shapes = {
        tuple((n.pitch, round(n.start_beats * 4)) for n in generate_parts(c, seed=s)["melody"])
        for s in range(10)
    }
    assert len(shapes) >= 8
