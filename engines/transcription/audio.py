"""The clip made ready for transcription (mono, 22,050 Hz, checked) and what it sounds like.

``prepare`` refuses what no kind can read (a wrong shape or rate, too short, silent);
``describe`` says whether the clip is mostly hits, mostly steady pitches, or noise, from a
median-filter split of its spectrogram into steady (horizontal) and struck (vertical) parts.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engines.errors import InvalidValue, UnsuitableAudio
from engines.transcription.model import MODEL_RATE_HZ

MIN_DURATION_S = 0.25
SILENCE_DBFS = -70.0  # a clip whose loudest sample is below this is silence
NOISE_FLATNESS = 0.35  # mean spectral flatness above this with no steady or struck part: noise
DRUMS_SHARE = 0.55  # share of the split's energy in hits above which the clip is a drum part ...
PITCHED_SHARE = 0.5  # ... unless the note model hears a clear pitch in this share of its sounding frames;
UNPITCHED_SHARE = 0.2  # where it hears one in less than this share (brushes, soft kits: fewer sharp hits),
UNPITCHED_DRUMS_SHARE = 0.3  # this share of energy in hits is enough
_FFT = 2048
_HOP = 1024
_BINS = 560  # up to about 6 kHz: enough to tell hits from held notes, and a third of the cost


@dataclass(frozen=True, slots=True)
class Profile:
    """What a clip sounds like: ``percussive_share`` (0..1), median spectral ``flatness`` (0..1),
    and ``pitched_share`` (0..1: sounding frames where the note model hears a clear pitch; None
    before the model ran)."""

    percussive_share: float | None
    flatness: float | None
    pitched_share: float | None = None

    @property
    def found(self) -> str:
        """``noise``, ``drums`` or ``pitched``: the reading the errors and auto name.

        Clear pitches win (short chord stabs put most of their energy in hits too)."""
        if self.pitched_share is not None and self.pitched_share >= PITCHED_SHARE:
            return "pitched"
        if self.percussive_share is None or self.flatness is None:
            return "pitched"
        if self.flatness > NOISE_FLATNESS and self.percussive_share < DRUMS_SHARE + 0.15:
            return "noise"
        unpitched = self.pitched_share is not None and self.pitched_share < UNPITCHED_SHARE
        if self.percussive_share > DRUMS_SHARE or (
            unpitched and self.percussive_share > UNPITCHED_DRUMS_SHARE
        ):
            return "drums"
        return "pitched"

    def words(self) -> str:
        said = []
        if self.percussive_share is not None and self.flatness is not None:
            said.append(
                f"{self.percussive_share:.0%} of its energy in hits, spectral flatness {self.flatness:.2f}"
            )
        if self.pitched_share is not None:
            said.append(f"a clear pitch in {self.pitched_share:.0%} of it")
        return ", ".join(said)


def prepare(audio: np.ndarray, sample_rate_hz: int) -> np.ndarray:
    """Mono float32 at the model's 22,050 Hz from (frames,) or (frames, channels) audio, checked
    (integer PCM is scaled to -1..1)."""
    if not isinstance(sample_rate_hz, int | np.integer) or not 8000 <= int(sample_rate_hz) <= 384000:
        raise InvalidValue(
            f"sample_rate_hz {sample_rate_hz!r} is not valid: expected an integer 8000..384000"
        )
    array = np.asarray(audio)
    if array.ndim not in (1, 2) or array.size == 0 or not np.issubdtype(array.dtype, np.number):
        raise InvalidValue(
            f"audio of shape {array.shape} and type {array.dtype} is not valid: expected a numeric "
            "(frames,) or (frames, channels) array"
        )
    scale = float(np.iinfo(array.dtype).max) + 1.0 if np.issubdtype(array.dtype, np.integer) else 1.0  # PCM
    samples = array.astype(np.float32) / np.float32(scale)
    mono = samples.mean(axis=1) if array.ndim == 2 else samples
    if not np.all(np.isfinite(mono)):
        raise InvalidValue("audio holds NaN or infinite samples: expected finite samples in -1..1")
    duration_s = len(mono) / int(sample_rate_hz)
    if duration_s < MIN_DURATION_S:
        raise UnsuitableAudio(
            f"the clip is {duration_s:.3f} s long: too short to transcribe (at least {MIN_DURATION_S} s)"
        )
    peak = float(np.max(np.abs(mono)))
    peak_dbfs = 20 * np.log10(peak) if peak > 0 else -np.inf
    if peak_dbfs < SILENCE_DBFS:
        level = "digital silence" if peak == 0 else f"its loudest sample is {peak_dbfs:.0f} dBFS"
        raise UnsuitableAudio(f"the clip is silent ({level}): there are no notes to transcribe")
    if int(sample_rate_hz) == MODEL_RATE_HZ:
        return mono
    import soxr

    return np.asarray(soxr.resample(mono, int(sample_rate_hz), MODEL_RATE_HZ), dtype=np.float32)


def power_spectrogram(y: np.ndarray, n_fft: int = _FFT, hop: int = _HOP) -> np.ndarray:
    """Power spectrogram (bins, frames) with a Hann window, frames centred on ``hop`` multiples."""
    padded = np.pad(y, n_fft // 2)
    n_frames = 1 + (len(padded) - n_fft) // hop
    frames = np.lib.stride_tricks.as_strided(
        padded, shape=(n_frames, n_fft), strides=(padded.strides[0] * hop, padded.strides[0])
    )
    spectrum = np.fft.rfft(frames * np.hanning(n_fft).astype(np.float32), axis=1)
    return (spectrum.real**2 + spectrum.imag**2).T  # float32 throughout (numpy 2): half the work of float64


def describe(y: np.ndarray, pitched_share: float | None = None) -> Profile:
    """How much of the clip's energy is struck rather than held, and how noise-like its spectrum is
    (``pitched_share``, when the note model already ran, is kept beside them)."""
    power = power_spectrogram(y)[:_BINS]
    loud = power.sum(axis=0) > 1e-6 * max(float(power.sum(axis=0).max()), 1e-20)
    held = _median(power, axis=1)
    struck = _median(power, axis=0)
    held_sum, struck_sum = float(held[:, loud].sum()), float(struck[:, loud].sum())
    share = struck_sum / max(held_sum + struck_sum, 1e-20)
    band = power[8:, loud] + 1e-12  # from about 86 Hz, where music and noise both live
    flatness = np.exp(np.mean(np.log(band), axis=0)) / np.mean(band, axis=0)
    return Profile(share, float(np.median(flatness)) if flatness.size else 0.0, pitched_share)


def _median(values: np.ndarray, axis: int, width: int = 17) -> np.ndarray:
    """A running median of ``width`` along ``axis``, edges repeated (numpy: scipy.ndimage costs a
    second of every cold start)."""
    pad = [(0, 0), (0, 0)]
    pad[axis] = (width // 2, width // 2)
    windows = np.lib.stride_tricks.sliding_window_view(np.pad(values, pad, mode="edge"), width, axis=axis)
    # the middle of an odd width, as np.median finds it, without its extra pass for NaNs
    return np.partition(windows, width // 2, axis=-1)[..., width // 2]
