"""The ``fast_path(device)`` hook that ``roo doctor`` reads for the graphed MusicGen decoding loop."""

from __future__ import annotations

import pytest

from engines.musicgen import fast_paths, graphed
from engines.musicgen.fast_path import fast_path


def test_off_where_there_is_no_cuda_and_says_what_runs() -> None:
    for device in ("cpu", "mps"):
        on, detail = fast_path(device)
        assert not on and detail.startswith(f"{device}: transformers' generate")


def test_the_switch_turns_it_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MUSEAROO_MUSICGEN_GRAPHS", "0")
    assert fast_path("cuda") == (False, "switched off by MUSEAROO_MUSICGEN_GRAPHS=0: transformers' generate")


def test_cuda_follows_what_the_engine_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    import torch

    monkeypatch.delenv("MUSEAROO_MUSICGEN_GRAPHS", raising=False)
    on, detail = fast_path("cuda")
    assert on == (fast_paths()["musicgen_decoding"] == "cuda-graphs") == torch.cuda.is_available()
    if not on:
        assert detail == "CUDA is not available to torch: transformers' generate"
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)  # as on a GPU machine, nothing captured yet
    monkeypatch.setattr(graphed, "CAPTURES", [])
    on, detail = fast_path("cuda")
    assert on and detail.startswith("CUDA graphs, one per shape (captured on the first loop)")
    monkeypatch.setattr(graphed, "CAPTURES", [{"key": [1, 512, 32, True, False, 250], "seconds": 1.5}])
    assert "shapes captured in this process: 1" in fast_path("cuda")[1]
