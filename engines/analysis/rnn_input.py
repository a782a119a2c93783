"""The beat and the downbeat networks' inputs, computed as madmom's processors compute them.

madmom's RNNBeatProcessor and RNNDownBeatProcessor each take their own STFTs of the same signal at
three frame sizes; here one STFT per frame size (``engines.analysis.stft``, frames transformed in
batches, bit-identical to madmom's frame loop) feeds both networks' log-filtered spectrograms and
their positive differences. Works on a madmom ``Signal`` at 44.1 kHz (``SAMPLE_RATE_HZ``).
"""

from __future__ import annotations

import functools
from typing import Any

import numpy as np

from engines.analysis.bars import FPS

SAMPLE_RATE_HZ = 44100
FRAME_SIZES = (1024, 2048, 4096)  # the networks' STFT sizes at 44.1 kHz
BEAT_BANDS = 6  # filter bands per octave of the beat network's input, at every frame size
BAR_BANDS = (3, 6, 12)  # the same for the downbeat network, per frame size
# Frames per STFT block (120 s at FPS): a whole-file STFT at 4096 holds 12 bytes per bin and frame,
# 1.4 GB over a 9-minute file. A clip up to one block long is transformed whole, bit-identical to
# madmom's processors; past it the filterbank products differ from theirs by float32 rounding (BLAS
# rounds by the matrix's height), under 3e-7 in the log spectrogram (docs/benchmarks/analysis.md).
STFT_BLOCK_FRAMES = 12000


@functools.cache
def log_filterbank(frame_size: int, bands: int) -> Any:
    """The logarithmic filterbank the networks' spectrograms use (``bands`` per octave, 30 Hz to
    17 kHz, normalised) for ``frame_size`` at 44.1 kHz: a constant, built once a process."""
    from madmom.audio.filters import LogarithmicFilterbank
    from madmom.audio.stft import fft_frequencies

    return LogarithmicFilterbank(
        fft_frequencies(frame_size >> 1, SAMPLE_RATE_HZ),
        num_bands=bands,
        fmin=30,
        fmax=17000,
        norm_filters=True,
    )


def rnn_features(signal: Any) -> tuple[np.ndarray, np.ndarray]:
    """Inputs of the beat and the downbeat networks, sharing one STFT per frame size.

    The same multi-resolution log-filtered spectrogram differences that madmom's
    RNNBeatProcessor (6 bands per octave at every size) and RNNDownBeatProcessor (3, 6, 12)
    compute, each from its own STFTs. The STFTs run over STFT_BLOCK_FRAMES frames at a time (each
    frame is transformed alone, in batches: ``stft``); one magnitude spectrogram per block feeds both
    band counts, and only the filtered bands are kept.
    """
    from madmom.audio.signal import FramedSignal
    from madmom.audio.spectrogram import (
        FilteredSpectrogram,
        LogarithmicSpectrogram,
        Spectrogram,
        _diff_frames,
    )

    from engines.analysis.stft import short_time_fourier_transform

    beat_parts: list[np.ndarray] = []
    bar_parts: list[np.ndarray] = []
    for frame_size, bar_bands in zip(FRAME_SIZES, BAR_BANDS, strict=True):
        framed = FramedSignal(signal, frame_size=frame_size, fps=FPS)
        band_counts = sorted({BEAT_BANDS, bar_bands})
        blocks: dict[int, list[np.ndarray]] = {bands: [] for bands in band_counts}
        for first in range(0, max(len(framed), 1), STFT_BLOCK_FRAMES):
            stft = short_time_fourier_transform(framed[first : first + STFT_BLOCK_FRAMES])
            magnitude = Spectrogram(stft)
            for bands in band_counts:
                spec = FilteredSpectrogram(magnitude, filterbank=log_filterbank(frame_size, bands))
                blocks[bands].append(np.asarray(LogarithmicSpectrogram(spec, mul=1, add=1)))
        # as madmom's SpectrogramDifference(diff_ratio=0.5, positive_diffs=True) on the whole spectrogram
        lag = _diff_frames(0.5, hop_size=framed.hop_size, frame_size=frame_size, window=stft.window)
        done: dict[int, np.ndarray] = {}
        for bands in band_counts:
            log_spec = np.vstack(blocks.pop(bands))
            diff = np.zeros_like(log_spec)
            diff[lag:] = np.maximum(log_spec[lag:] - log_spec[:-lag], 0)
            done[bands] = np.hstack((log_spec, diff))
        beat_parts.append(done[BEAT_BANDS])
        bar_parts.append(done[bar_bands])
    return np.hstack(beat_parts), np.hstack(bar_parts)
