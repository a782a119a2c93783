"""Model specs, demucs's loader, missing weights and the file-level job."""

from __future__ import annotations

import urllib.error
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
import torch

from engines.errors import AudioFileError, InvalidValue, ModelUnavailable
from engines.separation import load_model, separate_file
from engines.separation.models import resolve_spec
from engines.separation.random_model import save_random_model

from .helpers import music


def test_specs_resolve_to_names_and_folders(tiny_model_dir: Path, tmp_path: Path) -> None:
    assert resolve_spec("htdemucs") == ("htdemucs", None)
    assert resolve_spec(str(tiny_model_dir)) == ("tiny4", tiny_model_dir.resolve())
    assert resolve_spec(f"{tiny_model_dir}/tiny4") == ("tiny4", tiny_model_dir.resolve())
    two = tmp_path / "two"
    save_random_model(two, "a")
    save_random_model(two, "b", seed=1)
    with pytest.raises(
        InvalidValue, match=r"holds a, b: expected exactly one model \(or name one as FOLDER/NAME\)"
    ):
        resolve_spec(str(two))
    assert resolve_spec(f"{two}/b") == ("b", two.resolve())
    with pytest.raises(InvalidValue, match=r"no c\.yaml or c-\*\.th"):
        resolve_spec(f"{two}/c")
    with pytest.raises(InvalidValue, match="no such folder"):
        resolve_spec(str(tmp_path / "missing" / "model"))


def test_a_folder_model_loads_through_demucs_with_its_saved_weights(tiny_model_dir: Path) -> None:
    model = load_model(str(tiny_model_dir))
    saved = next(tiny_model_dir.glob("*.th"))
    package = torch.load(saved, map_location="cpu", weights_only=False)
    loaded_state = model.models[0].state_dict()
    for key, value in package["state"].items():
        assert torch.equal(loaded_state[key], value)
    assert model.sources == ["drums", "bass", "other", "vocals"] and model.samplerate == 44100


def test_missing_published_weights_say_how_to_get_them(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def offline(*args: object, **kwargs: object) -> None:
        raise urllib.error.URLError("[Errno -2] Name or service not known")

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    monkeypatch.setenv("TORCH_HOME", str(tmp_path / "torch"))
    monkeypatch.setattr(torch.hub, "load_state_dict_from_url", offline)  # no network, even where there is
    with pytest.raises(ModelUnavailable) as info:
        load_model("htdemucs_6s")
    message = str(info.value)
    assert "'htdemucs_6s' is not in this computer's model cache" in message
    assert "internet connection" in message and "--model FOLDER" in message
    assert "<signature>.th checkpoint" in message and "<name>.yaml" in message


def test_an_unknown_name_lists_the_published_models() -> None:
    with pytest.raises(InvalidValue, match=r"unknown demucs model 'no_such_model'.*htdemucs, htdemucs_ft"):
        load_model("no_such_model")


def test_separate_file_writes_float_wavs_of_the_region(tiny_model_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "mix.wav"
    sf.write(source, music(2.0, 48000, 1), 48000, subtype="PCM_24")
    fractions: list[float] = []
    paths = separate_file(
        path=str(source),
        out_dir=str(tmp_path / "stems"),
        model=str(tiny_model_dir),
        exact_sum=True,
        start_s=0.25,
        end_s=1.5,
        progress=lambda f, m: fractions.append(f),
    )
    assert list(paths) == ["drums", "bass", "other", "vocals"]
    region, _ = sf.read(source, start=12000, stop=72000, dtype="float64", always_2d=True)
    total = np.zeros_like(region)
    for name, path in paths.items():
        assert Path(path) == tmp_path / "stems" / f"{name}.wav"
        info = sf.info(path)
        assert (info.samplerate, info.channels, info.frames, info.subtype) == (48000, 1, 60000, "FLOAT")
        total += sf.read(path, dtype="float64", always_2d=True)[0]
    assert np.abs(total - region).max() <= 1e-6
    assert fractions[0] == 0.0 and fractions[-1] == 1.0 and fractions == sorted(fractions)


def test_a_bad_file_is_an_audio_file_error_naming_it(tiny_model_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "notes.wav"
    bad.write_text("this is not audio")
    with pytest.raises(AudioFileError, match=r"notes\.wav"):
        separate_file(path=str(bad), out_dir=str(tmp_path), model=str(tiny_model_dir))
    with pytest.raises(AudioFileError, match=r"missing\.wav"):
        separate_file(path=str(tmp_path / "missing.wav"), out_dir=str(tmp_path), model=str(tiny_model_dir))
