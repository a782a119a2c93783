"""Batched separation: every demucs segment of a clip through the model in a few large batches.

demucs's ``apply_model(shifts, split=True, overlap)`` sends one segment at a time through the
model, which leaves a GPU idle most of the time. Here the same segments (the same random shift
drawn from ``random``, the same segment length, stride and padding, the same triangular
overlap-add weights and bag weights) are cut out first, run through the model in batches sized
to the card's free memory, and overlap-added in demucs's order, so in float32 the stems equal
``apply_model``'s within float rounding. On CUDA the model runs under ``HALF`` autocast.
The shifts are drawn up front; demucs draws each one just before its shift runs, after the model
itself drew from ``random`` (its transformer does, once per call), so with several shifts or a bag
of models the shifts differ from ``apply_model``'s for the same seed (same distribution, still
fixed by the seed); with one model and one shift, the default, they are the same.

A CUDA out-of-memory error halves the batch and tries again, down to one segment, then moves the
rest of the job to the CPU once; each step is reported through ``report``. Segments already done
are kept.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import torch

from engines.separation.gpu_memory import ensure_fits, free_bytes

Progress = Callable[[float, str], None]
CPU_BATCH = 4  # segments per batch off CUDA (the htdemucs layout takes about 1 GiB of RAM each)
HALF = torch.bfloat16  # autocast dtype on CUDA (its error vs float32: docs/benchmarks/separation.md)
MEMORY_SHARE = 0.7  # of the card's free memory that one batch's activations may use
_PER_SEGMENT_BYTES: dict[tuple[int, int, str], int] = {}  # (model id, window, dtype) -> bytes


def use_batched(device: str) -> bool:
    """The one switch: batched segments on CUDA; CPU and mps keep demucs's own loop."""
    return torch.device(device).type == "cuda"


def fast_path(device: str) -> tuple[bool, str]:
    """For ``roo doctor``: whether separation on ``device`` batches its segments, and how."""
    if use_batched(device):
        precision = str(HALF).removeprefix("torch.")
        return True, f"all segments in batches sized to free memory, {precision} autocast"
    return False, f"demucs's segment-by-segment loop on {device} (batching measured slower there)"


@dataclass(frozen=True)
class _Segment:
    view: int  # which (sub-model, shift) view it belongs to
    offset: int  # within the view
    start: int  # of its padded window in the padded mix (may be < 0: zeros)
    length: int  # of the segment (the last one of a view may be short)
    window: int  # the length the model is given
    full: int  # the model's segment length, which sizes the overlap-add weight


@dataclass
class _View:
    model: int
    shift: int  # samples of padding skipped at the start (max_shift - random offset)
    length: int
    out: torch.Tensor | None = None
    weight_sum: torch.Tensor | None = None


def separate_batched(
    model: Any,
    mix: torch.Tensor,
    *,
    shifts: int,
    overlap: float,
    device: str,
    report: Progress,
    half: torch.dtype | None = None,
    max_batch: int | None = None,
) -> torch.Tensor:
    """Stems (S, C, L) float32 of a normalised (C, L) mix, as ``apply_model(mix[None])[0]``; on
    ``device``, or on the CPU where an out-of-memory error moved the job there."""
    dev = torch.device(device)
    half = (HALF if dev.type == "cuda" else torch.float32) if half is None else half
    subs = list(model.models) if hasattr(model, "models") else [model]
    bag_weights = list(model.weights) if hasattr(model, "models") else [[1.0] * len(model.sources)]
    length = mix.shape[-1]
    max_shift = int(0.5 * model.samplerate) if shifts else 0
    padded = (torch.nn.functional.pad(mix, (max_shift, max_shift)) if shifts else mix).to(dev)
    views: list[_View] = []
    per_model: list[list[_Segment]] = []
    for m, sub in enumerate(subs):  # random draws in apply_model's order: model by model, shift by shift
        segments: list[_Segment] = []
        for _ in range(max(shifts, 1)):
            offset = random.randint(0, max_shift) if shifts else 0
            view = _View(m, max_shift - offset, length + max_shift - offset)
            segments += _cut(sub, len(views), offset, view.length, overlap)
            views.append(view)
        per_model.append(segments)
    total = sum(len(s) for s in per_model)
    done = 0
    for m, sub in enumerate(subs):
        dev = _run_model(sub, per_model[m], padded, views, dev, half, max_batch, report, done, total)
        done += len(per_model[m])
    return _assemble(views, bag_weights, shifts, length, len(subs))


def _cut(sub: Any, view: int, base: int, view_length: int, overlap: float) -> list[_Segment]:
    segment_length = int(sub.samplerate * sub.segment)
    stride = int((1 - overlap) * segment_length)
    out = []
    for offset in range(0, view_length, stride):
        size = min(view_length - offset, segment_length)
        window = sub.valid_length(size) if hasattr(sub, "valid_length") else size
        out.append(_Segment(view, offset, base + offset - (window - size) // 2, size, window, segment_length))
    return out


def _window(padded: torch.Tensor, seg: _Segment) -> torch.Tensor:
    lo, hi = max(0, seg.start), min(padded.shape[-1], seg.start + seg.window)
    return torch.nn.functional.pad(padded[:, lo:hi], (lo - seg.start, seg.start + seg.window - hi))


def _triangle(size: int, device: torch.device) -> torch.Tensor:
    weight = torch.cat(
        [torch.arange(1, size // 2 + 1, device=device), torch.arange(size - size // 2, 0, -1, device=device)]
    )
    return weight / weight.max()


def _run_model(
    sub: Any,
    segments: list[_Segment],
    padded: torch.Tensor,
    views: list[_View],
    dev: torch.device,
    half: torch.dtype,
    max_batch: int | None,
    report: Progress,
    done: int,
    total: int,
) -> torch.device:
    """Overlap-adds one sub-model's segments into their views; returns the device it ended on."""
    ensure_fits(sub, dev)
    sub.to(dev).eval()
    size = max_batch or (len(segments) if dev.type == "cuda" else min(len(segments), CPU_BATCH))
    fell_back, probed = False, max_batch is not None or dev.type != "cuda"
    i = 0
    while i < len(segments):
        take = segments[i : i + size]
        if not all(s.window == take[0].window for s in take):  # demucs v2/v3 models: a short last window
            take = [s for s in take if s.window == take[0].window]
        try:
            if not probed:
                probed, size = True, _probe_batch_size(sub, take[0], padded, dev, half, len(segments))
                take = take[:size]
            outs = _forward(sub, take, padded, dev, half)
        except RuntimeError as exc:  # torch.OutOfMemoryError, or cuDNN failing to allocate
            if not is_out_of_memory(exc):
                raise
            probed = True
            _PER_SEGMENT_BYTES.clear()
            if dev.type == "cuda":
                torch.cuda.empty_cache()
            if size > 1:
                size = max(1, min(size, len(take)) // 2)
                report(done_fraction(done + i, total), f"GPU out of memory: retrying with batches of {size}")
            elif not fell_back:
                fell_back, dev, size = True, torch.device("cpu"), 1
                sub.to(dev)
                report(done_fraction(done + i, total), "GPU out of memory: separating the rest on the CPU")
            else:
                raise
            continue
        _overlap_add(take, outs, views)
        i += len(take)
        report(done_fraction(done + i, total), f"separating: {100 * (done + i) / total:.0f}%")
    return dev


def is_out_of_memory(exc: BaseException) -> bool:
    text = str(exc)
    return isinstance(exc, torch.OutOfMemoryError) or "out of memory" in text or "ALLOC_FAILED" in text


def done_fraction(done: int, total: int) -> float:
    return min(0.999, done / max(total, 1))


def _forward(
    sub: Any, take: list[_Segment], padded: torch.Tensor, dev: torch.device, half: torch.dtype
) -> torch.Tensor:
    batch = torch.stack([_window(padded, s) for s in take]).to(dev)
    if half == torch.float32 or dev.type != "cuda":
        with torch.no_grad():
            return sub(batch).float()
    with torch.no_grad(), torch.autocast("cuda", dtype=half), _float_mask(sub):
        return sub(batch).float()


@contextmanager
def _float_mask(sub: Any) -> Iterator[None]:
    """(H)TDemucs turn the decoder's output into a complex spectrogram, which has no bfloat16 form:
    its ``_mask`` gets the output in float32 (the inverse STFT runs in float32 as well)."""
    if not hasattr(sub, "_mask"):
        yield
        return
    method = type(sub)._mask
    sub._mask = lambda z, m: method(sub, z, m.float())
    try:
        yield
    finally:
        del sub._mask


def _probe_batch_size(
    sub: Any, first: _Segment, padded: torch.Tensor, dev: torch.device, half: torch.dtype, count: int
) -> int:
    """Segments per batch that fit in the card's free memory, from one segment's measured peak."""
    key = (id(sub), first.window, str(half))
    if key not in _PER_SEGMENT_BYTES:
        torch.cuda.synchronize(dev)
        torch.cuda.reset_peak_memory_stats(dev)
        before = torch.cuda.memory_allocated(dev)
        _forward(sub, [first], padded, dev, half)
        torch.cuda.synchronize(dev)
        _PER_SEGMENT_BYTES[key] = max(1, torch.cuda.max_memory_allocated(dev) - before)
    return max(1, min(count, int(MEMORY_SHARE * free_bytes(dev) / _PER_SEGMENT_BYTES[key])))


def _overlap_add(take: list[_Segment], outs: torch.Tensor, views: list[_View]) -> None:
    for seg, out in zip(take, outs, strict=True):
        view = views[seg.view]
        trim = (out.shape[-1] - seg.length) // 2
        out = out[..., trim : trim + seg.length]  # demucs's center_trim
        if view.out is None or view.weight_sum is None:
            view.out = torch.zeros((*out.shape[:-1], view.length), device=out.device)
            view.weight_sum = torch.zeros(view.length, device=out.device)
        view.out, view.weight_sum = view.out.to(out.device), view.weight_sum.to(out.device)
        weight = _triangle(seg.full, out.device)
        view.out[..., seg.offset : seg.offset + seg.length] += weight[: seg.length] * out
        view.weight_sum[seg.offset : seg.offset + seg.length] += weight[: seg.length]


def _assemble(
    views: list[_View], bag_weights: list[list[float]], shifts: int, length: int, models: int
) -> torch.Tensor:
    estimates: torch.Tensor | None = None
    totals = [0.0] * len(bag_weights[0])
    for m in range(models):
        out: torch.Tensor | None = None
        mine = [v for v in views if v.model == m]
        for view in mine:
            assert view.out is not None and view.weight_sum is not None
            part = (view.out / view.weight_sum)[..., view.shift : view.shift + length]
            out = part if out is None else out.to(part.device) + part  # a fallback ends on the CPU
        assert out is not None
        if shifts:
            out = out / len(mine)
        for k, inst_weight in enumerate(bag_weights[m]):
            out[k] *= inst_weight
            totals[k] += inst_weight
        estimates = out if estimates is None else estimates.to(out.device) + out
    assert estimates is not None
    for k in range(estimates.shape[0]):
        estimates[k] /= totals[k]
    return estimates
