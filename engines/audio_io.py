"""Read and write multichannel audio files as float32 (frames, channels) arrays, via soundfile.

Unlike ``engines.analysis.reader.read_audio`` (mono, for analysis), this keeps every channel and
the exact frame count, and writes 32-bit float WAV so that stems can null against their source.
Every failure is an AudioFileError naming the file; a file cut short (``engines.audio_header``) is
refused rather than read as a shorter one.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from engines.audio_header import cut_short
from engines.errors import AudioFileError

READABLE_FORMATS = ("WAV", "WAVEX", "AIFF", "FLAC", "MP3", "OGG", "W64", "RF64", "CAF")


def read_frames(
    path: str | Path, *, start_s: float | None = None, end_s: float | None = None
) -> tuple[np.ndarray, int]:
    """A float32 array of shape (frames, channels) and the file's sample rate (Hz).

    ``start_s``/``end_s`` select a region in seconds of the file (a clip's markers); an end past
    the file is clipped to it. Raises AudioFileError for a missing, empty, cut-short or unreadable file.
    """
    import soundfile as sf

    path = Path(path)
    if not path.is_file():
        raise AudioFileError(f"audio file {str(path)!r} does not exist or is not a file")
    if path.stat().st_size == 0:
        raise AudioFileError(f"audio file {str(path)!r} is empty (0 bytes)")
    try:
        with sf.SoundFile(str(path)) as f:
            if f.format not in READABLE_FORMATS:
                raise AudioFileError(
                    f"audio file {str(path)!r} is {f.format}: expected one of {', '.join(READABLE_FORMATS)}"
                )
            sample_rate, total = int(f.samplerate), int(f.frames)
            missing = cut_short(path, container=f.format, frames_reported=total, sample_rate_hz=sample_rate)
            if missing is not None:
                raise AudioFileError(
                    f"audio file {str(path)!r} is {missing} (an interrupted copy, or a recording "
                    "still being written?): copy or export it again"
                )
            if total == 0:
                raise AudioFileError(f"audio file {str(path)!r} holds no audio frames")
            first = 0 if start_s is None else round(start_s * sample_rate)
            last = total if end_s is None else min(total, round(end_s * sample_rate))
            if first < 0 or last <= first:
                raise AudioFileError(
                    f"audio file {str(path)!r}: region {start_s} s .. {end_s} s is outside the file "
                    f"(expected 0 <= start < end <= {total / max(sample_rate, 1):.3f} s)"
                )
            f.seek(first)
            data = f.read(last - first, dtype="float32", always_2d=True)
    except (sf.LibsndfileError, RuntimeError) as exc:
        raise AudioFileError(
            f"audio file {str(path)!r} cannot be read (corrupt or unsupported): {exc}"
        ) from exc
    if data.shape[0] == 0:
        raise AudioFileError(f"audio file {str(path)!r} holds no audio frames")
    if not np.all(np.isfinite(data)):
        raise AudioFileError(f"audio file {str(path)!r} holds non-finite samples (corrupt)")
    return np.ascontiguousarray(data), sample_rate


def write_wav(path: str | Path, frames: np.ndarray, sample_rate_hz: int) -> Path:
    """Write a (frames, channels) or 1-d array as a 32-bit float WAV; returns the path."""
    import soundfile as sf

    path = Path(path)
    data = np.asarray(frames, dtype=np.float32)
    if data.ndim not in (1, 2) or data.shape[0] == 0:
        raise AudioFileError(
            f"cannot write {str(path)!r}: expected (frames, channels) audio, got {data.shape}"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        sf.write(str(path), data, int(sample_rate_hz), subtype="FLOAT", format="WAV")
    except (sf.LibsndfileError, RuntimeError, OSError) as exc:
        raise AudioFileError(f"cannot write {str(path)!r}: {exc}") from exc
    return path
