"""Stem separation: a (frames, channels) array in, one array per stem out; no file I/O here.

The mix is resampled to the model's rate and back, so each stem has the input's sample rate,
channel count and exact frame count. Channels are separated in groups of the model's channel
count (a mono input is duplicated to stereo and the stems averaged back to mono; 3+ channels go
in pairs). ``exact_sum`` spreads the residual over the stems in proportion to each stem's
magnitude at each sample, so the stems sum to the input within float32 rounding.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import numpy as np

from engines.errors import InvalidValue
from engines.separation.batched import separate_batched, use_batched
from engines.separation.models import best_device, source_names

Progress = Callable[[float, str], None]
RESIDUAL_BLOCK_FRAMES = 1 << 14  # 16384 frames: float64 temporaries of 256 KB (stereo), reused, in cache
SILENT_STD = 1e-8  # a mix quieter than this has nothing to separate: all stems are silence


def separate(
    mix: np.ndarray,
    sample_rate_hz: int,
    model: Any,
    *,
    exact_sum: bool = False,
    seed: int = 0,
    shifts: int = 1,
    overlap: float = 0.25,
    device: str | None = None,
    progress: Progress | None = None,
    batched: bool | None = None,
) -> dict[str, np.ndarray]:
    """Stems of ``mix`` (float32, shape (frames, channels) or (frames,)) by stem name, same shape.

    ``shifts`` and ``overlap`` are demucs's (random time shifts, drawn from ``seed``); progress is
    called with fractions 0..1 and may raise JobCancelled to stop between model segments.
    ``batched`` (default: on for CUDA) sends all segments through the model in batches
    (``engines.separation.batched``) instead of demucs's one-at-a-time loop.
    """
    audio = _checked(mix, sample_rate_hz)
    report = progress or (lambda fraction, message: None)
    names = source_names(model)
    frames, channels = audio.shape
    width = int(model.audio_channels)
    groups = [list(range(c, min(c + width, channels))) for c in range(0, channels, width)]
    stems = np.zeros((len(names), frames, channels), dtype=np.float32) if len(groups) > 1 else None
    device = device or best_device()
    batch = use_batched(device) if batched is None else batched
    state = random.getstate()
    random.seed(seed)
    try:
        for g, group in enumerate(groups):

            def sub(fraction: float, message: str, g: int = g) -> None:
                report((g + fraction) / len(groups), message)

            part = _separate_group(
                audio[:, group], sample_rate_hz, model, width, shifts, overlap, device, batch, sub
            )
            if stems is None:  # one group holds every channel: no copy
                stems = part
            else:
                stems[:, :, group] = part
    finally:
        random.setstate(state)
    assert stems is not None
    if exact_sum:
        stems = assign_residual(audio, stems)
    report(1.0, "separated")
    return {name: stems[i] for i, name in enumerate(names)}


def assign_residual(mix: np.ndarray, stems: np.ndarray) -> np.ndarray:
    """Stems (S, frames, channels) adjusted so that they sum to ``mix`` within float32 rounding.

    Worked ``RESIDUAL_BLOCK_FRAMES`` at a time: every step is per sample (the sums run over the
    stems), so the result is the same bit for bit as on the whole clip at once, while the float64
    temporaries stay small. On the whole of a 30 s clip they were about 400 MB of fresh memory a
    separation (each page faulted in and zeroed by the kernel), a tenth of a tiny model's job."""
    out = np.empty_like(stems)
    for start in range(0, stems.shape[1], RESIDUAL_BLOCK_FRAMES):
        block = slice(start, start + RESIDUAL_BLOCK_FRAMES)
        _assign_block(mix[block], stems[:, block], out[:, block])
    return out


def _assign_block(mix: np.ndarray, stems: np.ndarray, out: np.ndarray) -> None:
    target = mix.astype(np.float64)
    residual = target - stems.astype(np.float64).sum(axis=0)
    magnitude = np.abs(stems)
    total = magnitude.sum(axis=0)
    quiet = total <= 0.0
    safe_total = np.where(quiet, 1.0, total)
    for i in range(stems.shape[0]):
        share = np.where(quiet, 1.0 / stems.shape[0], magnitude[i] / safe_total)
        out[i] = (stems[i] + share * residual).astype(np.float32)
    # the last stem also takes what float32 rounding of the others left over
    out[-1] = (target - out[:-1].astype(np.float64).sum(axis=0)).astype(np.float32)


def _checked(mix: np.ndarray, sample_rate_hz: int) -> np.ndarray:
    audio = np.asarray(mix, dtype=np.float32)
    if audio.ndim == 1:
        audio = audio[:, None]
    if audio.ndim != 2 or audio.shape[0] == 0 or audio.shape[1] == 0:
        raise InvalidValue(f"mix of shape {np.shape(mix)}: expected (frames, channels) with frames > 0")
    if not isinstance(sample_rate_hz, int | np.integer) or not 1000 <= sample_rate_hz <= 768_000:
        raise InvalidValue(f"sample rate {sample_rate_hz!r} Hz: expected an integer 1000..768000")
    if not np.all(np.isfinite(audio)):
        raise InvalidValue("mix holds NaN or infinite samples: expected finite audio")
    return audio


def _separate_group(
    audio: np.ndarray,
    sample_rate_hz: int,
    model: Any,
    width: int,
    shifts: int,
    overlap: float,
    device: str,
    batched: bool,
    report: Progress,
) -> np.ndarray:
    """Stems (S, frames, len(group)) of a (frames, len(group)) slice with len(group) <= width."""
    import julius
    import torch
    from demucs.apply import apply_model

    frames, used = audio.shape
    model_rate = int(model.samplerate)
    # the batched path keeps the audio on its device from here to the stems' last transpose
    x = torch.from_numpy(audio).to(device if batched else "cpu").T.contiguous()
    if used < width:
        x = x.mean(dim=0, keepdim=True).expand(width, -1).contiguous()
    if sample_rate_hz != model_rate:
        x = julius.resample_frac(x, sample_rate_hz, model_rate, full=True)  # ceil: no frame lost
    reference = x.mean(dim=0)
    mean, std = float(reference.mean()), float(reference.std())
    if not std > SILENT_STD:
        report(1.0, "silent input")
        return np.zeros((len(model.sources), frames, used), dtype=np.float32)
    x = (x - mean) / std
    length = x.shape[-1] + (int(0.5 * model_rate) if shifts else 0)
    segment_len = _segment_s(model) * model_rate
    report(0.0, "separating")

    stride = (1.0 - overlap) * segment_len

    def callback(info: dict[str, Any]) -> None:
        done = 1.0 if info.get("state") == "end" else 0.0  # a segment's end counts up to the next start
        within = min(1.0, (info.get("segment_offset", 0) + done * stride) / max(length, 1))
        bag = max(1, int(info.get("models", 1)))
        fraction = (info.get("model_idx_in_bag", 0) + within) / bag
        report(min(fraction, 0.999), f"separating: {100 * fraction:.0f}%")

    if batched:
        out = separate_batched(model, x, shifts=shifts, overlap=overlap, device=device, report=report)
    else:
        with torch.no_grad():
            out = apply_model(
                model, x[None], shifts=shifts, split=True, overlap=overlap, device=device, callback=callback
            )[0]
    out = out.float() * std + mean
    if sample_rate_hz != model_rate:
        longest = -(-out.shape[-1] * sample_rate_hz // model_rate)
        out = julius.resample_frac(out, model_rate, sample_rate_hz, output_length=min(frames, longest))
    if out.shape[-1] < frames:
        out = torch.nn.functional.pad(out, (0, frames - out.shape[-1]))
    out = out[..., :frames]
    if used < width:
        out = out.mean(dim=1, keepdim=True)
    return out.transpose(1, 2).contiguous().cpu().numpy()


def _segment_s(model: Any) -> float:
    """Seconds per model segment (a bag's first model's), for progress fractions only."""
    first = model.models[0] if hasattr(model, "models") else model
    return float(getattr(first, "segment", 8.0))
