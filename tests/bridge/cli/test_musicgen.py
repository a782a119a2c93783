"""``roo musicgen``: a loop file of exactly N bars at the tempo and rate asked for; errors exit 2."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from bridge.cli import main
from engines.musicgen.random_model import save_random_model

os.environ["HF_HUB_OFFLINE"] = "1"


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # tiny models: OpenMP waits on shared cores cost more than the work
    yield save_random_model(tmp_path_factory.mktemp("musicgen"), stereo=True, seed=11)
    torch.set_num_threads(threads)


def test_writes_an_exact_stereo_loop_and_prints_what_it_did(
    tiny: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "loop.wav"
    argv = ["musicgen", "chill house groove", "--bars", "2", "--tempo", "124", "--signature", "6/8"]
    argv += ["--model", str(tiny), "--seed", "3", "--sample-rate", "44100", "--out", str(out)]
    assert main(argv) == 0
    printed = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    audio, rate = sf.read(str(out), always_2d=True)
    expected = round(2 * 3.0 * 60.0 / 124.0 * 44100)  # 6/8 is 3 quarter-note beats a bar
    assert (len(audio), audio.shape[1], rate) == (expected, 2, 44100)
    assert printed["frames"] == expected and printed["seed"] == 3 and printed["signature"] == "6/8"
    assert np.all(np.abs(audio) <= 1.0)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--tempo", "5"], "--tempo 5 is out of range"),
        (["--bars", "0"], "--bars 0 is out of range"),
        (["--signature", "4/3"], "time signature '4/3'"),
        (["--model", "/nowhere/model"], "has no config.json"),
        (["--model", "stereo-large"], "hf download facebook/musicgen-stereo-large"),
        (["--continue", "/nowhere/clip.wav"], "does not exist"),
        (["--variations", "9"], "--variations 9 is out of range: expected 1..8"),
    ],
)
def test_bad_input_exits_2_naming_the_problem(
    tiny: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    argv = ["musicgen", "techno", "--bars", "1", "--tempo", "120", "--model", str(tiny)]
    argv += ["--out", str(tmp_path / "x.wav"), *extra]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "roo musicgen: error: " in err and message in err
    assert not (tmp_path / "x.wav").exists()


def test_variations_write_one_file_per_take_with_its_seed(
    tiny: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "loop.wav"
    argv = ["musicgen", "techno", "--bars", "1", "--tempo", "120", "--model", str(tiny), "--seed", "7"]
    assert main([*argv, "--variations", "2", "--out", str(out)]) == 0
    captured = capsys.readouterr()
    printed = json.loads(captured.out.strip().splitlines()[-1])
    assert [t["seed"] for t in printed["takes"]] == [7, 8]
    assert printed["takes"][1]["path"] == str(tmp_path / "loop take 2.wav")
    assert "take 2 (seed 8) to" in captured.err
    first, second = (sf.read(t["path"])[0] for t in printed["takes"])
    assert first.shape == second.shape and not np.array_equal(first, second)
