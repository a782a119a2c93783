"""Tiny random demucs models saved and loaded through demucs's own loader, plus test audio."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from engines.separation.random_model import SIX_STEMS, save_random_model

os.environ["HF_HUB_OFFLINE"] = "1"


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_random_model(tmp_path_factory.mktemp("tiny4"), "tiny4", seed=1)


@pytest.fixture(scope="session")
def tiny6_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_random_model(tmp_path_factory.mktemp("tiny6"), "tiny6", sources=SIX_STEMS, seed=2)
