"""Model specs, the once-per-process cache, the missing-weights message and the controls per model."""

from __future__ import annotations

from pathlib import Path

import pytest

from engines.errors import InvalidValue, ModelUnavailable
from engines.infill import DEFAULT_MODEL, PUBLISHED, load
from engines.infill.controls import Controls, for_track, key_signature_level
from engines.music import Key


def test_published_names_come_from_presets() -> None:
    assert PUBLISHED == ("yellow_small", "yellow_medium", "prism_medium", "expressive_medium")
    assert DEFAULT_MODEL == "yellow_small"


def test_a_checkpoint_loads_once(yellow_ckpt: Path) -> None:
    first = load(str(yellow_ckpt))
    assert load(str(yellow_ckpt)) is first
    assert first.window_bars == (4, 8) and "4/4" in first.time_signatures and "6/8" in first.time_signatures


def test_missing_weights_say_what_to_do() -> None:
    with pytest.raises(ModelUnavailable) as caught:
        load("yellow_small")
    text = str(caught.value)
    for needed in ("Non-Commercial Research License", "https://huggingface.co/Metacreation/MIDI-GPT",
                   "accept the licence", "hf auth login", "checkpoint path"):  # fmt: skip
        assert needed in text


def test_bad_specs_are_named(tmp_path: Path) -> None:
    with pytest.raises(InvalidValue, match="'purple_large' is unknown: expected one of yellow_small"):
        load("purple_large")
    with pytest.raises(InvalidValue, match="is not usable"):
        load(str(tmp_path / "nothing.safetensors"))
    broken = tmp_path / "broken.safetensors"
    broken.write_bytes(b"not a checkpoint")
    with pytest.raises(ModelUnavailable, match="cannot be loaded"):
        load(str(broken))


def test_yellow_controls_per_track_kind(yellow_ckpt: Path) -> None:
    model = load(str(yellow_ckpt))
    drums = for_track(model, Controls(density=1.0, complexity=1.0, key=Key(0)), drums=True, bars=[0, 1])
    assert drums.attributes == {"note_density": 9} and not drums.controls  # no polyphony or key for drums
    keys = for_track(model, Controls(density=1.0, complexity=1.0, key=Key(9, "Minor")), drums=False, bars=[0])
    assert keys.attributes == {
        "max_polyphony": 5,
        "min_polyphony": 1,
        "min_note_duration": 1,
        "max_note_duration": 3,
    }
    assert keys.controls == {"pitch_mask": {"pitch_classes": [0, 2, 4, 5, 7, 9, 11]}}
    simple = for_track(model, Controls(complexity=0.0), drums=False, bars=[0])
    assert simple.attributes["max_polyphony"] == 0 and simple.attributes["min_note_duration"] == 3


def test_prism_controls_take_the_key_and_per_bar_levels(prism_ckpt: Path) -> None:
    model = load(str(prism_ckpt))
    got = for_track(
        model, Controls(density=0.5, complexity=0.5, key=Key(2, "Minor")), drums=False, bars=[2, 3]
    )
    assert got.attributes["key_signature"] == 14 and got.attributes["onset_polyphony"] == 2
    assert got.bar_attributes == {2: {"bar_max_polyphony": 2, "bar_min_polyphony": 0},
                                  3: {"bar_max_polyphony": 2, "bar_min_polyphony": 0}}  # fmt: skip
    drums = for_track(model, Controls(density=0.5), drums=True, bars=[0])
    assert drums.bar_attributes == {0: {"bar_note_density": 4}}


def test_key_signature_levels() -> None:
    assert key_signature_level(Key(0)) == 0
    assert key_signature_level(Key(9, "Minor")) == 21
    assert key_signature_level(Key(2, "Dorian")) == 14
    assert key_signature_level(Key(7, "Mixolydian")) == 7


def test_long_infills_split_into_independent_windows() -> None:
    from engines.infill.windows import Step, plan

    assert plan(4, 11, 16, 8) == [
        Step(0, 8, (4, 5, 6, 7)),
        Step(8, 8, (8, 9, 10, 11)),
    ]  # context on the outside
    assert plan(4, 7, 16, 8) == [Step(2, 8, (4, 5, 6, 7))]  # short: one window around it
    assert plan(1, 2, 4, 4) == [Step(0, 4, (1, 2))]
    for first, last, n_bars in ((0, 7, 16), (3, 12, 16), (0, 15, 32), (9, 15, 16)):
        steps = plan(first, last, n_bars, 8)
        assert sorted(b for s in steps for b in s.bars) == list(range(first, last + 1))
        assert all(0 <= s.start_bar and s.start_bar + s.length_bars <= n_bars for s in steps)
        assert all(s.start_bar <= min(s.bars) and max(s.bars) < s.start_bar + s.length_bars for s in steps)
        assert all(len(s.bars) <= 4 for s in steps)


def test_a_batch_of_takes_prefills_once_with_the_same_takes(yellow_ckpt: Path) -> None:
    from midigpt.inference import InferenceEngine

    from engines.infill import Part, infill
    from engines.infill.models import describe
    from tests.engines.infill.conftest import riff

    shared = load(str(yellow_ckpt))
    plain = describe("plain", str(yellow_ckpt), InferenceEngine.from_checkpoint(str(yellow_ckpt)))
    part = Part(riff(16), 64.0)
    before = shared.engine._model.shared
    ours = infill(part, first_bar=5, last_bar=12, model=shared, seed=3, variations=4)
    assert shared.engine._model.shared == before + 2  # one prefill per window, not four
    assert ours.takes == infill(part, first_bar=5, last_bar=12, model=plain, seed=3, variations=4).takes


def test_published_names_load_from_the_hugging_face_cache(
    yellow_ckpt: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from huggingface_hub import constants

    from engines.infill import unload

    snapshot = tmp_path / "models--Metacreation--MIDI-GPT" / "snapshots" / "0123abc"
    snapshot.mkdir(parents=True)
    (tmp_path / "models--Metacreation--MIDI-GPT" / "refs").mkdir()
    (tmp_path / "models--Metacreation--MIDI-GPT" / "refs" / "main").write_text("0123abc")
    shutil.copy(yellow_ckpt, snapshot / "yellow_small-final.safetensors")
    shutil.copy(
        yellow_ckpt, snapshot / "expressive_medium-step56000.safetensors"
    )  # a training snapshot's name
    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path))
    unload()
    try:
        small = load("yellow_small")
        assert small.source == str(snapshot / "yellow_small-final.safetensors")
        expressive = load(
            "expressive_medium"
        )  # offline: the library's own fallback finds the cached step file
        assert expressive.source == "hub:Metacreation/MIDI-GPT/expressive_medium"
        assert expressive.window_bars == (4, 8)
    finally:
        unload()


def test_models_yaml_without_an_infill_family_still_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from engines import presets

    (tmp_path / "models.yaml").write_text(
        "musicgen: {default: small, published: [small]}\nseparation: {default: htdemucs, published: [htdemucs]}\n"
    )
    monkeypatch.setenv("MUSEAROO_PRESETS", str(tmp_path))
    presets.load_models.cache_clear()
    try:
        assert set(presets.load_models()) == {"musicgen", "separation"}
        (tmp_path / "models.yaml").write_text(
            (tmp_path / "models.yaml").read_text() + "infill: {default: purple, published: [yellow_small]}\n"
        )
        presets.load_models.cache_clear()
        with pytest.raises(InvalidValue, match="infill default 'purple'"):
            presets.load_models()
    finally:
        presets.load_models.cache_clear()
