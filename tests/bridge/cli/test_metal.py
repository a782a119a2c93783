"""Metal through the doors (g72): a typed metal sentence reads genre metal, and `roo generate
--genre metal` writes double-kick drums, a bass on the kick, power chords and a whole song."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bridge.cli import main
from engines.midi_file import read_midi
from engines.music import Note

KICK = 36


@pytest.mark.parametrize(
    ("text", "part", "params"),
    [
        ("8 bars drums, metal, 180bpm. double kick whole way", "drums", {"bars": 8, "tempo_bpm": 180}),
        ("new song from scratch. metal, 200 bpm, E minor", "song", {"tempo_bpm": 200, "key": "E minor"}),
        ("write me a metal drum pattern", "drums", {}),
        ("metal chords in E minor", "chords", {"key": "E minor"}),
    ],
)
def test_roo_parse_reads_metal_as_metal(
    text: str, part: str, params: dict[str, object], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", text, "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert (got["action"], got["part"]) == ("generate", part)
    assert got["params"] == {"genre": "metal", **params}


def test_a_metal_jam_is_a_metal_jam(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "jam some metal at 190 bpm", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["params"]["genre"] == "metal"


def _generate(tmp_path: Path, part: str, genre: str, *extra: str) -> dict[str, list[Note]]:
    out = tmp_path / f"{genre}-{part}.mid"
    args = ["generate", part, "--genre", genre, "--key", "E minor", "--bars", "4", "--seed", "3"]
    assert main([*args, *extra, "--out", str(out)]) == 0
    return read_midi(out).parts


def test_roo_generate_metal_drums_double_kick_far_more_than_rock(tmp_path: Path) -> None:
    metal = sum(n.pitch == KICK for n in _generate(tmp_path, "drums", "metal")["drums"])
    rock = sum(n.pitch == KICK for n in _generate(tmp_path, "drums", "rock")["drums"])
    assert metal >= 10 * 4 and metal >= 2.5 * rock, (metal, rock)


def test_roo_generate_all_metal_bass_on_the_kick_and_power_chords(tmp_path: Path) -> None:
    parts = _generate(tmp_path, "all", "metal")
    kicks = {round(n.start_beats * 4) for n in parts["drums"] if n.pitch == KICK}
    assert {round(n.start_beats * 4) for n in parts["bass"]} == kicks
    chords: dict[int, list[int]] = {}
    for n in parts["chords"]:
        chords.setdefault(round(n.start_beats * 4), []).append(n.pitch)
    for pitches in chords.values():
        root, *rest = sorted(pitches)
        assert rest == [root + 7, root + 12] and root < 52, pitches


def test_roo_generate_a_whole_metal_song(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    parts = _generate(tmp_path, "song", "metal", "--tempo", "200")
    assert all(parts[name] for name in ("drums", "bass", "chords", "melody"))
    bars = max(n.start_beats for n in parts["drums"]) / 4
    assert sum(n.pitch == KICK for n in parts["drums"]) >= 6 * bars


def test_roo_generate_lists_metal(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate", "--genre", "?"]) == 0
    assert "metal" in capsys.readouterr().out.split()
