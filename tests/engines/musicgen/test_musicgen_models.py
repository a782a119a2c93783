"""Loading MusicGen through transformers' from_pretrained: folders, names, caching, missing weights."""

from __future__ import annotations

from pathlib import Path

import pytest

from engines.errors import InvalidValue, ModelUnavailable
from engines.musicgen import models


def test_tiny_folder_loads_with_its_rates(tiny_dir: Path) -> None:
    mg = models.load(str(tiny_dir), precision="fp32")
    assert (mg.sample_rate_hz, mg.frame_rate_hz, mg.channels, mg.is_melody) == (32000, 50, 1, False)
    assert type(mg.model).__name__ == "MusicgenForConditionalGeneration"
    assert type(mg.processor).__name__ == "MusicgenProcessor"
    assert mg.tokenizer("lofi drum beat")["input_ids"][-1] == 1  # </s>
    assert models.load(str(tiny_dir), precision="fp32") is mg  # loaded once per process


def test_melody_and_stereo_folders(tiny_melody_dir: Path, tiny_stereo_dir: Path) -> None:
    melody = models.load(str(tiny_melody_dir), precision="fp32")
    assert melody.is_melody and type(melody.model).__name__ == "MusicgenMelodyForConditionalGeneration"
    stereo = models.load(str(tiny_stereo_dir), precision="fp32")
    assert stereo.channels == 2 and not stereo.is_melody


def test_int8_quantises_the_decoder_only(tiny_dir: Path) -> None:
    mg = models.load(str(tiny_dir), device="cpu", precision="int8")

    def quantised(module: object) -> list[object]:
        return [m for m in module.modules() if "quantized" in type(m).__module__]  # type: ignore[attr-defined]

    assert "Linear" in {type(m).__name__ for m in quantised(mg.model.decoder)}
    assert not quantised(mg.model.text_encoder) and not quantised(mg.model.audio_encoder)
    assert (
        mg.precision == "int8" and models.load(str(tiny_dir), device="cpu", precision="auto") is mg
    )  # auto is int8 on CPU


def test_missing_published_model_says_how_to_get_it() -> None:
    with pytest.raises(ModelUnavailable) as err:
        models.load("medium", precision="fp32")
    text = str(err.value)
    assert "facebook/musicgen-medium" in text and "hf download facebook/musicgen-medium" in text


def test_bad_specs_are_invalid_values(tmp_path: Path) -> None:
    with pytest.raises(InvalidValue, match=r"no config\.json"):
        models.load(str(tmp_path))
    with pytest.raises(InvalidValue, match="unknown"):
        models.load("tiny-banana")
    with pytest.raises(InvalidValue, match="precision"):
        models.load("small", precision="int4")
    with pytest.raises(InvalidValue, match="GPU only"):
        models.load("small", device="cpu", precision="fp16")


def test_names_resolve_to_hub_ids() -> None:
    assert models.resolve("small") == ("facebook/musicgen-small", False)
    assert models.resolve("musicgen-stereo-melody") == ("facebook/musicgen-stereo-melody", False)
    assert models.resolve("facebook/musicgen-large") == ("facebook/musicgen-large", False)
    assert models.resolve("someone/musicgen-finetune") == ("someone/musicgen-finetune", False)


def test_a_model_too_large_for_the_card_names_free_memory_and_need(tiny_dir: Path) -> None:
    mg = models.load(str(tiny_dir), device="cpu", precision="fp32")
    need = models.model_bytes(mg.model, "fp32")
    assert (
        need == 4 * sum(p.numel() for p in mg.model.parameters())
        and models.model_bytes(mg.model, "fp16") == need // 2
    )
    models.check_fits("tiny", need, 10 * need)  # fits
    with pytest.raises(ModelUnavailable, match=r"'large' needs about 4.69 GiB .* has 2.00 GiB free"):
        models.check_fits("large", int(3.75 * 2**30), 2 * 2**30)
