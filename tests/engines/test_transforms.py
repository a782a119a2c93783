"""Each transform's defining property, judged on its output (and on a file written and read back)."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from engines.errors import InvalidValue
from engines.generators import generate
from engines.music import Key, MusicalContext, Note
from engines.symbolic import read_tracks, write_tracks
from engines.symbolic.midi_in import MidiTrack, MidiTracks
from engines.transforms import KINDS, make_options, transform
from engines.transforms.drum_voices import VOICES

CTX = MusicalContext(key=Key(9, "Minor"), genre="rock", bars=8)
LENGTH = CTX.length_beats


def part(name: str, seed: int = 1) -> list[Note]:
    return generate(name, CTX, density=0.7, complexity=0.6, seed=seed)


def run(kind: str, notes: list[Note], seed: int = 3, **options: Any) -> list[Note]:
    return transform(kind, notes, make_options(LENGTH, **options), seed).notes


def test_half_time_doubles_every_onset_and_the_clip() -> None:
    melody = part("melody")
    result = transform("half_time", melody, make_options(LENGTH), 0)
    assert result.length_beats == 2 * LENGTH
    assert sorted(n.start_beats for n in result.notes) == sorted(2 * n.start_beats for n in melody)


def test_double_time_halves_onsets_and_repeats_to_keep_the_length() -> None:
    bass = part("bass")
    out = run("double_time", bass)
    first = sorted(n.start_beats for n in out if n.start_beats < LENGTH / 2)
    assert first == sorted(n.start_beats / 2 for n in bass) and len(out) == 2 * len(bass)


@pytest.mark.parametrize("name", ["drums", "bass", "chords", "melody"])
def test_humanize_zero_is_an_exact_copy_and_more_moves_notes(name: str) -> None:
    notes = part(name)
    assert run("humanize", notes, amount=0.0) == notes
    moved = run("humanize", notes, amount=1.0)
    assert len(moved) == len(notes) and moved != sorted(notes, key=lambda n: (n.start_beats, n.pitch))


@pytest.mark.parametrize("name", ["drums", "melody", "chords"])
def test_density_is_monotonic_in_amount(name: str) -> None:
    notes = part(name)
    counts, sets = [], []
    for amount in (0.0, 0.2, 0.4, 0.5, 0.6, 0.8, 1.0):
        out = run("density", notes, amount=amount)
        counts.append(len(out))
        sets.append({n.as_tuple() for n in out})
    assert counts == sorted(counts) and counts[0] < len(notes) < counts[-1]
    assert counts[3] == len(notes)
    assert all(a <= b for a, b in pairwise(sets))  # each amount keeps every note of the one below


@pytest.mark.parametrize("semitones", [-7, 3, 12])
def test_transpose_keeps_every_interval(semitones: int) -> None:
    melody = part("melody")
    out = run("transpose", melody, semitones=semitones)
    assert [n.pitch - m.pitch for n, m in zip(out, melody, strict=True)] == [semitones] * len(melody)
    assert [(n.start_beats, n.duration_beats) for n in out] == [
        (m.start_beats, m.duration_beats) for m in melody
    ]


def test_diatonic_transpose_stays_in_the_scale() -> None:
    melody = part("melody")
    scale = CTX.key.pitch_classes
    out = run("transpose", [n for n in melody if n.pitch % 12 in scale], steps=2, key="A minor")
    assert all(n.pitch % 12 in scale for n in out)
    assert any(n.pitch - m.pitch in (3, 4) for n, m in zip(out, melody, strict=False))
    assert {n.pitch % 12 for n in run("transpose", melody, to="C", key="A minor")} <= {
        (pc + 3) % 12 for pc in range(12)
    }


@pytest.mark.parametrize(
    ("voices", "gone"),
    [
        ("hats", {42, 44, 46}),
        ("kick,snare", {35, 36, 37, 38, 40}),
        ("open", {46}),
        ("toms,cymbals", {41, 43, 45, 47, 48, 49, 50, 52, 55, 57}),
    ],
)
def test_drums_remove_leaves_no_note_of_the_removed_voices_and_nothing_else_goes(
    voices: str, gone: set[int]
) -> None:
    kit = part("drums") + [Note(p, 0.0, 0.25) for p in (44, 46, 41, 49, 51)]
    out = run("drums_remove", kit, voices=voices)
    assert not any(n.pitch in gone for n in out)
    assert out == sorted((n for n in kit if n.pitch not in gone), key=lambda n: (n.start_beats, n.pitch))
    kept = run("drums_keep", kit, voices=voices)
    assert kept and all(n.pitch in gone for n in kept)


def test_swing_delays_only_the_off_beats_by_a_third_at_full_amount() -> None:
    straight = [Note(60, i * 0.5, 0.25) for i in range(8)]
    out = run("swing", straight, amount=1.0)
    assert [n.start_beats for n in out[0::2]] == [0.0, 1.0, 2.0, 3.0]
    assert [round(n.start_beats, 4) for n in out[1::2]] == [0.6667, 1.6667, 2.6667, 3.6667]
    sixteenths = run("swing", straight, amount=0.0, subdivision="16th")
    assert sixteenths == straight


def test_quantize_strength_moves_part_of_the_way() -> None:
    loose = [Note(60, 1.1, 0.5), Note(62, 1.9, 0.5)]
    assert [n.start_beats for n in run("quantize", loose, strength=1.0, grid=0.5)] == [1.0, 2.0]
    assert [n.start_beats for n in run("quantize", loose, strength=0.5, grid=0.5)] == [1.05, 1.95]


def test_retrograde_and_invert_mirror() -> None:
    line = [Note(60, 0.0, 1.0), Note(64, 1.0, 1.0), Note(67, 2.0, 2.0)]
    back = transform("retrograde", line, make_options(4.0), 0).notes
    assert [(n.pitch, n.start_beats) for n in back] == [(67, 0.0), (64, 2.0), (60, 3.0)]
    inverted = transform("invert", line, make_options(4.0, key="C major"), 0).notes
    assert [n.pitch for n in inverted] == [60, 57, 53]  # a third and a fifth down, in C major


def test_revoice_keeps_bass_and_pitch_classes_of_every_chord() -> None:
    chords = part("chords")
    for style in ("smooth", "close", "open", "drop2"):
        out = run("revoice", chords, style=style)
        for start in {n.start_beats for n in chords}:
            before = [n.pitch for n in chords if n.start_beats == start]
            after = [n.pitch for n in out if n.start_beats == start]
            if len(before) >= 3:
                assert min(after) == min(before) and {p % 12 for p in after} == {p % 12 for p in before}


def test_vary_keeps_what_it_is_asked_to_keep() -> None:
    melody = part("melody")
    new_pitches = run("vary", melody, amount=0.8, keep="rhythm")
    assert [n.start_beats for n in new_pitches] == [n.start_beats for n in melody]
    assert [n.pitch for n in new_pitches] != [n.pitch for n in melody]
    new_rhythm = run("vary", melody, amount=0.8, keep="pitches")
    assert [n.pitch for n in new_rhythm] == [n.pitch for n in melody]
    assert [n.start_beats for n in new_rhythm] != [n.start_beats for n in melody]


def test_fill_rewrites_only_the_end_of_the_clip() -> None:
    kit = part("drums")
    out = run("fill", kit, beats=2.0)
    early = sorted((n for n in kit if n.start_beats < LENGTH - 2), key=lambda n: (n.start_beats, n.pitch))
    assert [n for n in out if n.start_beats < LENGTH - 2] == early
    tail = [n for n in out if n.start_beats >= LENGTH - 2 and n.pitch not in (35, 36)]
    assert len(tail) == 8 and {n.pitch for n in tail} & set(VOICES["toms"])


def test_ornament_adds_notes_and_keeps_the_originals_onsets() -> None:
    melody = part("melody")
    out = run("ornament", melody, amount=1.0)
    assert len(out) > len(melody) and {n.start_beats for n in melody} <= {n.start_beats for n in out}


def test_every_kind_runs_on_every_part_and_bad_options_are_named() -> None:
    for kind in KINDS:
        for name in ("drums", "bass", "chords", "melody"):
            options: dict[str, Any] = {"voices": "hats"} if kind.startswith("drums") else {}
            out = run(kind, part(name), **options)
            assert all(0 <= n.pitch <= 127 and n.start_beats >= 0 for n in out), (kind, name)
    with pytest.raises(InvalidValue, match="'wobble'"):
        transform("wobble", [], make_options(4.0))
    with pytest.raises(InvalidValue, match="'cowbells'"):
        run("drums_remove", part("drums"), voices="cowbells")
    with pytest.raises(InvalidValue, match=r"amount 1\.5"):
        make_options(4.0, amount=1.5)


def test_a_file_round_trip_keeps_channels_and_notes(tmp_path: Path) -> None:
    song = MidiTracks(96.0, (4, 4), CTX.key, (MidiTrack("beat", 9, tuple(part("drums"))),), LENGTH)
    write_tracks(tmp_path / "in.mid", song)
    back = read_tracks(tmp_path / "in.mid")
    assert back.tracks[0].is_drums and back.tempo_bpm == 96.0
    distinct = {(n.pitch, round(n.start_beats * 480)) for n in song.tracks[0].notes}
    assert {(n.pitch, round(n.start_beats * 480)) for n in back.tracks[0].notes} == distinct
