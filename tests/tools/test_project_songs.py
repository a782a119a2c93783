"""The project's generated songs in every meter (tools/corpus/project_songs --signatures): rendered
with fluidsynth, the manifest's truth checked against the MIDI that was rendered and the WAV."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import mido
import pytest

from engines.analysis import read_audio
from engines.preset_files import names
from tests.conftest import missing, require_tool
from tools.corpus import project_songs


def _midi_facts(path: Path) -> tuple[float, tuple[int, int], list[float]]:
    """Quarter notes a minute, the signature and every note-on in quarter notes, from the file."""
    mid = mido.MidiFile(path)
    tempo, sig, onsets = None, None, []
    for track in mid.tracks:
        ticks = 0
        for msg in track:
            ticks += msg.time
            if msg.type == "set_tempo":
                tempo = mido.tempo2bpm(msg.tempo)
            elif msg.type == "time_signature":
                sig = (msg.numerator, msg.denominator)
            elif msg.type == "note_on" and msg.velocity > 0:
                onsets.append(ticks / mid.ticks_per_beat)
    assert tempo is not None and sig is not None
    return tempo, sig, onsets


def test_a_six_eight_and_a_three_four_song_carry_live_units(tmp_path: Path) -> None:
    require_tool("fluidsynth")
    from tools.eval.rendered import SOUNDFONT

    if not SOUNDFONT.exists():
        missing(f"fluidsynth is installed but {SOUNDFONT} is missing (Debian fluid-soundfont-gm)")
    argv = [
        "--signatures",
        "6/8,3/4",
        "--tonics",
        "1",
        "--genres",
        "jazz",
        "--out",
        str(tmp_path),
        "--keep-midi",
    ]
    assert project_songs.main(argv) == 0
    pieces = {
        tuple(p["time_signature"]): p for p in json.loads((tmp_path / "manifest.json").read_text())["pieces"]
    }
    assert set(pieces) == {(6, 8), (3, 4)}
    for sig, p in pieces.items():
        assert p["name"].startswith(f"project_song_jazz_{sig[0]}-{sig[1]}_")
        tempo, written, onsets = _midi_facts(tmp_path / p["wav"].replace(".wav", ".mid"))
        assert written == sig
        assert p["live_tempo_bpm"] == pytest.approx(tempo, rel=1e-4)  # Live's tempo: the MIDI quarter notes
        assert 0.8 * 150 <= p["live_tempo_bpm"] <= 1.2 * 150  # the jazz preset's 150, drawn
        quarters = 3.0  # a 6/8 bar and a 3/4 bar both hold three quarter notes
        assert p["bar_s"] == pytest.approx(quarters * 60.0 / tempo, rel=1e-4)
        assert max(onsets) < p["bars"] * quarters
        samples, sr = read_audio(tmp_path / p["wav"])
        assert len(samples) / sr >= p["bars"] * p["bar_s"] >= project_songs.MIN_S
        in_bar = {round(o % quarters, 3) for o in onsets}
        if sig == (6, 8):  # the second dotted quarter on its place: no eighth swing in a compound bar
            assert 1.5 in in_bar
        else:  # jazz swings in 3/4: off-beat eighths on the last triplet
            assert any(abs(x % 1 - 2 / 3) < 0.02 for x in in_bar)


def test_the_default_set_is_the_first_one() -> None:
    genres = tuple(names("genres"))
    plan = project_songs.plan(None, 3, genres, 1)
    assert len(plan) == 3 * len(genres)
    assert {p["tonic"] for p in plan} == set(project_songs.TONICS)
    assert all(p["context"] is None and p["tag"] == "" for p in plan)


def test_compound_tempos_keep_the_dotted_quarter_musical() -> None:
    plan = project_songs.plan(((6, 8), (12, 8), (2, 4)), 2, ("ambient", "drum-and-bass"), 1)
    for p in plan:
        live, sig = p["context"]["tempo_bpm"], p["context"]["signature"]
        beat = live / 1.5 if sig[1] == 8 else live
        assert project_songs.MIN_COMPOUND_BEAT_BPM <= beat <= 1.2 * 174


def test_odd_and_unknown_signatures_are_refused_by_name() -> None:
    with pytest.raises(argparse.ArgumentTypeError, match="7/8 is an odd meter"):
        project_songs.signatures_of("6/8,7/8")
    with pytest.raises(argparse.ArgumentTypeError, match="6/4"):
        project_songs.signatures_of("6/4")
