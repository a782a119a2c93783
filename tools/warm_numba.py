"""Compile librosa's numba functions once, in one process, at install time.

librosa caches its numba code beside its own sources (``cache=True``). When several processes
compile the same function for the first time at once (pytest workers, the daemon and a queue
worker on a fresh install), the cache index can be written by one while another reads it, and a
later load of that entry crashes the process (a segmentation fault in ``librosa.util.localmax``,
seen in a fresh-clone CI run). ``make setup`` runs this once, so every later process only reads.
It calls each librosa function the project uses on a few seconds of synthetic sound, and the bar
fit's compiled forward pass (engines/analysis/viterbi.py) on a small downbeat model.
"""

from __future__ import annotations

import numpy as np


def warm(sample_rate_hz: int = 22050) -> None:
    import librosa

    t = np.arange(int(3.0 * sample_rate_hz)) / sample_rate_hz
    y = (0.3 * np.sin(2 * np.pi * 220.0 * t)).astype(np.float32)
    y[:: sample_rate_hz // 2] += 0.9  # clicks, so the beat tracker has onsets
    librosa.beat.beat_track(y=y, sr=sample_rate_hz)
    librosa.onset.onset_strength(y=y, sr=sample_rate_hz)
    librosa.feature.chroma_stft(y=y, sr=sample_rate_hz)
    librosa.effects.time_stretch(y, rate=1.1)
    librosa.frames_to_time(np.arange(4), sr=sample_rate_hz)


def warm_viterbi() -> None:
    from madmom.features.downbeats import DBNDownBeatTrackingProcessor

    from engines.analysis.viterbi import best_log_probability

    (hmm,) = DBNDownBeatTrackingProcessor(beats_per_bar=[3], min_bpm=100.0, max_bpm=110.0, fps=100).hmms
    best_log_probability(hmm, np.full((50, 2), 0.1))


if __name__ == "__main__":
    warm()
    warm_viterbi()
    print("the numba caches (librosa's, the bar fit's) are warm")
