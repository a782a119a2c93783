"""Tiny random MIDI-GPT checkpoints in the library's own format, loaded through its own loader."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from engines.infill.random_model import save_random_checkpoint
from engines.music import Note

os.environ["HF_HUB_OFFLINE"] = "1"


@pytest.fixture(scope="session", autouse=True)
def one_torch_thread() -> None:
    """Tiny models gain nothing from threads, and on shared cores OpenMP waits cost 10x and more."""
    import torch

    torch.set_num_threads(1)


@pytest.fixture(scope="session")
def yellow_ckpt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_random_checkpoint(tmp_path_factory.mktemp("midigpt") / "yellow.safetensors", seed=1)


@pytest.fixture(scope="session")
def prism_ckpt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("midigpt") / "prism.safetensors"
    return save_random_checkpoint(path, encoder="prism", seed=2)


def riff(bars: int, beats_per_bar: float = 4.0, base: int = 60) -> tuple[Note, ...]:
    """Eighth notes, a different pitch in every bar, so a note's bar can be told from its pitch too."""
    steps = round(beats_per_bar * 2)
    return tuple(
        Note(base + (b % 12), b * beats_per_bar + i * 0.5, 0.5, 80 + i)
        for b in range(bars)
        for i in range(steps)
    )
