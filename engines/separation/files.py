"""Separate an audio file (or a region of it) into one 32-bit float WAV per stem.

This is the file-level wrapper that ``roo separate`` runs in-process and the daemon runs in the
model worker (``"engines.separation.files:separate_file"``); the separation itself is the pure
``engines.separation.core.separate``.
"""

from __future__ import annotations

from pathlib import Path

from engines.audio_io import read_frames, write_wav
from engines.separation.core import Progress, separate
from engines.separation.models import DEFAULT_MODEL, load_model

LOAD_SHARE = 0.05  # progress fraction given to loading the file and the model
WRITE_SHARE = 0.05  # and to writing the stems


def separate_file(
    *,
    path: str,
    out_dir: str,
    model: str = DEFAULT_MODEL,
    exact_sum: bool = False,
    start_s: float | None = None,
    end_s: float | None = None,
    seed: int = 0,
    device: str | None = None,
    progress: Progress | None = None,
) -> dict[str, str]:
    """Write ``<stem>.wav`` files into ``out_dir``; returns stem name -> file path, in model order.

    The stems have the file's sample rate, channel count and exact frame count (of the region
    ``start_s``..``end_s`` in seconds, when given).
    """
    report = progress or (lambda fraction, message: None)
    report(0.0, "reading audio")
    mix, sample_rate_hz = read_frames(path, start_s=start_s, end_s=end_s)
    report(0.01, f"loading model {model}")
    loaded = load_model(model)

    def scaled(fraction: float, message: str) -> None:
        report(LOAD_SHARE + fraction * (1.0 - LOAD_SHARE - WRITE_SHARE), message)

    stems = separate(
        mix, sample_rate_hz, loaded, exact_sum=exact_sum, seed=seed, device=device, progress=scaled
    )
    report(1.0 - WRITE_SHARE, "writing stems")
    out = Path(out_dir)
    written = {
        name: str(write_wav(out / f"{name}.wav", audio, sample_rate_hz)) for name, audio in stems.items()
    }
    report(1.0, f"wrote {len(written)} stems to {out}")
    return written
