"""HarmonyRoo: numerals, golden progressions, followed analysis chords, modes and the blues form."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest

from engines.errors import InvalidValue
from engines.generators.harmony import allowed_pcs, progression
from engines.generators.theory import chord_tones, parse_numeral
from engines.music import SCALES, Chord, Key
from engines.presets import load_genre
from tests.engines.generators.helpers import GENRES, ctx


@pytest.mark.parametrize(
    ("numeral", "expected"),
    [("I", (0, "maj")), ("vi", (9, "min")), ("bVII", (10, "maj")), ("V7/V", (2, "7")), ("V7/vi", (4, "7")),
     ("iiø7", (2, "hdim7")), ("vii°", (11, "dim")), ("Imaj7", (0, "maj7")), ("i7", (0, "min7")), ("I6", (0, "maj6"))],
)  # fmt: skip
def test_numerals(numeral: str, expected: tuple[int, str]) -> None:
    assert parse_numeral(numeral) == expected


def test_bad_numeral_is_named() -> None:
    with pytest.raises(InvalidValue, match="'H7'"):
        parse_numeral("H7")


def test_golden_progressions() -> None:
    labels = [c.label for c in progression(ctx("pop", "C major"), seed=1)]
    assert labels == ["C:maj", "A:min", "F:maj", "G:maj", "C:maj7", "A:min", "G:maj", "C:maj"]
    jazz = [c.label for c in progression(ctx("jazz", "F major", bars=4), seed=3)]
    assert jazz == ["F:maj7", "D:min7", "G:min7", "G:7", "C:7", "F:maj7", "D:min7", "C:7", "F:maj7"]


@pytest.mark.parametrize("genre", GENRES)
def test_chords_cover_the_clip_and_stay_in_the_allowed_tones(genre: str) -> None:
    for key in ("A minor", "Eb major"):
        c = ctx(genre, key)
        allowed = allowed_pcs(c.key, load_genre(genre))
        for seed in range(4):
            chords = progression(c, seed=seed)
            assert chords[0].start_beats == 0
            assert sum(ch.duration_beats for ch in chords) == pytest.approx(c.length_beats)
            for a, b in itertools.pairwise(chords):
                assert a.start_beats + a.duration_beats == pytest.approx(b.start_beats)
            assert all(set(chord_tones(ch)) <= allowed for ch in chords), [ch.label for ch in chords]


def test_same_seed_same_chords_new_seed_varies() -> None:
    c = ctx("rock", "E minor")
    assert progression(c, seed=5) == progression(c, seed=5)
    assert len({tuple(progression(c, seed=s)) for s in range(10)}) >= 4


def test_blues_uses_the_twelve_bar_form() -> None:
    chords = progression(ctx("blues", "A major", bars=12), seed=0)
    assert len(chords) == 12
    assert [(c.root - 9) % 12 for c in chords][8:10] == [7, 5]  # V7 IV7 in bars 9 and 10
    assert chords[-1].quality == "7"


def test_modes_snap_onto_the_scale() -> None:
    c = replace(ctx("pop"), key=Key(2, "Dorian"))
    scale = {(2 + i) % 12 for i in SCALES["Dorian"]}
    for seed in range(5):
        assert all(set(chord_tones(ch)) <= scale for ch in progression(c, seed=seed))


def test_analysed_chords_are_followed_and_looped() -> None:
    given = (Chord(0.0, 4.0, 9, "min"), Chord(4.0, 4.0, 5, "maj"), Chord(8.0, 2.0, 0, "N"))
    chords = progression(replace(ctx("pop", bars=4), chords=given), seed=0)
    assert [(c.start_beats, c.label) for c in chords] == [
        (0.0, "A:min"),
        (4.0, "F:maj"),
        (8.0, "A:min"),
        (12.0, "F:maj"),
    ]
