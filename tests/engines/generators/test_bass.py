"""BassaRoo: range, roots at every change, locked to the kick, genre styles, determinism."""

from __future__ import annotations

import itertools

import pytest

from engines.generators import bass, drums, generate_parts
from engines.generators.harmony import progression
from engines.generators.theory import chord_tones
from engines.music import Note
from tests.engines.generators.helpers import GENRES, ctx


def sounding(notes: list[Note], beat: float) -> list[Note]:
    return [n for n in notes if n.start_beats - 0.03 <= beat < n.start_beats + n.duration_beats]


@pytest.mark.parametrize("genre", GENRES)
def test_root_at_every_change_in_range(genre: str) -> None:
    for key in ("A minor", "F# major"):
        c = ctx(genre, key)
        for seed in range(3):
            chords = progression(c, seed=seed)
            notes = bass.generate(c, seed=seed)
            assert all(28 <= n.pitch <= 60 for n in notes)
            for chord in chords:
                at = sounding(notes, chord.start_beats + 0.02)
                if chord.root in c.key.pitch_classes:
                    assert [n.pitch % 12 for n in at] == [chord.root], (chord, at)
                else:  # a borrowed chord (bVII in major): a chord tone of the scale, as an inversion
                    held = [t for t in chord_tones(chord) if t in c.key.pitch_classes]
                    assert [n.pitch % 12 for n in at] == held[:1], (chord, at)


def test_notes_never_overlap() -> None:
    for genre in GENRES:
        notes = sorted(bass.generate(ctx(genre), seed=1), key=lambda n: n.start_beats)
        for a, b in itertools.pairwise(notes):
            assert a.start_beats + a.duration_beats <= b.start_beats + 0.03, genre


def test_pop_bass_is_locked_to_the_kick() -> None:
    c = ctx("pop")
    for seed in range(4):
        parts = generate_parts(c, seed=seed)
        kicks = drums.kick_beats(parts["drums"])
        starts = {c.start_beats for c in progression(c, seed=seed)}
        for n in parts["bass"]:
            near_kick = any(abs(n.start_beats - k) < 0.03 for k in kicks)
            near_change = any(abs(n.start_beats - s) < 0.03 for s in starts)
            assert near_kick or near_change or n.velocity < 90  # approach notes are the only extras


def test_standalone_bass_equals_the_bass_of_all_parts() -> None:
    c = ctx("hip-hop", "D minor")
    assert bass.generate(c, seed=7) == generate_parts(c, seed=7)["bass"]


def test_walking_bass_walks_in_quarters() -> None:
    notes = bass.generate(ctx("jazz"), density=0.0, seed=2)
    assert [round(n.start_beats * 2) / 2 for n in notes] == [float(b) for b in range(32)]


def test_electronic_octaves_and_country_root_fifth() -> None:
    edm = bass.generate(ctx("electronic", "A minor"), seed=1)
    assert {n.pitch for n in edm if n.start_beats % 1 > 0.4} >= {n.pitch + 12 for n in edm[:1]}
    country = bass.generate(ctx("country", "G major"), density=0.0, seed=1)
    first_bar = [n.pitch % 12 for n in country if n.start_beats < 3.9]
    assert first_bar == [7, 2]  # G then D: root and fifth
