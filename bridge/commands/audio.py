"""Audio for speech: read a WAV as 16 kHz mono int16 (what the recognisers take), resampling
when needed. Push-to-talk recording of the default input lives in ``recorder``.
"""

from __future__ import annotations

from math import gcd
from pathlib import Path
from typing import Any

from engines.errors import AudioFileError

FRAME = 160  # 10 ms at 16 kHz, the frame of the silence and level measures
TRIM_DB, TRIM_MARGIN_S = -35.0, 0.15  # speech trimming: 10 ms frames this far below the loudest are silence

SPEECH_RATE_HZ = 16000

Array = Any  # numpy.ndarray; numpy is imported inside the functions to keep imports light


def to_speech_int16(samples: Array, rate_hz: int) -> Array:
    """Mono int16 at 16 kHz from float (-1..1) or int16 samples of any shape (frames, channels)."""
    import numpy as np
    from scipy.signal import resample_poly

    x = np.asarray(samples)
    if x.dtype == np.int16:
        x = x.astype(np.float32) / 32768.0
    x = x.astype(np.float32)
    if x.ndim == 2:
        x = x.mean(axis=1)
    if x.ndim != 1:
        raise AudioFileError(f"audio of shape {x.shape} is not (frames,) or (frames, channels)")
    if rate_hz != SPEECH_RATE_HZ:
        g = gcd(rate_hz, SPEECH_RATE_HZ)
        x = resample_poly(x, SPEECH_RATE_HZ // g, rate_hz // g).astype(np.float32)
    return (np.clip(x, -1.0, 1.0) * 32767.0).astype(np.int16)


def read_speech_wav(path: str | Path) -> Array:
    """A sound file as 16 kHz mono int16; raises AudioFileError for missing or unreadable files."""
    import soundfile as sf

    p = Path(path)
    if not p.is_file():
        raise AudioFileError(f"audio file {str(p)!r} does not exist")
    try:
        samples, rate = sf.read(str(p), dtype="float32", always_2d=True)
    except (sf.LibsndfileError, RuntimeError) as exc:
        raise AudioFileError(f"audio file {str(p)!r} cannot be read: {exc}") from exc
    if len(samples) == 0:
        raise AudioFileError(f"audio file {str(p)!r} is empty")
    return to_speech_int16(samples, int(rate))


def trim_silence(audio: Array, *, threshold_db: float = -35.0, margin_s: float = 0.15) -> Array:
    """Cut leading and trailing silence (10 ms frames quieter than ``threshold_db`` below the
    loudest frame), keeping ``margin_s`` either side; all-silent audio comes back unchanged."""
    import numpy as np

    x = np.asarray(audio)
    hop = SPEECH_RATE_HZ // 100
    n = len(x) // hop
    if n == 0:
        return x
    frames = x[: n * hop].astype(np.float32).reshape(n, hop)
    rms = np.sqrt(np.mean(frames**2, axis=1)) + 1e-9
    loud = np.flatnonzero(20 * np.log10(rms / rms.max()) > threshold_db)
    if rms.max() < 1.0 or len(loud) == 0:
        return x
    margin = int(margin_s * SPEECH_RATE_HZ)
    return x[max(0, loud[0] * hop - margin) : min(len(x), (loud[-1] + 1) * hop + margin)]
