"""Every Live 12 scale: its chords come from its own tones and strong beats of bass and melody stay in it."""

from __future__ import annotations

import pytest

from engines.errors import InvalidValue
from engines.generators import generate, generate_parts
from engines.generators.harmony import allowed_pcs, progression
from engines.generators.scales import chord_roots, scale_chord
from engines.generators.theory import ChordTimeline, chord_tones, strong_beats
from engines.music import SCALES, Key, MusicalContext, Note, parse_key
from engines.presets import load_genre
from tests.engines.generators.helpers import GENRES

ROOTS = (0, 3, 7, 10)


def strong_notes(notes: list[Note], signature: tuple[int, int]) -> list[Note]:
    bar = signature[0] * 4 / signature[1]
    beats = strong_beats(signature)
    return [n for n in notes if any(abs(n.start_beats % bar - b) < 0.07 for b in beats)]


def test_the_scales_are_live_12s_in_its_order() -> None:
    assert len(SCALES) == 35 and len(set(SCALES.values())) == 35
    assert list(SCALES)[:7] == ["Major", "Minor", "Dorian", "Mixolydian", "Lydian", "Phrygian", "Locrian"]
    assert list(SCALES)[-1] == "Messiaen 7" and SCALES["Hirajoshi"] == (0, 2, 3, 7, 8)
    assert all(s[0] == 0 and list(s) == sorted(set(s)) and s[-1] < 12 for s in SCALES.values())


def listed_roots(ctx: MusicalContext, seed: int, notes: list[Note]) -> list[Note]:
    """The notes of a chugging bass (metal) on its chord's root where the genre lists that degree
    on purpose (``chromatic:``, its bII): the one out-of-scale strong beat the contract allows."""
    genre = load_genre(ctx.genre)
    if genre.bass["style"] != "chug":
        return []
    timeline = ChordTimeline(progression(ctx, seed=seed))
    listed = allowed_pcs(ctx.key, genre)
    return [
        n for n in notes if (c := timeline.at(n.start_beats)) and n.pitch % 12 == c.root and c.root in listed
    ]


@pytest.mark.parametrize("scale", list(SCALES))
def test_strong_beats_of_bass_and_melody_stay_in_the_scale(scale: str) -> None:
    for root in ROOTS:
        key = Key(root, scale)
        for i, genre in enumerate(GENRES):
            sig = ((4, 4), (3, 4), (6, 8))[i % 3]
            ctx = MusicalContext(signature=sig, key=key, genre=genre, bars=8)
            parts = generate_parts(ctx, seed=root + i)
            for part in ("bass", "melody"):
                found = strong_notes(parts[part], sig)
                assert found, (scale, genre, part)
                outside = [n for n in found if n.pitch % 12 not in key.pitch_classes]
                kept = listed_roots(ctx, root + i, outside) if part == "bass" else []
                outside = [n for n in outside if n not in kept]
                assert not outside, (scale, root, genre, part, outside[:3])
            if scale not in ("Major", "Minor"):  # strict scales: every chord tone is a scale tone
                assert all(n.pitch % 12 in key.pitch_classes for n in parts["chords"]), (scale, genre)


def test_chords_are_the_scales_own_stacked_thirds_or_open_chords() -> None:
    dorian = SCALES["Dorian"]
    assert [scale_chord(dorian, d, True) for d in dorian] == [
        "min7", "min7", "maj7", "7", "min7", "hdim7", "maj7",
    ]  # fmt: skip
    assert scale_chord(SCALES["Harmonic Minor"], 11, True) == "dim7"
    assert scale_chord(SCALES["Whole Tone"], 0, False) == "aug"
    assert scale_chord(SCALES["Half-whole Dim."], 0, True) == "7"
    assert scale_chord(SCALES["Hirajoshi"], 0, False) == "min"
    assert scale_chord(SCALES["Hirajoshi"], 8, False) == "maj"
    assert scale_chord(SCALES["Hirajoshi"], 3, False) is None  # Eb: no third, sus or fourths above it
    assert scale_chord(SCALES["Iwato"], 0, False) == "quartal"  # no third, no fifth: two fourths
    assert scale_chord(SCALES["In-Sen"], 0, False) == "sus4"
    assert chord_roots(SCALES["Hirajoshi"]) == (0, 2, 7, 8)
    for scale, intervals in SCALES.items():
        assert 0 in chord_roots(intervals), scale  # every Live scale carries a chord on its tonic


def test_progressions_in_exotic_scales_use_only_scale_tones() -> None:
    for name in ("Phrygian Dominant", "Whole Tone", "Hirajoshi", "Messiaen 7", "Iwato"):
        key = parse_key(f"E {name}")
        ctx = MusicalContext(key=key, genre="pop", bars=8)
        chords = progression(ctx, complexity=0.9, seed=4)
        assert chords
        for chord in chords:
            assert set(chord_tones(chord)) <= key.pitch_classes, (name, chord)


def test_key_names_take_any_live_scale_in_any_case() -> None:
    assert parse_key("E Hirajoshi") == Key(4, "Hirajoshi")
    assert parse_key("A Minor Pentatonic") == Key(9, "Minor Pentatonic")
    assert parse_key("a minor pentatonic") == Key(9, "Minor Pentatonic")
    assert parse_key("B bhairav") == Key(11, "Bhairav")
    assert parse_key("Bb Bhairav") == Key(10, "Bhairav")
    assert parse_key("C half whole diminished") == Key(0, "Half-whole Dim.")
    assert parse_key("D dorian #4") == Key(2, "Dorian #4")
    assert parse_key("F# IN SEN") == Key(6, "In-Sen")
    assert parse_key("Bbm") == Key(10, "Minor")
    for scale in SCALES:
        assert parse_key(f"G {scale.upper()}") == Key(7, scale)
    with pytest.raises(InvalidValue, match=r"'chromatic'.*Hirajoshi"):
        parse_key("C chromatic")


def test_a_scale_live_12_does_not_have_is_refused_with_the_reason() -> None:
    ctx = MusicalContext(key=Key(0, "Chromatic"), bars=4)
    for part in ("bass", "chords", "melody"):
        with pytest.raises(InvalidValue, match="'Chromatic' is not one of Live 12's scales, so no part"):
            generate(part, ctx)
    with pytest.raises(InvalidValue, match="'Chromatic'"):
        generate_parts(ctx)
    assert generate("drums", ctx)  # drums do not read the key


def test_a_scale_without_a_chord_is_refused_naming_why(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(SCALES, "Two Tones", (0, 1))  # no Live scale is this poor: every one carries a chord
    ctx = MusicalContext(key=Key(0, "Two Tones"), bars=2)
    for part in ("bass", "chords", "melody"):
        with pytest.raises(InvalidValue, match=r"'Two Tones' \(0, 1\) holds no triad, sus or quartal chord"):
            generate(part, ctx)
