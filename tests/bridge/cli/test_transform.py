"""roo transform, roo analyze FILE.mid and roo generate --chords-from: the contracts, judged on files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bridge import protocol
from bridge.cli import main
from engines.music import Note
from engines.symbolic import read_tracks
from engines.symbolic.midi_in import MidiTrack, MidiTracks, write_tracks
from engines.transforms import KINDS, OPTION_TYPES


def write_song(tmp_path: Path) -> Path:
    assert main(["generate", "all", "--bars", "4", "--key", "A minor", "--seed", "2", "--genre", "rock",
                 "--out", str(tmp_path / "all.mid")]) == 0  # fmt: skip
    return tmp_path / "all.mid"


def notes_of(path: Path) -> dict[str, list[tuple[int, float, float, int]]]:
    return {
        t.name: [(n.pitch, n.start_beats, n.duration_beats, n.velocity) for n in t.notes]
        for t in read_tracks(path).tracks
    }


def test_transpose_semitones_shifts_every_pitched_note(tmp_path: Path) -> None:
    src = write_song(tmp_path)
    assert (
        main(["transform", "transpose", str(src), "--out", str(tmp_path / "t.mid"), "--semitones", "3"]) == 0
    )
    before, after = notes_of(src), notes_of(tmp_path / "t.mid")
    for name in ("bass", "chords", "melody"):
        assert [(p + 3, s, d, v) for p, s, d, v in before[name]] == after[name]
    assert after["drums"] == before["drums"]  # a drum map is not transposed


def test_humanize_zero_is_an_exact_copy(tmp_path: Path) -> None:
    src = write_song(tmp_path)
    assert main(["transform", "humanize", str(src), "--out", str(tmp_path / "h.mid"), "--amount", "0"]) == 0
    assert notes_of(tmp_path / "h.mid") == notes_of(src)


def test_drums_remove_hats_removes_closed_pedal_and_open_hats_and_nothing_else(tmp_path: Path) -> None:
    kit = tuple(Note(p, i * 0.5, 0.25) for i, p in enumerate((36, 42, 38, 44, 46, 49, 51, 45)))
    hits = (MidiTrack("kit", 9, kit),)
    src = tmp_path / "kit.mid"
    write_tracks(src, MidiTracks(120.0, (4, 4), None, hits, 4.0))
    assert (
        main(["transform", "drums_remove", str(src), "--out", str(tmp_path / "k.mid"), "--voices", "hats"])
        == 0
    )
    assert [p for p, *_ in notes_of(tmp_path / "k.mid")["kit"]] == [36, 38, 49, 51, 45]


def test_half_time_doubles_onsets(tmp_path: Path) -> None:
    src = write_song(tmp_path)
    assert main(["transform", "half_time", str(src), "--out", str(tmp_path / "x.mid")]) == 0
    before, after = notes_of(src), notes_of(tmp_path / "x.mid")
    for name in before:
        assert sorted(round(s, 3) for _, s, _, _ in after[name]) == sorted(
            round(2 * s, 3) for _, s, _, _ in before[name]
        )


def test_analyze_a_midi_file_gives_the_audio_fields(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = write_song(tmp_path)
    capsys.readouterr()
    assert main(["analyze", str(src), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["backend"] == "midi" and data["key"] == "A minor" and data["time_signature"] == [4, 4]
    assert data["tempo_bpm"] == read_tracks(src).tempo_bpm and data["chords"]


def test_generate_follows_the_chords_of_a_file(tmp_path: Path) -> None:
    assert main(["generate", "chords", "--key", "E minor", "--genre", "pop", "--seed", "4", "--bars", "4",
                 "--out", str(tmp_path / "c.mid")]) == 0  # fmt: skip
    assert main(["generate", "bass", "--chords-from", str(tmp_path / "c.mid"), "--bars", "4", "--seed", "0",
                 "--out", str(tmp_path / "b.mid")]) == 0  # fmt: skip
    chords = read_tracks(tmp_path / "c.mid").tracks[0].notes
    bass = read_tracks(tmp_path / "b.mid").tracks[0].notes
    sounding = [
        {
            c.pitch % 12
            for c in chords
            if c.start_beats <= n.start_beats + 0.01 < c.start_beats + c.duration_beats
        }
        for n in bass
    ]
    in_chord = sum(1 for n, pcs in zip(bass, sounding, strict=True) if n.pitch % 12 in pcs)
    assert in_chord >= 0.8 * len(bass)


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["wobble"], "'wobble'"),
        (["drums_remove"], "needs --voices"),
        (["swing", "--amount", "3"], "amount 3.0"),
    ],
)
def test_bad_transforms_are_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], named: str
) -> None:
    src = write_song(tmp_path)
    assert main(["transform", args[0], str(src), "--out", str(tmp_path / "o.mid"), *args[1:]]) == 2
    assert named in capsys.readouterr().err


def test_density_on_a_file_is_monotonic(tmp_path: Path) -> None:
    src = write_song(tmp_path)
    counts = []
    for amount in ("0", "0.3", "0.5", "0.7", "1"):
        out = tmp_path / f"d{amount}.mid"
        assert (
            main(["transform", "density", str(src), "--out", str(out), "--amount", amount, "--seed", "3"])
            == 0
        )
        counts.append(sum(len(notes) for notes in notes_of(out).values()))
    assert counts == sorted(counts) and counts[0] < counts[2] < counts[-1]
    assert counts[2] == sum(len(notes) for notes in notes_of(src).values())


def test_the_protocol_names_every_kind_and_option_the_engine_takes() -> None:
    assert protocol.TRANSFORM_KINDS == tuple(KINDS)
    own = {"track", "slot", "replace", "seed", "arrangement"}  # where the clip is, not how it changes
    assert {k: v for k, v in protocol.TRANSFORM_OPTIONS.items() if k not in own} == OPTION_TYPES


def test_chords_from_a_drums_only_file_is_refused_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kit = tmp_path / "kit.mid"
    write_tracks(kit, MidiTracks(120.0, (4, 4), None, (MidiTrack("kit", 9, (Note(36, 0.0, 0.25),)),), 4.0))
    assert main(["generate", "bass", "--chords-from", str(kit), "--out", str(tmp_path / "b.mid")]) == 2
    assert "has no chords to follow" in capsys.readouterr().err and not (tmp_path / "b.mid").exists()
