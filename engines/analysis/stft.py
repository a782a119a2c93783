"""madmom's STFT of a framed signal, computed in batches of frames instead of one frame at a time.

madmom's ``ShortTimeFourierTransform`` calls scipy's FFT once per frame from a Python loop (with
a framing call and a subclass view per frame): most of the time of the analysis's spectrograms.
``short_time_fourier_transform`` frames the signal with one gather and transforms BATCH_FRAMES
frames per call, the same window product and the same FFT per frame, so the result is madmom's
bit for bit (tests/engines/analysis/test_eval_sets.py compares them). Float signals only, with
madmom's defaults (no circular shift, no Nyquist bin, the frame size as the FFT size); anything
else goes to madmom's own loop.
"""

from __future__ import annotations

from typing import Any

import numpy as np

BATCH_FRAMES = 256  # frames per FFT call: 8 MB of complex128 at 4096-sample frames


def frame_starts(framed: Any) -> np.ndarray:
    """First sample of each frame of a madmom ``FramedSignal``, as its ``signal_frame`` places them
    (``int(index * hop_size) - frame_size // 2 - int(origin)``; may be negative or past the end)."""
    index = np.arange(len(framed), dtype=np.int64)
    refs = (index * float(framed.hop_size)).astype(np.int64)  # int() truncates; refs are >= 0
    return refs - int(framed.frame_size) // 2 - int(framed.origin)


def short_time_fourier_transform(framed: Any) -> Any:
    """``madmom.audio.stft.ShortTimeFourierTransform(framed)`` with its default settings, the same
    complex64 array and attributes, transformed BATCH_FRAMES frames at a time."""
    from madmom.audio.stft import STFT_DTYPE, ShortTimeFourierTransform
    from scipy import fftpack

    signal = np.asarray(framed.signal)
    if signal.ndim != 1 or not np.issubdtype(signal.dtype, np.floating):
        return ShortTimeFourierTransform(framed)
    frame_size = int(framed.frame_size)
    window = np.hanning(frame_size)  # float signals are not scaled: the window is the FFT window
    starts = frame_starts(framed)
    data = np.empty((len(starts), frame_size >> 1), STFT_DTYPE)
    if len(starts):
        # zeros around the signal stand for signal_frame's padding of frames that overhang an end
        left = max(0, -int(starts.min()))
        right = max(0, int(starts.max()) + frame_size - len(signal))
        padded = np.concatenate([np.zeros(left, signal.dtype), signal, np.zeros(right, signal.dtype)])
        windows = np.lib.stride_tricks.sliding_window_view(padded, frame_size)
        for first in range(0, len(starts), BATCH_FRAMES):
            frames = windows[starts[first : first + BATCH_FRAMES] + left]
            spectra = fftpack.fft(np.multiply(frames, window), frame_size, axis=1)
            data[first : first + len(frames)] = spectra[:, : frame_size >> 1]
    obj = data.view(ShortTimeFourierTransform)
    obj.frames = framed
    obj.window = window
    obj.fft_window = window
    obj.fft_size = frame_size
    obj.circular_shift = False
    obj.include_nyquist = False
    return obj
