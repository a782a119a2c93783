"""The GPU summary and the fast-path hooks that `roo doctor` reports."""

from __future__ import annotations

import pytest

from engines import gpu as gpu_module
from engines.gpu import Gpu, fast_paths, gpu
from engines.separation import best_device


def test_the_gpu_is_the_device_separation_picks() -> None:
    card = gpu()
    assert card.device == best_device()
    if card.device == "cuda":
        assert card.free_gib is not None and card.total_gib is not None
        assert 0 < card.free_gib <= card.total_gib
        assert "GiB free" in card.describe()


def test_batched_separation_is_on_for_cuda_only() -> None:
    on, detail = fast_paths("cuda")["batched separation"]
    assert on and "batches sized to free memory" in detail
    off, why = fast_paths("cpu")["batched separation"]
    assert not off and "segment-by-segment loop on cpu" in why
    assert not fast_paths("mps")["batched separation"][0]


def test_a_fast_path_without_its_hook_reads_not_in_this_version(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        gpu_module,
        "FAST_PATHS",
        {
            "no module": "engines.no_such_module",
            "no function": "engines.errors",
            "real": "engines.separation.batched",
        },
    )
    paths = fast_paths("cuda")
    assert paths["no module"] == (False, "not in this version")
    assert paths["no function"] == (False, "not in this version")
    assert paths["real"][0]


def test_describe_names_the_card_and_its_free_memory() -> None:
    assert Gpu("cuda", "CUDA: Test Card", 10.04, 79.6).describe() == "CUDA: Test Card, 10.0 of 79.6 GiB free"
    assert Gpu("mps", "Apple MPS").describe() == "Apple MPS"
