"""Test audio and a pass-through stand-in model for the separation tests."""

from __future__ import annotations

import numpy as np
import torch


class PassThrough(torch.nn.Module):
    """A stand-in demucs model whose every stem is the mix divided by the number of stems.

    With it, correct resampling, channel handling and alignment show up as stems equal to
    mix / 4, which a random model cannot show.
    """

    def __init__(self) -> None:
        super().__init__()
        self.sources = ["drums", "bass", "other", "vocals"]
        self.samplerate = 44100
        self.audio_channels = 2
        self.segment = 1.0
        self.anchor = torch.nn.Parameter(torch.zeros(1))  # apply_model reads .parameters()

    def forward(self, mix: torch.Tensor) -> torch.Tensor:
        return mix[:, None].expand(-1, len(self.sources), -1, -1) / len(self.sources)


def music(seconds: float, rate: int, channels: int, seed: int = 0, noise: float = 0.02) -> np.ndarray:
    """A (frames, channels) float32 test mix: a few sines plus white noise, peak below 1."""
    rng = np.random.default_rng(seed)
    t = np.arange(round(seconds * rate)) / rate
    out = np.empty((t.size, channels), dtype=np.float32)
    for c in range(channels):
        tone = sum(0.2 * np.sin(2 * np.pi * f * (c + 1) * t) for f in (110.0, 440.0, 1250.0))
        out[:, c] = tone + noise * rng.standard_normal(t.size)
    return out
