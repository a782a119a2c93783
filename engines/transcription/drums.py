"""Drum hits: onsets on the audio's flux, each hit's voices (kick, snare, closed and open hat)
named by a small classifier on how its band energies rise, ring and fade until the next hit
(measures relative to the hit itself, so that they carry from kit to kit). Several voices may sound
in one hit. The classifier (one hidden layer, one sigmoid per voice) is trained in the repository on
rendered and synthesized kits by ``tools/corpus/drum_train.py`` and shipped as ``drum_model.json``, with
(where the file holds them) rules after it: drum_rules' open hat told by its ring, its snare without a body."""

from __future__ import annotations

import functools
import itertools
import json
from collections.abc import Callable
from pathlib import Path

import numpy as np

from engines.errors import ModelUnavailable
from engines.transcription import drum_rules
from engines.transcription.audio import power_spectrogram
from engines.transcription.drum_timbre import TIMBRE_NAMES, timbre_features
from engines.transcription.model import MODEL_RATE_HZ
from engines.transcription.notes import DRUM_NOTES, TranscribedNote
from engines.transcription.onsets import FLUX_FRAMES_PER_S, every, fine_power, flux, flux_of, hits

MODEL_FILE = Path(__file__).with_name("drum_model.json")
BAND_EDGES_HZ = (20, 90, 160, 300, 600, 1200, 2500, 5000, 8000, 11025)
FEATURE_FFT = 1024
FEATURE_HOP = 128
SPANS_S = ((0.0, 0.04), (0.04, 0.15), (0.15, 0.3))  # after the hit: its attack, body and ring
HIT_SENSITIVITY = 1.5  # more hits than the flux alone is sure of: the classifier drops the empty ones
NOTE_LENGTH_S = 0.1


FREQS_HZ = np.fft.rfftfreq(FEATURE_FFT, 1 / MODEL_RATE_HZ)
FRAMES_PER_S = MODEL_RATE_HZ / FEATURE_HOP


def spectrum(y: np.ndarray) -> np.ndarray:
    """Power (bins at FREQS_HZ, frames at FEATURE_HOP samples a frame)."""
    return power_spectrogram(y, FEATURE_FFT, FEATURE_HOP)


def band_energies(y: np.ndarray, power: np.ndarray | None = None) -> np.ndarray:
    """Log energy (bands, frames) in BAND_EDGES_HZ bands at FEATURE_HOP samples a frame."""
    power = spectrum(y) if power is None else power
    edges = itertools.pairwise(BAND_EDGES_HZ)
    bands = [power[(FREQS_HZ >= lo) & (FREQS_HZ < hi)].sum(axis=0) for lo, hi in edges]
    return np.log10(np.stack(bands) + 1e-10)


def classifier_features(
    energies: np.ndarray, power: np.ndarray, times_s: np.ndarray, model: dict[str, np.ndarray]
) -> np.ndarray:
    """The features ``model`` was trained on: the band features, then those of drum_timbre its
    ``timbre`` array names (indices into TIMBRE_NAMES; none for the classifiers before issue 54 part L)."""
    features = hit_features(energies, times_s)
    columns = model.get("timbre", np.zeros(0)).astype(int)
    if len(columns):
        timbre = timbre_features(power, FREQS_HZ, times_s, FRAMES_PER_S)
        features = np.hstack([features, timbre[:, columns]])
    if features.shape[1] != len(model["mean"]):
        raise ModelUnavailable(
            f"the drum classifier takes {len(model['mean'])} features, not the {features.shape[1]} it names"
            f" (timbre {columns.tolist()}): run .venv/bin/python -m tools.corpus.drum_train"
        )
    return features


def hit_features(energies: np.ndarray, times_s: np.ndarray) -> np.ndarray:
    """Per hit, measures that carry from kit to kit (levels relative to the hit itself, not absolute
    spectra): the attack's band shape and its rise from before; each band's level over the body and
    ring spans relative to the attack and its decay rate, both read only until the next hit (a hit
    close after masks the ring); how long the low and high bands ring; the attack's and the ring's
    spectral centroid; and the time to the next hit (seconds, at most 0.5)."""
    per_s = FRAMES_PER_S
    gaps = np.minimum(np.diff(np.append(times_s, np.inf)), 0.5)
    n_frames = energies.shape[1]
    rows = []
    for t, gap in zip(times_s, gaps, strict=True):
        f = min(round(t * per_s), n_frames - 1)
        stop = min(n_frames, f + max(2, int(min(gap, SPANS_S[-1][1]) * per_s)))  # this hit's own frames
        before = energies[:, max(0, f - 4) : max(1, f - 1)].mean(axis=1)
        levels = [energies[:, f : min(stop, f + int(SPANS_S[0][1] * per_s) + 1)].mean(axis=1)]
        for a, b in SPANS_S[1:]:
            span = energies[:, f + int(a * per_s) : min(stop, f + int(b * per_s) + 1)]
            levels.append(span.mean(axis=1) if span.size else levels[-1])
        attack = levels[0]
        own = energies[:, f:stop]
        rows.append(
            np.concatenate(
                [
                    attack - attack.max(),
                    attack - before,
                    *(lv - attack for lv in levels[1:]),
                    _decay_per_s(own, per_s),
                    [_ring_s(own[:2], per_s), _ring_s(own[-3:], per_s)],
                    [_centroid(attack), _centroid(levels[-1]), gap],
                ]
            )
        )
    return np.array(rows, dtype=np.float32).reshape(len(times_s), -1)


def _decay_per_s(own: np.ndarray, per_s: float) -> np.ndarray:
    """Each band's fall after its peak (log10 energy per second, a line fitted), 0 when too short."""
    peak = int(np.argmax(own.sum(axis=0)[: max(1, min(own.shape[1], 8))]))
    tail = own[:, peak:]
    if tail.shape[1] < 3:
        return np.zeros(len(own))
    x = np.arange(tail.shape[1]) / per_s
    x = x - x.mean()
    return np.asarray((tail - tail.mean(axis=1, keepdims=True)) @ x / (x @ x))


def _ring_s(bands: np.ndarray, per_s: float) -> float:
    """How long the bands' summed energy stays within 15 dB of its peak (seconds; at most the hit's own frames)."""
    level = np.log10(np.sum(10.0**bands, axis=0) + 1e-10)
    peak = int(np.argmax(level[: max(1, min(len(level), 8))]))
    below = np.flatnonzero(level[peak:] < level[peak] - 1.5)
    return float(below[0] + peak if len(below) else len(level)) / per_s


def _centroid(level: np.ndarray) -> float:
    """Where the energy sits across the bands: 0 (lowest band) .. 1 (highest)."""
    power = 10.0 ** (level - level.max())
    return float(power @ np.linspace(0.0, 1.0, len(level)) / power.sum())


@functools.cache
def load_classifier(path: Path = MODEL_FILE) -> dict[str, np.ndarray]:
    """The shipped classifier's arrays (mean, scale, w1, b1, w2, b2), read once."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelUnavailable(
            f"the drum classifier {path} cannot be read ({exc}): run .venv/bin/python -m tools.corpus.drum_train"
        ) from exc
    return {k: np.asarray(v, dtype=np.float32) for k, v in data["arrays"].items()}


def voice_probabilities(features: np.ndarray, model: dict[str, np.ndarray]) -> np.ndarray:
    """(hits, voices) probabilities from the classifier: standardise, ReLU layer, sigmoids."""
    x = (features - model["mean"]) / model["scale"]
    hidden = np.maximum(0.0, x @ model["w1"] + model["b1"])
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(hidden @ model["w2"] + model["b2"], -50.0, 50.0))))


def hit_times(y: np.ndarray, curve: np.ndarray | None = None) -> np.ndarray:
    """Candidate hit times in seconds (flux peaks), generous: the classifier names or drops each."""
    curve = flux(y) if curve is None else curve
    return np.maximum(0.0, (hits(curve, sensitivity=HIT_SENSITIVITY) - 1) / FLUX_FRAMES_PER_S)


def ring_measure(name: str, features: np.ndarray, timbre: Callable[[], np.ndarray]) -> np.ndarray:
    """A drum_rules ring measure per hit: from the band features (``features``' first columns) or drum_timbre
    (``timbre()``: its measures per hit, read once by the caller)."""
    if name == drum_rules.TIMBRE_MEASURE:
        return timbre()[:, TIMBRE_NAMES.index(name)]
    return drum_rules.BAND_MEASURES[name](features)


def after_net(
    model: dict[str, np.ndarray],
    probabilities: np.ndarray,
    voices: np.ndarray,
    features: np.ndarray,
    power: np.ndarray,
    times_s: np.ndarray,
) -> np.ndarray:
    """``voices`` with the rules the classifier ships applied in order: each row of its ``open_from_ring``
    (one row before a63's second; drum_rules), then its ``snare_without_body`` (a65) and
    ``hat_where_unnamed`` (a68), ``tom_like_kick`` (a69) and ``snare_without_wires`` (a72, last: it reads
    the kicks tom_like_kick calls) where it has them; each measure read once."""
    timbre = functools.cache(lambda: timbre_features(power, FREQS_HZ, times_s, FRAMES_PER_S))
    measures: dict[str, np.ndarray] = {}
    for rule in np.atleast_2d(model.get("open_from_ring", np.zeros((0, 6)))):
        name = drum_rules.measure_name(rule)
        if name not in measures:
            measures[name] = ring_measure(name, features, timbre)
        voices = drum_rules.open_from_ring(probabilities, voices, measures[name], rule)
    if "snare_without_body" in model:
        fall = timbre()[:, TIMBRE_NAMES.index(drum_rules.BODY_FALL_MEASURE)]
        voices = drum_rules.snare_without_body(
            probabilities, voices, features, fall, model["snare_without_body"]
        )
    if "hat_where_unnamed" in model:
        decay = timbre()[:, TIMBRE_NAMES.index(drum_rules.TIMBRE_MEASURE)]
        voices = drum_rules.hat_where_unnamed(probabilities, voices, decay, model["hat_where_unnamed"])
    if "tom_like_kick" in model:
        frames = np.round(times_s * FRAMES_PER_S).astype(int)
        shapes = drum_rules.low_shapes(power, FREQS_HZ, frames)
        voices = drum_rules.tom_like_kick(voices, shapes, model["tom_like_kick"])
    if "snare_without_wires" in model:
        voices = drum_rules.snare_without_wires(probabilities, voices, features, model["snare_without_wires"])
    return voices


def transcribe(y: np.ndarray) -> list[TranscribedNote]:
    """Drum notes (GM pitches of DRUM_NOTES) for a mono 22,050 Hz clip."""
    fine = fine_power(y)
    curve = flux_of(fine)
    times_s = hit_times(y, curve)
    if len(times_s) == 0:
        return []
    model = load_classifier()
    power = every(fine, FEATURE_FFT, FEATURE_HOP)  # = spectrum(y), from the flux's FFT
    features = classifier_features(band_energies(y, power), power, times_s, model)
    probabilities = voice_probabilities(features, model)
    voices = after_net(model, probabilities, probabilities >= model["threshold"], features, power, times_s)
    loudness = curve[np.minimum(len(curve) - 1, np.round(times_s * FLUX_FRAMES_PER_S).astype(int) + 1)]
    velocities = np.clip(np.round(40 + 87 * loudness / max(float(loudness.max()), 1e-9)), 1, 127).astype(int)
    pitches = list(DRUM_NOTES.values())
    notes = [
        TranscribedNote(pitches[v], round(float(t), 4), round(float(t) + NOTE_LENGTH_S, 4), int(vel))
        for t, row, vel in zip(times_s, voices, velocities, strict=True)
        for v in np.flatnonzero(row)
    ]
    return sorted(notes, key=lambda n: (n.start_s, n.pitch))
