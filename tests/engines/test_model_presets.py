"""presets/models.yaml: the model names users can pick; the protocol's copy must agree."""

from __future__ import annotations

from pathlib import Path

import pytest

from bridge import protocol
from engines import presets
from engines.errors import InvalidValue


def test_published_models_come_from_the_yaml_and_match_the_protocol() -> None:
    models = presets.load_models()
    assert models["separation"].default == "htdemucs"
    assert models["separation"].published == protocol.SEPARATION_MODELS
    assert models["musicgen"].default == "small"
    assert models["musicgen"].hub_prefix + "small" == "facebook/musicgen-small"


def test_a_default_outside_the_list_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "models.yaml").write_text(
        "musicgen: {default: tiny, published: [small]}\nseparation: {default: htdemucs, published: [htdemucs]}\n"
    )
    monkeypatch.setenv("MUSEAROO_PRESETS", str(tmp_path))
    presets.load_models.cache_clear()
    try:
        with pytest.raises(InvalidValue, match="'tiny'"):
            presets.load_models()
    finally:
        presets.load_models.cache_clear()


def test_every_model_family_names_its_licence() -> None:
    licences = presets.load_licences()
    assert "CC BY-NC-SA 4.0" in licences["analysis"] and "madmom" in licences["analysis"]
    assert "CC BY-NC 4.0" in licences["musicgen"]
    assert "MIT" in licences["separation"]
    assert "Non-Commercial" in licences["infill"]
    assert "Apache-2.0" in licences["transcription"] and "Basic Pitch" in licences["transcription"]


def test_a_family_without_a_licence_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "models.yaml").write_text("licences: {analysis: x, musicgen: y, separation: z, infill: w}\n")
    monkeypatch.setenv("MUSEAROO_PRESETS", str(tmp_path))
    presets.load_licences.cache_clear()
    try:
        with pytest.raises(InvalidValue, match="no licence for speech"):
            presets.load_licences()
    finally:
        presets.load_licences.cache_clear()
