"""engines/transforms value by value on small clips written here, the expected notes worked out by
hand (and, for the transforms with chance, bounds that hold for any seed, checked over many)."""

from __future__ import annotations

import itertools
import statistics
from typing import Any

import pytest

from engines.errors import InvalidValue
from engines.music import Key, Note
from engines.transforms import make_options, transform
from engines.transforms.drum_voices import drums_keep, drums_remove, pitches_of
from engines.transforms.pitch import _voicing, clip_key, diatonic_shift, fold, groups, scale_pitches
from engines.transforms.texture import _strength
from engines.transforms.timing import swing_time

C = Key(0, "Major")


def run(kind: str, notes: list[Note], length: float = 8.0, seed: int = 3, **options: Any) -> list[Note]:
    return transform(kind, notes, make_options(length, **options), seed).notes


def rows(notes: list[Note]) -> list[tuple[int, float, float, int]]:
    return [(n.pitch, round(n.start_beats, 6), round(n.duration_beats, 6), n.velocity) for n in notes]


def drum_bar(bars: int = 4) -> list[Note]:
    """Kick on 1 and 3, snare on 2 and 4, a closed hat on every 8th (with the kick and snare)."""
    out = []
    for bar in range(bars):
        for i in range(8):
            t = bar * 4 + i * 0.5
            out.append(Note(42, t, 0.25, 80))
            if i in (0, 4):
                out.append(Note(36, t, 0.25, 110))
            if i in (2, 6):
                out.append(Note(38, t, 0.25, 100))
    return out


# --- options -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("given", "said"),
    [
        ({"amount": 1.01}, "transform option amount 1.01 is out of range: expected 0..1"),
        ({"amount": -0.01}, "transform option amount -0.01 is out of range: expected 0..1"),
        ({"strength": 1.5}, "transform option strength 1.5 is out of range: expected 0..1"),
        ({"grid": 0.0}, "transform option grid 0.0 is out of range: expected 0 < grid <= 4 beats"),
        ({"grid": 4.5}, "transform option grid 4.5 is out of range: expected 0 < grid <= 4 beats"),
        ({"subdivision": "32nd"}, "swing subdivision '32nd' is not valid: expected 8th or 16th"),
        ({"keep": "both"}, "vary keep 'both' is not valid: expected rhythm or pitches"),
        ({"style": "wide"}, "revoice style 'wide' is not valid: expected one of smooth, close, open, drop2"),
        (
            {"semitones": 49},
            "transpose by 49 semitones / 0 steps is out of range: expected -48..48 / -21..21",
        ),
        (
            {"semitones": -49},
            "transpose by -49 semitones / 0 steps is out of range: expected -48..48 / -21..21",
        ),
        ({"steps": 22}, "transpose by 0 semitones / 22 steps is out of range: expected -48..48 / -21..21"),
        ({"steps": -22}, "transpose by 0 semitones / -22 steps is out of range: expected -48..48 / -21..21"),
        ({"pivot": 128}, "invert pivot 128 is not a MIDI pitch: expected 0..127"),
        ({"pivot": -1}, "invert pivot -1 is not a MIDI pitch: expected 0..127"),
        ({"beats": 0.0}, "fill length 0.0 beats is out of range: expected 0 < beats <= 8"),
        ({"beats": 8.5}, "fill length 8.5 beats is out of range: expected 0 < beats <= 8"),
        ({"colour": 1}, "transform option 'colour' is not known: expected one of amount, strength, grid"),
    ],
)
def test_each_bad_option_is_named_with_what_is_valid(given: dict[str, Any], said: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        make_options(8.0, **given)
    assert str(caught.value).startswith(said)


def test_the_edges_of_every_range_are_accepted() -> None:
    for given in (
        {"amount": 0.0},
        {"amount": 1.0},
        {"strength": 0.0},
        {"strength": 1.0},
        {"grid": 4.0},
        {"semitones": 48},
        {"semitones": -48},
        {"steps": 21},
        {"steps": -21},
        {"pivot": 0},
        {"pivot": 127},
        {"beats": 8.0},
        {"subdivision": "16th"},
        {"keep": "pitches"},
        {"style": "drop2"},
    ):
        make_options(8.0, **given)
    with pytest.raises(InvalidValue, match=r"^clip length 0.0 beats is not valid: expected more than 0$"):
        make_options(0.0)


def test_voices_and_key_are_read_from_text() -> None:
    o = make_options(8, 3.0, voices=" Kick, HATS ,, ", key="F# minor")
    assert o.voices == ("kick", "hats") and o.key == Key(6, "Minor") and o.beats_per_bar == 3.0
    assert isinstance(o.length_beats, float) and o.length_beats == 8.0


# --- drum voices ---------------------------------------------------------------------------------
def test_drum_voices_by_name_alias_and_the_rest_as_percussion() -> None:
    assert pitches_of(["hats"]) == {42, 44, 46}
    assert pitches_of(["hihat", "kicks"]) == {42, 44, 46, 35, 36}
    assert pitches_of(["crash", "tom"]) == {49, 52, 55, 57, 41, 43, 45, 47, 48, 50}
    perc = pitches_of(["perc"])
    assert {0, 34, 39, 54, 60, 81, 82, 127} <= perc and not perc & {35, 36, 38, 42, 49, 51}
    with pytest.raises(InvalidValue, match=r"^no drum voices named: expected some of kick, snare, clap"):
        pitches_of([])
    with pytest.raises(
        InvalidValue, match=r"^drum voice 'cowbells' is not known: expected some of kick, snare"
    ):
        pitches_of(["cowbells"])
    notes = [Note(36, 0, 0.25), Note(42, 0, 0.25), Note(38, 1, 0.25), Note(70, 1.5, 0.25)]
    assert drums_keep(notes, ["kick", "snare"]) == [notes[0], notes[2]]
    assert drums_remove(notes, ["kick", "snare"]) == [notes[1], notes[3]]


# --- timing --------------------------------------------------------------------------------------
def test_quantize_pulls_by_strength_to_the_grid() -> None:
    notes = [Note(60, 0.1, 1.0), Note(62, 0.2, 1.0), Note(64, 1.55, 0.5)]
    assert [n.start_beats for n in run("quantize", notes, strength=0.5, grid=0.25)] == [0.05, 0.225, 1.525]
    assert [n.start_beats for n in run("quantize", notes, strength=1.0, grid=0.5)] == [0.0, 0.0, 1.5]
    assert [n.start_beats for n in run("quantize", notes, strength=0.0)] == [0.1, 0.2, 1.55]


def test_swing_times_by_hand() -> None:
    third = 1 / 3
    assert swing_time(0.5, 0.5, 1.0) == pytest.approx(0.5 + 0.5 * third)
    assert swing_time(0.25, 0.5, 1.0) == pytest.approx(0.25 * (0.5 + 0.5 * third) / 0.5)
    assert swing_time(0.75, 0.5, 1.0) == pytest.approx(2 / 3 + 0.25 * (1 - 2 / 3) / 0.5)
    assert swing_time(1.0, 0.5, 1.0) == pytest.approx(1.0)
    assert swing_time(1.5, 0.5, 1.0) == pytest.approx(1.5 + 0.5 * third)
    assert swing_time(0.25, 0.25, 0.5) == pytest.approx(0.25 + 0.5 * 0.25 / 3)
    notes = [Note(60, 0.0, 0.5), Note(62, 0.5, 0.5), Note(64, 1.0, 0.25), Note(65, 2.5, 0.0)]
    swung = run("swing", notes, amount=1.0)
    assert rows(swung) == [
        (60, 0.0, 0.666667, 100),
        (62, 0.666667, 0.333333, 100),
        (64, 1.0, 0.333333, 100),
        (65, 2.666667, 0.001, 100),
    ]
    sixteenths = run("swing", [Note(60, 0.25, 0.25)], amount=1.0, subdivision="16th")
    assert rows(sixteenths) == [(60, 0.333333, 0.166667, 100)]


def test_half_double_time_and_retrograde_by_hand() -> None:
    notes = [Note(60, 0.0, 1.0, 90), Note(64, 1.5, 0.5, 80), Note(67, 6.0, 3.0, 70)]
    half = transform("half_time", notes, make_options(8.0), 0)
    assert rows(half.notes) == [(60, 0.0, 2.0, 90), (64, 3.0, 1.0, 80), (67, 12.0, 6.0, 70)]
    assert half.length_beats == 16.0
    double = transform("double_time", notes, make_options(8.0), 0)
    assert rows(double.notes) == [
        (60, 0.0, 0.5, 90),
        (64, 0.75, 0.25, 80),
        (67, 3.0, 1.5, 70),
        (60, 4.0, 0.5, 90),
        (64, 4.75, 0.25, 80),
        (67, 7.0, 1.5, 70),
    ]
    assert double.length_beats == 8.0
    back = run("retrograde", notes)
    assert rows(back) == [(67, 0.0, 3.0, 70), (64, 6.0, 0.5, 80), (60, 7.0, 1.0, 90)]


def test_humanize_moves_by_the_amount_for_any_seed() -> None:
    notes = [Note(60, 1.0 + 0.5 * i, 0.25, 64) for i in range(400)]
    assert run("humanize", notes[::-1], amount=0.0) == notes[::-1]  # an exact copy, order kept
    for amount in (0.5, 1.0):
        moved = run("humanize", notes, length=400.0, seed=7, amount=amount)
        shifts = sorted(round(n.start_beats - 1.0, 6) % 0.5 for n in moved)
        offsets = [s if s < 0.25 else s - 0.5 for s in shifts]
        assert statistics.pstdev(offsets) == pytest.approx(0.06 * amount, rel=0.2)
        velocities = [n.velocity for n in moved]
        assert statistics.pstdev(velocities) == pytest.approx(12.0 * amount, rel=0.2)
        assert abs(statistics.mean(velocities) - 64) < 2.5 * amount
        assert all(n.start_beats == round(n.start_beats, 6) for n in moved)
    edge = run("humanize", [Note(60, 0.0, 0.25, 126), Note(60, 0.0, 0.25, 2)] * 50, seed=1, amount=1.0)
    assert all(n.start_beats >= 0.0 and 1 <= n.velocity <= 127 for n in edge)
    assert max(n.velocity for n in edge) == 127 and min(n.velocity for n in edge) == 1


# --- pitch ---------------------------------------------------------------------------------------
def test_fold_scale_and_diatonic_shift_by_hand() -> None:
    assert [fold(p) for p in (130, 127, 0, -5, 140)] == [118, 127, 0, 7, 116]
    scale = scale_pitches(C)
    assert scale[:8] == [0, 2, 4, 5, 7, 9, 11, 12] and scale[-1] == 127 and len(scale) == 75
    assert scale_pitches(Key(9, "Minor"))[:4] == [0, 2, 4, 5]
    assert [diatonic_shift(60, s, scale) for s in (1, 2, -1, -2, 7)] == [62, 64, 59, 57, 72]
    assert diatonic_shift(61, 1, scale) == 63  # C#: a semitone above C goes a semitone above D
    assert diatonic_shift(127, 1, scale) == 117  # past the top: an octave of the scale down
    assert diatonic_shift(0, -1, scale) == 11  # below the bottom: an octave up
    assert diatonic_shift(1, -1, scale) == 12


def test_clip_key_given_or_heard() -> None:
    assert clip_key([Note(60, 0, 1)], make_options(4, key="D dorian")) == Key(2, "Dorian")
    assert clip_key([], make_options(4)) == Key(0, "Major")
    a_minor = [
        Note(p, i * 0.5, 0.5) for i, p in enumerate([57, 60, 64, 69, 64, 60, 57, 52, 57, 59, 60, 62, 64, 57])
    ]
    assert clip_key(a_minor, make_options(8)).tonic == 9


def test_transpose_by_steps_semitones_and_to_a_tonic() -> None:
    notes = [Note(60, 0, 1), Note(65, 1, 1), Note(71, 2, 1), Note(125, 3, 1)]
    assert [n.pitch for n in run("transpose", notes, semitones=5)] == [65, 70, 76, 118]
    assert [n.pitch for n in run("transpose", notes, semitones=-3, steps=2, key="C major")] == [
        64,
        69,
        74,
        117,
    ]
    c = [Note(60, 0, 1), Note(64, 1, 1), Note(67, 2, 1)]
    assert [n.pitch for n in run("transpose", c, to="E", key="C major")] == [64, 68, 71]
    assert [n.pitch for n in run("transpose", c, to="Ab", key="C major")] == [56, 60, 63]
    assert [n.pitch for n in run("transpose", c, to="F#", key="C major")] == [66, 70, 73]
    with pytest.raises(
        InvalidValue, match=r"^transpose to 'H' is not a note name or a key: expected e.g. E, Bb"
    ):
        run("transpose", c, to="H", key="C major")


def test_transpose_to_a_key_with_a_mode_moves_each_degree_into_that_mode() -> None:
    c_major = [Note(p, i, 1) for i, p in enumerate([60, 62, 64, 65, 67, 69, 71])]
    a_minor = [57, 59, 60, 62, 64, 65, 67]  # the nearest tonic (down 3), then the minor's degrees
    assert [n.pitch for n in run("transpose", c_major, to="A minor", key="C major")] == a_minor
    assert [n.pitch for n in run("transpose", c_major, to="a minor", key="C")] == a_minor
    triad = [Note(60, 0, 1), Note(64, 1, 1), Note(67, 2, 1), Note(61, 3, 1)]  # C E G and a C#
    assert [n.pitch for n in run("transpose", triad, to="D dorian", key="C major")] == [62, 65, 69, 63]
    assert [n.pitch for n in run("transpose", triad, to="C minor", key="C major")] == [60, 63, 67, 61]
    assert [n.pitch for n in run("transpose", triad, to="E", key="C major")][:3] == [64, 68, 71]  # tonic only
    assert [n.pitch for n in run("transpose", triad, to="E major", key="C major")][:3] == [64, 68, 71]
    # a scale of another size: each note to the nearest tone of it (E between Eb and F: the lower)
    assert [n.pitch for n in run("transpose", triad, to="C minor pentatonic", key="C major")][:3] == [
        60,
        63,
        67,
    ]
    heard = [
        Note(p, i * 0.5, 0.5) for i, p in enumerate([57, 60, 64, 69, 64, 60, 57, 52, 57, 59, 60, 62, 64, 57])
    ]
    assert {n.pitch % 12 for n in run("transpose", heard, length=8.0, to="A major")} <= {9, 11, 1, 2, 4, 6, 8}


def test_invert_around_a_pivot_in_scale_steps_or_semitones() -> None:
    notes = [Note(60, 0, 1), Note(67, 1, 1), Note(61, 2, 1), Note(64, 3, 1)]
    assert [n.pitch for n in run("invert", notes, pivot=64, key="C major")] == [67, 60, 67, 64]
    assert [n.pitch for n in run("invert", notes, pivot=63, key="C major")] == [66, 59, 65, 62]
    assert [n.pitch for n in run("invert", notes, key="C major")] == [60, 53, 59, 57]  # pivot: the first note
    late_low = [Note(72, 1, 1), Note(60, 1, 1), Note(62, 2, 1)]
    assert [n.pitch for n in run("invert", late_low, key="C major")] == [48, 60, 59]  # first: lowest at t=1
    assert [n.pitch for n in run("invert", [Note(0, 0, 1), Note(127, 1, 1)], pivot=120, key="C major")] == [
        127,
        113,
    ]
    assert run("invert", [], key="C major") == []


def test_groups_by_onset_within_a_64th() -> None:
    notes = [Note(64, 1.0, 1), Note(60, 0.0, 1), Note(67, 1.01, 1), Note(62, 1.02, 1)]
    assert [[n.pitch for n in g] for g in groups(notes)] == [[60], [64, 67], [62]]


def test_voicings_by_hand() -> None:
    assert _voicing([48, 64, 67, 72], "close", None) == [48, 52, 55]
    assert _voicing([48, 64, 67, 72], "open", None) == [48, 52, 67]
    assert _voicing([48, 52, 55, 58], "open", None) == [48, 52, 58, 67]
    # drop-2 of C7 over its C: the close voicing above the bass is E3 G3 Bb3; its second-highest (G)
    # sounds an octave below the others, all above the kept bass: C3 G3 E4 Bb4.
    assert _voicing([48, 52, 55, 58], "drop2", None) == [48, 55, 64, 70]
    # Cmaj9 over C: close D3 E3 G3 B3 above C3; G drops below the rest: C3 G3 D4 E4 B4.
    assert _voicing([48, 50, 52, 55, 59], "drop2", None) == [48, 55, 62, 64, 71]
    assert _voicing([48, 52, 55, 58], "drop2", None) != _voicing([48, 52, 55, 58], "close", None)
    assert _voicing([48, 60, 67], "drop2", None) == [48, 55]  # one voice above the bass: nothing to drop
    assert _voicing([48, 52, 55, 58], "smooth", None) == [48, 52, 55, 58]
    assert _voicing([41, 65, 69, 72], "smooth", [52, 55]) == [41, 48, 57]
    assert _voicing([60, 76, 79], "smooth", [30, 30]) == [60]  # nothing above the bass near 30


def test_a_chord_of_one_pitch_class_voices_the_bass_and_its_octave() -> None:
    # C2 C3 C4: the only voice above the bass is its pitch class, an octave up, never the bass again.
    for style in ("close", "open", "drop2"):
        assert _voicing([36, 48, 60], style, None) == [36, 48]
    assert _voicing([0, 12, 24], "close", None) == [0, 12]
    octaves = [Note(36, 0.0, 1.0, 90), Note(48, 0.0, 1.0, 80), Note(60, 0.0, 1.0, 70)]
    out = run("revoice", octaves, style="close")
    assert rows(out) == [(36, 0.0, 1.0, 90), (48, 0.0, 1.0, 80)]


def test_revoice_keeps_onsets_lengths_and_maps_velocities() -> None:
    chord1 = [Note(48, 0.0, 2.0, 100), Note(64, 0.0, 2.0, 90), Note(67, 0.0, 2.0, 80), Note(72, 0.0, 2.0, 70)]
    chord2 = [Note(41, 4.0, 1.0, 60), Note(65, 4.0, 1.0, 61), Note(69, 4.0, 1.0, 62), Note(72, 4.0, 1.0, 63)]
    pair = [Note(36, 6.0, 1.0, 50), Note(40, 6.0, 1.0, 51)]
    out = run("revoice", chord1 + chord2 + pair, style="smooth")
    assert rows(out) == [
        (48, 0.0, 2.0, 100),
        (52, 0.0, 2.0, 90),
        (55, 0.0, 2.0, 80),
        (41, 4.0, 1.0, 60),
        (48, 4.0, 1.0, 61),
        (57, 4.0, 1.0, 62),
        (36, 6.0, 1.0, 50),
        (40, 6.0, 1.0, 51),
    ]
    opened = run("revoice", [Note(48, 0, 1, 1), Note(52, 0, 1, 2), Note(55, 0, 1, 3)], style="open")
    assert rows(opened) == [(48, 0.0, 1.0, 1), (52, 0.0, 1.0, 2), (67, 0.0, 1.0, 3)]


def test_vary_keep_rhythm_moves_amount_of_the_notes_by_one_or_two_scale_steps() -> None:
    notes = [Note([60, 62, 64, 65, 67, 69, 71][i % 7], i * 0.5, 0.5, 90) for i in range(200)]
    assert run("vary", notes, length=100.0, amount=0.0, key="C major") == notes
    scale = scale_pitches(C)
    for amount in (0.3, 1.0):
        out = run("vary", notes, length=100.0, seed=5, amount=amount, key="C major")
        assert [(n.start_beats, n.duration_beats, n.velocity) for n in out] == [
            (n.start_beats, n.duration_beats, n.velocity) for n in notes
        ]
        moved = [(a.pitch, b.pitch) for a, b in zip(notes, out, strict=True) if a.pitch != b.pitch]
        assert all(b in {diatonic_shift(a, s, scale) for s in (-2, -1, 1, 2)} for a, b in moved)
        assert len(moved) / len(notes) == pytest.approx(amount, abs=0.1)
        steps = {scale.index(b) - scale.index(a) for a, b in moved}
        assert steps == {-2, -1, 1, 2}


def test_vary_keep_pitches_moves_onsets_between_their_neighbours() -> None:
    notes = [Note(60 + i, float(i), 1.0, 90) for i in range(8)]
    assert run("vary", notes, amount=0.0, keep="pitches") == notes
    for seed in range(20):
        out = run("vary", notes, seed=seed, amount=1.0, keep="pitches", grid=0.25)
        assert [n.pitch for n in out] == [n.pitch for n in notes]  # the order of the pitches stays
        starts = [n.start_beats for n in out]
        assert starts == sorted(starts) and len(set(starts)) == 8
        assert all(s % 0.25 == 0 for s in starts) and starts != [n.start_beats for n in notes]
        # each onset lands after the (moved) one before and before where the next one was; it
        # sounds at most as long as before, up to where the next one was
        was = [float(i + 1) for i in range(7)] + [8.0]
        assert all(s < was[i] and (i == 0 or starts[i - 1] < s) for i, s in enumerate(starts))
        assert [n.duration_beats for n in out] == [min(1.0, w - s) for s, w in zip(starts, was, strict=True)]
    moved = [run("vary", notes, seed=s, amount=0.5, keep="pitches") for s in range(40)]
    share = (
        sum(a.start_beats != b.start_beats for out in moved for a, b in zip(notes, out, strict=True)) / 320
    )
    assert 0.3 < share < 0.7


# --- texture -------------------------------------------------------------------------------------
def test_metric_strength_by_hand() -> None:
    assert [_strength(t, 4.0) for t in (0.0, 4.0, 2.0, 1.0, 3.0, 0.5, 0.25, 0.125)] == [
        1.0,
        1.0,
        0.75,
        0.6,
        0.6,
        0.4,
        0.25,
        0.1,
    ]
    assert [_strength(t, 3.0) for t in (3.0, 2.0, 1.0)] == [1.0, 0.75, 0.6]


def test_density_thins_weak_beats_first_and_fills_strong_lines_first() -> None:
    eighths = [Note(60, i * 0.5, 0.5, 90) for i in range(8)]
    assert run("density", eighths, length=4.0, amount=0.5) == eighths
    assert [n.start_beats for n in run("density", eighths, length=4.0, amount=0.0)] == [0.0, 2.0]
    for seed in range(10):
        kept = [n.start_beats for n in run("density", eighths, length=4.0, seed=seed, amount=0.25)]
        assert len(kept) == 5 and {0.0, 1.0, 2.0, 3.0} <= set(kept)
    assert run("density", [Note(60, 0.5, 0.5)], length=4.0, amount=0.0) == [Note(60, 0.5, 0.5)]
    assert run("density", [], length=4.0, amount=0.0) == []
    quarters = [Note(60, 0.0, 1.0, 90), Note(62, 1.0, 1.0, 5), Note(64, 2.0, 0.2, 90), Note(65, 3.0, 1.0, 90)]
    dense = run("density", quarters, length=4.0, amount=1.0, grid=0.25)
    assert rows(dense) == [
        (60, 0.0, 1.0, 90),
        (60, 0.5, 0.25, 78),
        (62, 1.0, 1.0, 5),
        (62, 1.5, 0.25, 1),
        (64, 2.0, 0.2, 90),
        (64, 2.5, 0.2, 78),
        (65, 3.0, 1.0, 90),
        (65, 3.5, 0.25, 78),
    ]
    for seed in range(10):
        some = run("density", quarters, length=4.0, seed=seed, amount=0.75, grid=0.25)
        added = [n.start_beats for n in some if n not in quarters]
        assert len(added) == 2 and set(added) <= {0.5, 1.5, 2.5, 3.5}
    late = [Note(60, 2.0, 1.0, 90)]
    assert rows(run("density", late, length=4.0, amount=1.0, grid=1.0)) == [
        (60, 0.0, 1.0, 78),
        (60, 2.0, 1.0, 90),
    ]


def test_drum_fill_down_the_toms_keeping_the_kick() -> None:
    notes = drum_bar(2)
    seeds = {0: None, 1: None}
    for seed in range(12):
        out = run("fill", notes, length=8.0, seed=seed, beats=2.0)
        before = [n for n in out if n.start_beats < 6.0]
        assert before == sorted(
            [n for n in notes if n.start_beats < 6.0], key=lambda n: (n.start_beats, n.pitch)
        )
        kicks = [n for n in out if n.start_beats >= 6.0 and n.pitch == 36]
        assert kicks == [n for n in notes if n.start_beats >= 6.0 and n.pitch == 36]
        fill = sorted(
            (n for n in out if n.start_beats >= 6.0 and n not in kicks), key=lambda n: n.start_beats
        )
        assert [n.start_beats for n in fill] == [6.0 + 0.25 * i for i in range(8)]
        assert [n.velocity for n in fill] == [70, 76, 82, 88, 95, 101, 107, 113]
        assert all(n.duration_beats == 0.25 for n in fill)
        pitches = [n.pitch for n in fill]
        down = [38, 38, 50, 48, 47, 45, 43, 41]
        snare_every_other = [38, 38, 38, 48, 38, 45, 38, 41]
        assert pitches in (down, snare_every_other)
        seeds[pitches == down] = seed
    assert None not in seeds.values()  # both fills are written, by chance


def test_pitched_fill_runs_up_the_scale_to_the_tonic() -> None:
    notes = [Note(60, 0.0, 2.0, 80), Note(64, 4.0, 4.0, 80), Note(67, 6.5, 0.5, 80)]
    out = run("fill", notes, length=8.0, beats=2.0, key="C major")
    assert rows(out) == [
        (60, 0.0, 2.0, 80),
        (64, 4.0, 2.0, 80),
        (60, 6.0, 0.25, 90),
        (62, 6.25, 0.25, 90),
        (64, 6.5, 0.25, 90),
        (65, 6.75, 0.25, 90),
        (67, 7.0, 0.25, 90),
        (69, 7.25, 0.25, 90),
        (71, 7.5, 0.25, 90),
        (72, 7.75, 0.25, 90),
    ]
    short = run("fill", [Note(74, 0.0, 1.0)], length=4.0, beats=1.0, key="C major")
    assert [n.pitch for n in short] == [74, 79, 81, 83, 84]
    empty = run("fill", [], length=4.0, beats=0.5, key="G major")
    assert rows(empty) == [(66, 3.5, 0.25, 90), (67, 3.75, 0.25, 90)]


def test_pitched_ornaments_passing_tones_and_grace_notes() -> None:
    thirds = [Note(60, 0.0, 1.0, 90), Note(64, 1.0, 1.0, 90), Note(60, 2.0, 0.5, 90)]
    out = run("ornament", thirds, length=4.0, amount=1.0, key="C major")
    assert rows(out) == [
        (60, 0.0, 0.5, 90),
        (62, 0.5, 0.5, 80),
        (64, 1.0, 0.5, 90),
        (62, 1.5, 0.5, 80),
        (60, 2.0, 0.5, 90),
    ]
    assert run("ornament", thirds, length=4.0, amount=0.0, key="C major") == thirds
    close = [Note(60, 0.0, 0.25, 90), Note(64, 0.25, 0.25, 90)]  # a third, but too close for a passing tone
    assert all(
        n.pitch != 62 or n.duration_beats == 0.125 for n in run("ornament", close, amount=1.0, key="C major")
    )
    leaps = [Note(60 + 7 * (i % 2), 1.0 + i, 0.5, 90) for i in range(200)]
    graces = []
    for seed in range(3):
        out = run("ornament", leaps, length=210.0, seed=seed, amount=1.0, key="C major")
        added = [n for n in out if n not in leaps]
        graces += added
        for g in added:
            main = next(n for n in leaps if n.start_beats == g.start_beats + 0.125)
            assert (g.pitch, g.duration_beats, g.velocity) == (
                diatonic_shift(main.pitch, 1, scale_pitches(C)),
                0.125,
                70,
            )
    assert len(graces) / (3 * 199) == pytest.approx(0.5, abs=0.08)


def test_drum_ornaments_are_flams_half_as_loud_a_sixteenth_before() -> None:
    notes = drum_bar(8)
    assert run("ornament", notes, length=32.0, amount=0.0) == sorted(
        notes, key=lambda n: (n.start_beats, n.pitch)
    )
    for amount in (0.5, 1.0):
        out = run("ornament", notes, length=32.0, seed=4, amount=amount)
        flams = [n for n in out if n not in notes]
        assert len(flams) / (len(notes) - 3) == pytest.approx(amount / 2, abs=0.08)
        for f in flams:
            hit = next(n for n in notes if n.pitch == f.pitch and n.start_beats == f.start_beats + 0.0625)
            assert (f.duration_beats, f.velocity) == (0.0625, hit.velocity // 2)
        assert all(f.start_beats >= 0.0 for f in flams)


# --- what the first mutation run left alive --------------------------------------------------
def test_the_chance_transforms_repeat_for_a_seed_and_differ_between_seeds() -> None:
    melody = [Note([60, 64, 62, 67, 65, 69, 71, 72][i % 8], i * 0.5, 0.5, 90) for i in range(32)]
    drums = drum_bar(2)
    for kind, notes, options in (
        ("vary", melody, {"amount": 0.5, "key": "C major"}),
        ("ornament", melody, {"amount": 1.0, "key": "C major"}),
        ("ornament", drums, {"amount": 1.0}),
    ):
        once = [run(kind, notes, length=16.0, seed=s, **options) for s in range(6)]
        assert once == [run(kind, notes, length=16.0, seed=s, **options) for s in range(6)], kind
        assert len({tuple(rows(o)) for o in once}) > 1, kind
    fills = {tuple(rows(run("fill", drums, seed=s, beats=2.0))) for s in range(12)}
    assert len(fills) == 2 and fills == {
        tuple(rows(run("fill", drums, seed=s, beats=2.0))) for s in range(12)
    }


def test_density_keeps_one_of_two_and_copies_the_first_note_before_it() -> None:
    two = [Note(60, 0.5, 0.5, 90), Note(62, 2.0, 0.5, 90)]
    assert rows(run("density", two, length=4.0, amount=0.0)) == [(62, 2.0, 0.5, 90)]
    late = [Note(60, 2.0, 1.0, 90), Note(64, 3.0, 1.0, 80)]
    assert rows(run("density", late, length=4.0, amount=1.0, grid=1.0)) == [
        (60, 0.0, 1.0, 78),
        (60, 1.0, 1.0, 78),
        (60, 2.0, 1.0, 90),
        (64, 3.0, 1.0, 80),
    ]


def test_flams_of_soft_odd_and_sixteenth_late_hits() -> None:
    hits = [Note(36 + i % 3, 0.0625, 0.25, 1 + 2 * (i % 3)) for i in range(30)]
    hits += [Note(42, 0.0625 + 0.001 * i, 0.25, 111) for i in range(30)]
    out = run("ornament", hits, length=4.0, seed=2, amount=1.0)
    flams = [n for n in out if n not in hits]
    assert flams and all(f.start_beats == 0.0 or f.pitch == 42 for f in flams)
    assert {(f.pitch, f.velocity) for f in flams if f.pitch != 42} <= {(36, 1), (37, 1), (38, 2)}
    assert {f.velocity for f in flams if f.pitch == 42} == {55}
    assert all(isinstance(f.velocity, int) for f in flams)


def test_fills_keep_both_kicks_and_find_the_tonic_from_the_last_note_before() -> None:
    kicks = [*drum_bar(2), Note(35, 7.0, 0.25, 100)]
    out = run("fill", kicks, length=8.0, beats=2.0)
    assert {(n.pitch, n.start_beats) for n in out if n.pitch in (35, 36) and n.start_beats >= 6.0} == {
        (35, 7.0),
        (36, 6.0),
    }
    at_start = [Note(60, 0.0, 1.0), Note(80, 6.0, 1.0)]
    # the last note before the fill is 60, not the 80 at its start: the run rises to C4
    assert [n.pitch for n in run("fill", at_start, length=8.0, beats=2.0, key="C major")][1:] == [
        48,
        50,
        52,
        53,
        55,
        57,
        59,
        60,
    ]
    f_major = [Note(65, 0.0, 1.0)]
    assert [n.pitch for n in run("fill", f_major, length=4.0, beats=1.0, key="F major")][1:] == [
        60,
        62,
        64,
        65,
    ]
    high = [Note(125, 0.0, 1.0)]  # no C at or above it: the run ends on the last note itself
    assert [n.pitch for n in run("fill", high, length=4.0, beats=1.0, key="C major")][1:] == [
        120,
        122,
        124,
        125,
    ]


def test_percussion_stops_at_midi_127() -> None:
    assert max(pitches_of(["percussion"])) == 127


def test_transpose_to_reads_the_clips_key_given_or_heard() -> None:
    d = [Note(62, 0, 1), Note(66, 1, 1), Note(69, 2, 1)]
    assert [n.pitch for n in run("transpose", d, to="E", key="D major")] == [64, 68, 71]
    assert [n.pitch for n in run("transpose", d, to="C", key="E major")] == [58, 62, 65]  # C is 4 below E
    assert [n.pitch for n in run("transpose", d, to="G", key="C major")] == [57, 61, 64]  # 7 up is 5 down
    c_tune = [Note(p, i * 0.5, 0.5) for i, p in enumerate([60, 62, 64, 65, 67, 65, 64, 62, 60, 67, 72, 60])]
    assert [n.pitch for n in run("transpose", c_tune, to="D")][:3] == [62, 64, 66]
    assert [n.pitch for n in run("transpose", c_tune, steps=1)][:4] == [62, 64, 65, 67]


def test_invert_clamps_at_the_bottom_of_the_scale() -> None:
    assert [n.pitch for n in run("invert", [Note(2, 0, 1), Note(127, 1, 1)], pivot=2, key="C major")] == [
        2,
        0,
    ]


def test_close_voicing_above_a_bass_that_is_not_c() -> None:
    assert _voicing([50, 66, 69], "close", None) == [50, 54, 57]
    assert _voicing([28, 47, 59], "smooth", [40, 43]) == [28, 47]


def test_revoice_goes_on_after_a_pair_and_takes_the_lowest_notes_length() -> None:
    pair = [Note(36, 0.0, 1.0, 50), Note(40, 0.0, 1.0, 51)]
    chord = [Note(36, 2.0, 1.5, 100), Note(64, 2.0, 0.5, 90), Note(67, 2.0, 0.25, 80)]
    follow = [Note(28, 4.0, 1.0, 70), Note(47, 4.0, 1.0, 71), Note(59, 4.0, 1.0, 72)]
    out = run("revoice", pair + chord + follow, style="smooth")
    assert rows(out) == [
        (36, 0.0, 1.0, 50),
        (40, 0.0, 1.0, 51),
        (36, 2.0, 1.5, 100),
        (40, 2.0, 1.5, 90),
        (43, 2.0, 1.5, 80),
        (28, 4.0, 1.0, 70),
        (47, 4.0, 1.0, 71),
    ]


def test_vary_moves_onsets_anywhere_between_the_neighbours() -> None:
    notes = [Note(60 + i, float(i), 1.0, 90) for i in range(1, 8)]
    first_starts, later, right_after = set(), False, False
    for seed in range(60):
        out = run("vary", notes, seed=seed, amount=1.0, keep="pitches", grid=0.25)
        first_starts.add(out[0].start_beats)
        later |= any(n.start_beats > w.start_beats for n, w in zip(out, notes, strict=True))
        starts = [n.start_beats for n in out]
        right_after |= any(b - a == 0.25 for a, b in itertools.pairwise(starts))
    assert {0.0, 0.25, 1.5, 1.75} <= first_starts  # from the clip's start up to just before the next
    assert later and right_after
