"""Tiny random MusicGen models saved as model folders and loaded through transformers' own loader."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from engines.musicgen.random_model import save_random_model

os.environ["HF_HUB_OFFLINE"] = "1"


@pytest.fixture(scope="session", autouse=True)
def one_torch_thread() -> None:
    """Tiny models gain nothing from threads, and on shared cores OpenMP waits cost 40x (measured)."""
    import torch

    torch.set_num_threads(1)


@pytest.fixture(scope="session")
def tiny_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_random_model(tmp_path_factory.mktemp("musicgen-tiny"), seed=1)


@pytest.fixture(scope="session")
def tiny_stereo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_random_model(tmp_path_factory.mktemp("musicgen-tiny-stereo"), stereo=True, seed=2)


@pytest.fixture(scope="session")
def tiny_melody_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_random_model(tmp_path_factory.mktemp("musicgen-tiny-melody"), melody=True, seed=3)
