"""`roo doctor`'s GPU line: the card, its free memory and each fast path, or the CPU."""

from __future__ import annotations

import pytest

from bridge.setup import doctor
from engines import gpu as gpu_module
from engines.gpu import Gpu


def test_a_cuda_card_is_named_with_free_memory_and_fast_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gpu_module, "gpu", lambda: Gpu("cuda", "CUDA: Test Card", 60.5, 79.6))
    check = doctor._gpu_check()
    assert check.ok
    assert check.detail.startswith(
        "CUDA: Test Card, 60.5 of 79.6 GiB free; fast paths: batched separation on ("
    )
    assert "graphed MusicGen decoding" in check.detail


def test_no_gpu_says_the_cpu_runs_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gpu_module, "gpu", lambda: Gpu("cpu", "none"))
    assert doctor._gpu_check().detail == "none: separation and MusicGen run on the CPU (slower, still works)"
