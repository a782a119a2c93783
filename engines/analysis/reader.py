"""Read an audio file (WAV, AIFF, FLAC, MP3, OGG) as mono float32 for analysis.

Decoding, format checks and regions come from ``engines.audio_io.read_frames``; this adds the
downmix. Every failure is an AudioFileError naming the file and the problem.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

SILENCE_PEAK = 1e-4  # -80 dBFS: a file whose loudest sample is below this holds no music


def is_silent(samples: np.ndarray) -> bool:
    """True for an empty array or one whose peak, once any DC offset is removed, is below SILENCE_PEAK.

    A constant offset (a faulty converter, a bad bounce) makes no sound.
    """
    if samples.size == 0:
        return True
    offset = np.mean(samples, axis=0, dtype=np.float64)
    return float(np.max(np.abs(samples - offset))) < SILENCE_PEAK


def to_mono(samples: np.ndarray) -> np.ndarray:
    """Average the channels of a (frames, channels) array; a 1-d array is returned as float32."""
    if samples.ndim == 2:
        samples = samples.mean(axis=1)
    return np.ascontiguousarray(samples, dtype=np.float32)


def read_audio(
    path: str | Path, *, start_s: float | None = None, end_s: float | None = None, allow_short: bool = False
) -> tuple[np.ndarray, int]:
    """Mono float32 samples and the file's sample rate (Hz), optionally only start_s..end_s.

    The region is in seconds of the file (a Live clip's start and end markers); end_s past the
    end of the file is clipped. Silence is read like any audio (``analyze`` answers it with key
    "N" and no beats). Raises AudioFileError for a missing, empty, corrupt, unsupported or cut-short
    file (``allow_short`` reads a cut-short one as it is).
    """
    from engines.audio_io import read_frames

    frames, sample_rate = read_frames(path, start_s=start_s, end_s=end_s, allow_short=allow_short)
    return to_mono(frames), sample_rate
