"""Batched segments: the same stems as demucs's apply_model, fewer model calls, OOM retries."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import torch
from demucs.apply import BagOfModels

from engines.errors import JobCancelled, ModelUnavailable
from engines.separation import load_model, separate
from engines.separation.batched import is_out_of_memory, use_batched
from engines.separation.gpu_memory import ensure_fits

from .helpers import music


@contextmanager
def counted(model: Any) -> Iterator[list[int]]:
    """Batch sizes of every call of the bag's first model, recorded by a forward hook."""
    sizes: list[int] = []
    hook = model.models[0].register_forward_hook(lambda module, args, out: sizes.append(args[0].shape[0]))
    try:
        yield sizes
    finally:
        hook.remove()


def bag(model: Any) -> BagOfModels:
    return BagOfModels([model])


class FlakyGpu(torch.nn.Module):
    """A demucs model that raises CUDA's out-of-memory error on its first ``failures`` calls,
    or on every call with more than ``cap`` segments."""

    def __init__(self, inner: Any, *, failures: int = 0, cap: int = 1000) -> None:
        super().__init__()
        self.inner, self.failures, self.cap = inner, failures, cap
        self.sources, self.samplerate = inner.sources, inner.samplerate
        self.audio_channels, self.segment = inner.audio_channels, inner.segment
        self.sizes: list[int] = []

    def valid_length(self, length: int) -> int:
        return int(self.inner.valid_length(length))

    def forward(self, mix: torch.Tensor) -> torch.Tensor:
        self.sizes.append(mix.shape[0])
        if self.failures > 0 or mix.shape[0] > self.cap:
            self.failures -= 1
            raise torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")
        return self.inner(mix)


def test_the_switch_batches_on_cuda_only() -> None:
    assert use_batched("cuda") and use_batched("cuda:0")
    assert not use_batched("cpu") and not use_batched("mps")


def test_batched_stems_equal_apply_models_with_fewer_model_calls(tiny_model_dir: Path) -> None:
    mix = music(3.0, 44100, 2, seed=11)
    model = load_model(str(tiny_model_dir))
    with counted(model) as sizes:
        reference = separate(mix, 44100, model, device="cpu", batched=False, seed=5)
        segments = len(sizes)
        assert segments >= 4 and set(sizes) == {1}  # demucs's loop: one segment per call
        sizes.clear()
        stems = separate(mix, 44100, model, device="cpu", batched=True, seed=5)
    assert sizes == [4] * (segments // 4) + ([segments % 4] if segments % 4 else [])
    for name in reference:
        assert np.abs(stems[name] - reference[name]).max() <= 1e-4
    assert np.abs(reference["drums"]).max() > 1e-2  # real stems, not silence


def test_batched_is_deterministic_and_reports_progress(tiny_model_dir: Path) -> None:
    mix = music(2.0, 48000, 1, seed=12)
    model = load_model(str(tiny_model_dir))
    seen: list[tuple[float, str]] = []
    first = separate(
        mix, 48000, model, device="cpu", batched=True, seed=3, progress=lambda f, m: seen.append((f, m))
    )
    again = separate(mix, 48000, model, device="cpu", batched=True, seed=3)
    for name in first:
        np.testing.assert_array_equal(first[name], again[name])
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert any(m.startswith("separating: ") for _, m in seen)


def test_cancel_stops_between_batches(tiny_model_dir: Path) -> None:
    model = load_model(str(tiny_model_dir))

    def cancel_at_first_batch(fraction: float, message: str) -> None:
        if message.startswith("separating: "):
            raise JobCancelled("cancelled by the test")

    with counted(model) as sizes, pytest.raises(JobCancelled):
        separate(
            music(4.0, 44100, 2), 44100, model, device="cpu", batched=True, progress=cancel_at_first_batch
        )
    assert sizes == [4]


def test_out_of_memory_retries_with_smaller_batches(tiny_model_dir: Path) -> None:
    mix = music(3.0, 44100, 2, seed=13)
    inner = load_model(str(tiny_model_dir)).models[0]
    flaky = FlakyGpu(inner, cap=2)
    messages: list[str] = []
    stems = separate(
        mix, 44100, bag(flaky), device="cpu", batched=True, progress=lambda f, m: messages.append(m)
    )
    reference = separate(mix, 44100, bag(inner), device="cpu", batched=False)
    assert flaky.sizes[0] == 4 and max(flaky.sizes[1:]) == 2
    assert "GPU out of memory: retrying with batches of 2" in messages
    for name in reference:
        assert np.abs(stems[name] - reference[name]).max() <= 1e-4


def test_out_of_memory_at_one_segment_moves_the_rest_to_the_cpu(tiny_model_dir: Path) -> None:
    mix = music(3.0, 44100, 2, seed=14)
    inner = load_model(str(tiny_model_dir)).models[0]
    flaky = FlakyGpu(inner, failures=3)  # fails at 4, 2 and 1 segments, then runs
    messages: list[str] = []
    stems = separate(
        mix, 44100, bag(flaky), device="cpu", batched=True, progress=lambda f, m: messages.append(m)
    )
    reference = separate(mix, 44100, bag(inner), device="cpu", batched=False)
    failures = [m for m in messages if "out of memory" in m]
    assert failures == [
        "GPU out of memory: retrying with batches of 2",
        "GPU out of memory: retrying with batches of 1",
        "GPU out of memory: separating the rest on the CPU",
    ]
    assert flaky.sizes[:3] == [4, 2, 1] and set(flaky.sizes[3:]) == {1} and len(flaky.sizes[3:]) >= 4
    for name in reference:
        assert np.abs(stems[name] - reference[name]).max() <= 1e-4


def test_out_of_memory_on_the_cpu_too_is_raised(tiny_model_dir: Path) -> None:
    inner = load_model(str(tiny_model_dir)).models[0]
    with pytest.raises(torch.OutOfMemoryError):
        separate(
            music(1.0, 44100, 2),
            44100,
            bag(FlakyGpu(inner, failures=99)),
            device="cpu",
            batched=True,
        )


def test_a_model_too_large_for_the_card_names_free_memory_and_need(tiny_model_dir: Path) -> None:
    sub = load_model(str(tiny_model_dir)).models[0]
    need = sum(t.numel() * t.element_size() for t in [*sub.parameters(), *sub.buffers()])
    with pytest.raises(ModelUnavailable) as info:
        ensure_fits(sub, torch.device("cpu"), free=need // 2)
    message = str(info.value)
    assert f"needs {need / 1024:.0f} KiB of GPU memory for its weights" in message
    assert f"has {need // 2 / 1024:.0f} KiB free" in message and "--device cpu" in message
    ensure_fits(sub, torch.device("cpu"), free=need)  # fits exactly: no error


def test_only_out_of_memory_errors_are_retried() -> None:
    assert is_out_of_memory(torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB"))
    assert is_out_of_memory(RuntimeError("cuDNN error: CUDNN_STATUS_ALLOC_FAILED"))
    assert not is_out_of_memory(
        RuntimeError("Given groups=1, weight of size [48, 4, 8]: expected 4 channels")
    )
