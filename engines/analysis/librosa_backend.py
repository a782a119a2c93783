"""The librosa backend, used when madmom is missing: dynamic-programming beats, accent-based
downbeats, chroma key profile and chroma-template chords.

Works on mono float32 audio at 22.05 kHz (``SAMPLE_RATE_HZ``).
"""

from __future__ import annotations

import numpy as np

from engines.analysis import chords, grid, keys
from engines.analysis.result import Findings, Progress

SAMPLE_RATE_HZ = 22050
HOP = 512  # onset envelope hop (43 frames per second)
CHROMA_HOP = 2048  # chroma hop (about 10.8 frames per second)
# An onset counts toward a beat grid above this onset strength (librosa's dB-scaled mel flux,
# relative to the loudest frame): a sustained pad peaks below 1.2, music's onsets reach 5 to 20.
ONSET_EVIDENCE = 1.5


def available() -> bool:
    import importlib.util

    return importlib.util.find_spec("librosa") is not None


def chroma_frames(samples: np.ndarray) -> np.ndarray:
    """STFT chroma of 22.05 kHz mono audio, (frames, 12), C first, at ``CHROMA_HOP``."""
    import librosa

    chroma = librosa.feature.chroma_stft(y=samples, sr=SAMPLE_RATE_HZ, hop_length=CHROMA_HOP)
    return np.asarray(chroma.T, dtype=np.float64)


def analyze(samples: np.ndarray, progress: Progress) -> Findings:
    """Beats, downbeats, key and chords with librosa; ``progress(fraction, message)`` between stages."""
    import librosa

    sr = SAMPLE_RATE_HZ
    progress(0.1, "onsets and beats")
    onset_env = librosa.onset.onset_strength(y=samples, sr=sr, hop_length=HOP)
    beat_frames = np.zeros(0, dtype=np.int64)
    if grid.rhythmic(onset_env, sr / HOP, ONSET_EVIDENCE):
        _, tracked = librosa.beat.beat_track(onset_envelope=onset_env, sr=sr, hop_length=HOP)
        beat_frames = np.asarray(tracked, dtype=np.int64)
    beats = librosa.frames_to_time(beat_frames, sr=sr, hop_length=HOP).astype(np.float64)
    progress(0.5, "chroma")
    chroma = chroma_frames(samples)
    fps = sr / CHROMA_HOP
    downbeats, meter, confidence = np.zeros(0), 4, 0.0
    if len(beats) >= 8:
        # Accent per beat: low-frequency onset strength plus chord change at the beat.
        bass = librosa.onset.onset_strength(y=samples, sr=sr, hop_length=HOP, fmax=200.0, n_mels=32)
        strength = bass[np.minimum(beat_frames, len(bass) - 1)]
        # Chroma averaged over each beat, so a chord change shows at the beat that starts it.
        bounds = np.minimum((beats * fps).astype(np.int64), len(chroma) - 1)
        ends = np.r_[bounds[1:], len(chroma)]
        beat_chroma = np.array(
            [chroma[b : max(b + 1, e)].mean(axis=0) for b, e in zip(bounds, ends, strict=True)]
        )
        change = np.r_[0.0, np.linalg.norm(np.diff(beat_chroma, axis=0), axis=1)]
        accents = strength / max(float(strength.max()), 1e-9) + change / max(float(change.max()), 1e-9)
        meter, phase, confidence = grid.accent_meter(accents)
        downbeats = beats[phase::meter]
    progress(0.8, "key and chords")
    return Findings(
        beats_s=beats,
        downbeats_s=downbeats,
        beats_per_bar=meter,
        key_probabilities=keys.profile_probabilities(chroma.sum(axis=0)),
        chords=chords.add_sevenths(chords.template_chords(chroma, fps), chroma, fps),
        # Not measured: the STFT chroma is normalised per frame, and spectral flatness did not
        # separate drum loops from real mixes (docs/benchmarks/analysis.md), so this backend always names a key.
        pitched_share=1.0,
        meter_confidence=confidence,
    )
