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
