"""BassaRoo: range, roots at every change, locked to the kick, genre styles, determinism."""

from __future__ import annotations

import itertools

import pytest

from engines.generators import bass, drums, generate_parts
from engines.generators.harmony import allowed_pcs, progression
from engines.generators.theory import chord_tones
from engines.music import Note
from engines.presets import load_genre
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
            low, high = load_genre(genre).bass["range"]  # E1..C4 but the 808's low range
            assert all(max(24, low) <= n.pitch <= min(60, high) for n in notes)
            genre_ = load_genre(genre)
            chug = genre_.bass["style"] == "chug"  # metal keeps a root the genre lists (bII)
            for chord in chords:
                at = sounding(notes, chord.start_beats + 0.02)
                if chord.root in c.key.pitch_classes or (chug and chord.root in allowed_pcs(c.key, genre_)):
                    assert [n.pitch % 12 for n in at] == [chord.root], (chord, at)
                else:  # a borrowed chord (bVII in major): a chord tone of the scale, as an inversion
                    held = [t for t in chord_tones(chord) if t in c.key.pitch_classes]
                    assert [n.pitch % 12 for n in at] == held[:1], (chord, at)


def test_notes_never_overlap_but_808_slides() -> None:
    for genre in GENRES:
        notes = sorted(bass.generate(ctx(genre), seed=1), key=lambda n: n.start_beats)
        slide = bass.SLIDE_BEATS if load_genre(genre).bass["style"] == "808" else 0.0
        for a, b in itertools.pairwise(notes):
            assert a.start_beats + a.duration_beats <= b.start_beats + 0.03 + slide, genre


def test_808_slides_hold_into_a_new_pitch_inside_one_chord() -> None:
    c = ctx("trap", "F minor")
    chords = progression(c, seed=2)
    notes = sorted(bass.generate(c, seed=2, complexity=0.9), key=lambda n: n.start_beats)
    slides = [
        (a, b)
        for a, b in itertools.pairwise(notes)
        if a.start_beats + a.duration_beats > b.start_beats + 0.01
    ]
    assert slides, "an 808 at complexity 0.9 slides at least once in 8 bars"
    for a, b in slides:
        assert a.pitch != b.pitch
        assert a.start_beats + a.duration_beats == pytest.approx(b.start_beats + bass.SLIDE_BEATS, abs=0.02)
        ends = [ch.start_beats + ch.duration_beats for ch in chords if ch.start_beats <= a.start_beats + 0.05]
        assert a.start_beats + a.duration_beats <= min(e for e in ends if e > a.start_beats) + 1e-6


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
