"""``roo infill|continue|accompany`` through the real entry point with a tiny random MIDI-GPT checkpoint."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bridge.cli import main
from engines.infill.random_model import save_random_checkpoint
from engines.midi_file import read_midi, write_midi
from engines.music import Key, Note

os.environ["HF_HUB_OFFLINE"] = "1"
ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def ckpt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import torch

    torch.set_num_threads(1)  # a tiny model gains nothing from threads on shared cores
    return save_random_checkpoint(tmp_path_factory.mktemp("midigpt") / "tiny.safetensors", seed=5)


@pytest.fixture()
def song(tmp_path: Path) -> Path:
    melody = [Note(60 + b, b * 4 + i * 0.5, 0.5, 90) for b in range(8) for i in range(8)]
    bass = [Note(36, float(b), 1.0, 100) for b in range(32)]
    drums = [Note(36 if b % 2 == 0 else 38, float(b), 0.25, 110) for b in range(32)]
    path = tmp_path / "song.mid"
    parts = {"drums": drums, "bass": bass, "melody": melody}
    write_midi(path, parts, tempo_bpm=100, signature=(4, 4), key=Key(2, "Minor"), programs={"bass": 33})
    return path


def outside(notes: list[Note], lo_beats: float, hi_beats: float) -> list[Note]:
    return [n for n in notes if not lo_beats <= n.start_beats < hi_beats]


def test_infill_rewrites_only_the_bars_asked(ckpt: Path, song: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out.mid"
    args = ["infill", str(song), "--bars", "3-4", "--track", "3", "--out", str(out)]
    assert main([*args, "--model", str(ckpt), "--seed", "1"]) == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert summary["track"] == "melody" and (summary["first_bar"], summary["last_bar"]) == (3, 4)
    before, after = read_midi(song), read_midi(out)
    assert outside(after.parts["melody"], 8.0, 16.0) == outside(before.parts["melody"], 8.0, 16.0)
    written = [n for n in after.parts["melody"] if 8.0 <= n.start_beats < 16.0]
    assert written and written != [n for n in before.parts["melody"] if 8.0 <= n.start_beats < 16.0]
    assert after.parts["bass"] == before.parts["bass"] and after.parts["drums"] == before.parts["drums"]
    assert (after.tempo_bpm, after.signature) == (100.0, (4, 4))


def test_continue_adds_n_bars(ckpt: Path, song: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.mid"
    assert (
        main(
            ["continue", str(song), "--bars", "2", "--track", "bass", "--out", str(out), "--model", str(ckpt)]
        )
        == 0
    )
    before, after = read_midi(song), read_midi(out)
    assert outside(after.parts["bass"], 32.0, 40.0) == before.parts["bass"]
    new = [n for n in after.parts["bass"] if n.start_beats >= 32.0]
    assert new and all(n.start_beats < 40.0 for n in new)


def test_accompany_through_the_installed_entry_point(ckpt: Path, song: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.mid"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"}
    cmd = [sys.executable, "-m", "bridge", "accompany", str(song), "--part", "chords", "--out", str(out)]
    cmd += [
        "--model",
        str(ckpt),
        "--seed",
        "2",
        "--key",
        "D minor",
        "--density",
        "0.5",
        "--complexity",
        "0.3",
    ]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=240, check=False)
    assert done.returncode == 0, done.stderr
    after = read_midi(out)
    assert set(after.parts) == {"drums", "bass", "melody", "chords"}
    assert (
        after.parts["chords"]
        and {n.pitch % 12 for n in after.parts["chords"]} <= Key(2, "Minor").pitch_classes
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["infill", "SONG", "--bars", "8-5", "--track", "3"], "bars 8-5 are out of range"),
        (["infill", "SONG", "--bars", "five", "--track", "3"], "is not a bar range"),
        (["infill", "SONG", "--bars", "1-2", "--track", "9"], "--track '9' is not a track of this file"),
        (["accompany", "SONG", "--part", "kazoo"], "part 'kazoo' is unknown"),
        (["accompany", "SONG", "--part", "bass"], "already has a track named 'bass'"),
        (["continue", "SONG", "--bars", "2", "--density", "2"], "density 2.0 is out of range"),
    ],
)
def test_bad_input_exits_2_naming_it(ckpt: Path, song: Path, tmp_path: Path, capsys, args, message) -> None:
    argv = [str(song) if a == "SONG" else a for a in args] + [
        "--out",
        str(tmp_path / "o.mid"),
        "--model",
        str(ckpt),
    ]
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_missing_weights_exit_2_saying_what_to_do(song: Path, tmp_path: Path, capsys) -> None:
    assert main(["continue", str(song), "--bars", "1", "--out", str(tmp_path / "o.mid")]) == 2
    err = capsys.readouterr().err
    assert "Non-Commercial Research License" in err and "hf auth login" in err and "--model" in err
    assert not (tmp_path / "o.mid").exists()
