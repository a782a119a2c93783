"""Read and write multichannel audio files as float32 (frames, channels) arrays, via soundfile.

Unlike ``engines.analysis.reader.read_audio`` (mono, for analysis), this keeps every channel and
the exact frame count, and writes 32-bit float WAV so that stems can null against their source.
Every failure is an AudioFileError naming the file; a file cut short (``engines.audio_header``) is
refused rather than read as a shorter one, unless the caller allows it. What the decoders print
themselves (mpg123's "Xing stream size off" on stderr, libsndfile's "Internal psf_fseek() failed")
goes to the debug log: the user reads our message, not theirs.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from engines.audio_header import cut_short
from engines.errors import AudioFileError, FileCutShort

log = logging.getLogger(__name__)
READABLE_FORMATS = ("WAV", "WAVEX", "AIFF", "FLAC", "MP3", "OGG", "W64", "RF64", "CAF")
_FD2_LOCK = threading.Lock()  # decoder_stderr swaps the process's fd 2: one at a time
# Decoder lines that are the decoder's own bookkeeping, never a message for the user.
DECODER_NOISE = re.compile(r"Xing stream size|psf_fseek|psf_|^\s*\*\*\*|^Internal ", re.IGNORECASE)


@contextlib.contextmanager
def decoder_stderr() -> Iterator[None]:
    """Hold what C decoders write to file descriptor 2 while the block runs: their own lines
    (``DECODER_NOISE``) go to the debug log, anything else back to stderr afterwards. One block at
    a time (fd 2 is the process's): two threads swapping it in turn would leave it on a dead file."""
    with _FD2_LOCK:
        try:
            sys.stderr.flush()
            saved = os.dup(2)
        except (OSError, ValueError):  # no usable fd 2 (an embedded interpreter): nothing to hold
            yield
            return
        yield from _held_fd2(saved)


def _held_fd2(saved: int) -> Iterator[None]:
    with tempfile.TemporaryFile() as held:
        os.dup2(held.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            held.seek(0)
            for line in held.read().decode("utf-8", "replace").splitlines():
                if DECODER_NOISE.search(line):
                    log.debug("decoder: %s", line)
                elif line.strip():
                    print(line, file=sys.stderr)


def decoder_detail(exc: BaseException) -> str:
    """libsndfile's reason as a clause for our message, or "" when it is its internal bookkeeping."""
    text = str(exc).strip()
    if not text or DECODER_NOISE.search(text):
        log.debug("decoder: %s", text)
        return ""
    return f": {text}"


def read_frames(
    path: str | Path, *, start_s: float | None = None, end_s: float | None = None, allow_short: bool = False
) -> tuple[np.ndarray, int]:
    """A float32 array of shape (frames, channels) and the file's sample rate (Hz).

    ``start_s``/``end_s`` select a region in seconds of the file (a clip's markers); an end past
    the file is clipped to it. Raises AudioFileError for a missing, empty, cut-short or unreadable
    file; ``allow_short`` reads a cut-short file's frames as they are (with a warning in the log).
    """
    path = Path(path)
    if not path.is_file():
        raise AudioFileError(f"audio file {str(path)!r} does not exist or is not a file")
    if path.stat().st_size == 0:
        raise AudioFileError(f"audio file {str(path)!r} is empty (0 bytes)")
    with decoder_stderr():
        data, sample_rate = _decode(path, start_s, end_s, allow_short)
    if data.shape[0] == 0:
        raise AudioFileError(f"audio file {str(path)!r} holds no audio frames")
    if not np.all(np.isfinite(data)):
        raise AudioFileError(f"audio file {str(path)!r} holds non-finite samples (corrupt)")
    return np.ascontiguousarray(data), sample_rate


def _decode(
    path: Path, start_s: float | None, end_s: float | None, allow_short: bool
) -> tuple[np.ndarray, int]:
    import soundfile as sf

    try:
        with sf.SoundFile(str(path)) as f:
            if f.format not in READABLE_FORMATS:
                raise AudioFileError(
                    f"audio file {str(path)!r} is {f.format}: expected one of {', '.join(READABLE_FORMATS)}"
                )
            sample_rate, total = int(f.samplerate), int(f.frames)
            missing = cut_short(path, container=f.format, frames_reported=total, sample_rate_hz=sample_rate)
            if missing is not None and not allow_short:
                raise FileCutShort(
                    f"audio file {str(path)!r} is {missing} (an interrupted copy, or a recording "
                    "still being written?): copy or export it again"
                )
            held = None
            if missing is not None:
                # a cut file's decoder may fail to seek (libsndfile's "psf_fseek"): read it all, then cut
                log.warning("reading %s although it is %s", path, missing)
                held = f.read(dtype="float32", always_2d=True)
                total = held.shape[0]
            if total == 0:
                raise AudioFileError(f"audio file {str(path)!r} holds no audio frames")
            first = 0 if start_s is None else round(start_s * sample_rate)
            last = total if end_s is None else min(total, round(end_s * sample_rate))
            if first < 0 or last <= first:
                end = "its end" if end_s is None else f"{end_s:g} s"
                raise AudioFileError(
                    f"audio file {str(path)!r} lasts {total / max(sample_rate, 1):.3f} s: the region "
                    f"{0.0 if start_s is None else start_s:g} s .. {end} is outside the file (expected "
                    f"0 <= start < end <= {total / max(sample_rate, 1):.3f} s)"
                )
            if held is not None:
                return held[first:last], sample_rate
            f.seek(first)
            return f.read(last - first, dtype="float32", always_2d=True), sample_rate
    except (sf.LibsndfileError, RuntimeError) as exc:
        where = "" if not start_s else f" from {start_s:g} s"
        raise AudioFileError(
            f"audio file {str(path)!r} cannot be read{where} (corrupt, cut short or unsupported)"
            f"{decoder_detail(exc)}"
        ) from exc


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
