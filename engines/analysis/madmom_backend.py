"""The madmom backend: RNN + DBN beats and downbeats, CNN key, CNN + CRF chords.

Works on mono float32 audio at 44.1 kHz (``SAMPLE_RATE_HZ``). The networks load once per
process (``models()``); the downbeat tracker is built per call with its tempo range narrowed
around the beat tracker's tempo and its 3:2 readings, so both agree on the beat level and
decoding stays cheap. The downbeat tracker's model picks the beat level and the meter; the bar's
phase weighs the downbeat network's strength at each beat and where the recognised chords change
(``grid.downbeat_phase``); the bar tracker's decoding, the tempo octave and compound meters are in
``bars``.
"""

from __future__ import annotations

import functools
import importlib.util
from dataclasses import dataclass
from typing import Any

import numpy as np

from engines.analysis import chords, grid, keys, levels, meter_model
from engines.analysis import meter as meter_rules
from engines.analysis.bars import (
    BEAT_MAX_BPM,
    BEAT_MIN_BPM,
    FPS,
    MIN_METER_BEATS,
    bar_reading,
    beat_level,
    other_octave,
    track_beats_near,
)
from engines.analysis.result import ChordSegment, Findings, Progress, quarters_per_beat
from engines.analysis.rnn_input import SAMPLE_RATE_HZ, rnn_features
from engines.errors import ModelUnavailable

# A beat-network peak counts as an onset above this activation: a sustained pad stays under 0.02,
# a single plucked chord reaches 0.12 once, music's beats reach 0.3 to 0.6 (docs/benchmarks/analysis.md).
BEAT_EVIDENCE = 0.1
CHROMA_FPS = 10  # deep chroma frames per second
# onnxruntime threads per network. madmom's default (2) gives the same outputs (bit-identical for the
# recurrent networks, within 1e-8 for the convolutional ones) but, on two busy
# cores, its spinning worker threads cost about 5x the CPU (docs/benchmarks/analysis.md).
NN_THREADS = 1


def available() -> bool:
    return importlib.util.find_spec("madmom") is not None


@functools.cache
def models() -> dict[str, Any]:
    """madmom's networks and processors, loaded once per process, each network on NN_THREADS threads."""
    import onnxruntime

    onnxruntime.set_default_logger_severity(3)  # silence shape warnings printed per frame batch
    from madmom.audio.chroma import DeepChromaProcessor
    from madmom.features.beats import DBNBeatTrackingProcessor
    from madmom.features.chords import CNNChordFeatureProcessor, CRFChordRecognitionProcessor
    from madmom.features.key import CNNKeyRecognitionProcessor
    from madmom.ml.nn import NeuralNetwork, NeuralNetworkEnsemble
    from madmom.models import BEATS_BLSTM, CHORDS_CNN_FEAT, CHROMA_DNN, DOWNBEATS_BLSTM, KEY_CNN

    return {
        "beat_nn": NeuralNetworkEnsemble.load(BEATS_BLSTM, intra_op_num_threads=NN_THREADS),
        "beat_dbn": DBNBeatTrackingProcessor(min_bpm=BEAT_MIN_BPM, max_bpm=BEAT_MAX_BPM, fps=FPS),
        "bar_nn": NeuralNetworkEnsemble.load(DOWNBEATS_BLSTM, intra_op_num_threads=NN_THREADS),
        "key_cnn": with_network(
            CNNKeyRecognitionProcessor(), NeuralNetworkEnsemble.load(KEY_CNN, intra_op_num_threads=NN_THREADS)
        ),
        "chroma": with_network(
            DeepChromaProcessor(), NeuralNetworkEnsemble.load(CHROMA_DNN, intra_op_num_threads=NN_THREADS)
        ),
        "chord_cnn": with_network(
            CNNChordFeatureProcessor(),
            NeuralNetwork.load(CHORDS_CNN_FEAT[0], intra_op_num_threads=NN_THREADS),
        ),
        "chord_crf": CRFChordRecognitionProcessor(),
    }


def with_network(processor: Any, network: Any) -> Any:
    """A madmom pipeline with its one network replaced by ``network`` (the same model file loaded
    with our thread count: madmom's constructors do not take one)."""
    from madmom.ml.nn import NeuralNetwork, NeuralNetworkEnsemble

    found = [
        i for i, p in enumerate(processor.processors) if isinstance(p, NeuralNetwork | NeuralNetworkEnsemble)
    ]
    if len(found) != 1:
        raise ModelUnavailable(f"{type(processor).__name__} has {len(found)} networks: expected exactly one")
    processor.processors[found[0]] = network
    return processor


@dataclass(frozen=True, slots=True)
class Heard:
    """What the networks made of a clip (the expensive stage), kept as arrays so the cheap stage that
    reads beats, bars and meter from them (``read``) runs and is tested alone (the meter corpus caches it)."""

    beat_activation: np.ndarray  # beat network, FPS frames a second
    beats_s: np.ndarray  # the beat tracker's beats on it
    bar_activations: np.ndarray  # (frames, 2): beat and downbeat; (0, 2) below MIN_METER_BEATS
    key_cnn: np.ndarray  # 24 key probabilities (keys' order)
    chroma: np.ndarray  # deep chroma, CHROMA_FPS frames a second
    chords: list[ChordSegment]
    envelope: np.ndarray  # levels.onset_envelope at FPS (empty without bar activations)
    bass: np.ndarray  # the same below meter.BASS_MAX_HZ


def listen(samples: np.ndarray, progress: Progress) -> Heard:
    """Run every madmom network on mono 44.1 kHz audio; ``progress(fraction, message)`` between stages."""
    from madmom.audio.signal import Signal

    m = models()
    signal = Signal(samples, sample_rate=SAMPLE_RATE_HZ, num_channels=1)
    progress(0.05, "spectrograms")
    beat_input, bar_input = rnn_features(signal)
    progress(0.2, "beat network")
    beat_activation = np.asarray(m["beat_nn"](beat_input), dtype=np.float64)
    beats = np.zeros(0)
    if grid.rhythmic(beat_activation, FPS, BEAT_EVIDENCE):
        beats = np.asarray(m["beat_dbn"](beat_activation), dtype=np.float64)
    progress(0.45, "downbeat network")
    tracked = grid.tempo_from_beats(beats)
    bar_activations = np.zeros((0, 2))
    if tracked is not None and len(beats) >= MIN_METER_BEATS:
        bar_activations = np.delete(m["bar_nn"](bar_input), 0, axis=1)  # drop the no-beat class
    progress(0.75, "key and chords")
    cnn = keys.from_madmom_order(m["key_cnn"](signal))
    chroma = np.atleast_2d(np.asarray(m["chroma"](signal), dtype=np.float64))  # one frame comes squeezed
    chord_frames = m["chord_cnn"](signal)
    segments = [ChordSegment(float(s), float(e), str(lab)) for s, e, lab in m["chord_crf"](chord_frames)]
    segments = chords.add_sevenths(segments, chroma, CHROMA_FPS)
    envelope, bass = np.zeros(0), np.zeros(0)
    if len(bar_activations):
        envelope, bass = levels.onset_envelopes(
            samples, SAMPLE_RATE_HZ, FPS, max_hzs=(levels.ONSET_MAX_HZ, meter_rules.BASS_MAX_HZ)
        )
    return Heard(beat_activation, beats, bar_activations, cnn, chroma, segments, envelope, bass)


def analyze(samples: np.ndarray, progress: Progress) -> Findings:
    """Run every madmom stage on mono 44.1 kHz audio; ``progress(fraction, message)`` between stages."""
    return read(listen(samples, progress))


def tracked_grid(heard: Heard) -> tuple[np.ndarray, dict[int, float]]:
    """The beats at the level the bar tracker and the harmony chose (``beat_level``, ``other_octave``)
    and the bar tracker's fit there: what the meter is read on."""
    beats, bar_activations = heard.beats_s, heard.bar_activations
    fit: dict[int, float] = {}
    if len(bar_activations):
        tracked = grid.tempo_from_beats(beats)
        level, _, fit = beat_level(bar_activations, tracked or 0.0)
        if level != tracked:
            beats = track_beats_near(heard.beat_activation, level)
    return other_octave(bar_activations, beats, fit, heard.chords, heard.envelope, heard.bass)


def plain_rival(fit: dict[int, float], beat_count: int, tempo_bpm: float) -> meter_model.Rival | None:
    """The likeliest plain meter (not 5 or 7) as a held odd meter's rival: the model cannot judge an
    odd meter (its corpus has none), so an odd reading is never written to Live without ``force``;
    the composers' check wrote a 3/4 chorale as 7/8 and a 4/4 piece as 5/4 (docs/benchmarks/meter.md)."""
    plain = {m: v for m, v in fit.items() if m not in levels.ODD_METERS}
    if not plain:
        return None
    meter = max(plain, key=lambda m: plain[m])
    signature = levels.signature(meter)
    share = levels.meter_confidence(fit, beat_count / meter, meter)
    return signature, round(tempo_bpm * quarters_per_beat(signature), 3), round(share, 4)


def read(heard: Heard, *, model: bool = True) -> Findings:
    """Beats, bars, meter, key and chords from what the networks heard. ``model``: the learned meter
    model's reading replaces the rules' where it is sure enough (``meter_model.taken``) and judges
    the reading (``meter_model.judge``: held as unsure, with a rival); False: the rules' alone."""
    beats, bar_activations, segments = heard.beats_s, heard.bar_activations, heard.chords
    envelope, bass, chroma = heard.envelope, heard.bass, heard.chroma
    tracked = grid.tempo_from_beats(beats)
    profile = keys.profile_probabilities(chroma.sum(axis=0))
    beats, fit = tracked_grid(heard)
    downbeats, meter, confidence, compound = np.zeros(0), 4, 0.0, False
    alternatives: tuple[tuple[tuple[int, int], float], ...] = ()
    ambiguous, rival = False, None
    if len(bar_activations):
        # The bar tracker's meter (4 when it fits nothing), then read again on the music's evidence;
        # the bar's phase also weighs where the chords change.
        tracked_beats = beats
        beats, downbeats, meter, compound, confidence, alternatives = bar_reading(
            envelope, beats, fit, segments, bar_activations, bass
        )
        if model:
            tempo = grid.tempo_from_beats(beats) or 0.0
            signature = levels.signature(meter, compound=compound)
            bar = meter_model.rules_bar(signature, meter * 60.0 / tempo, tracked_beats) if tempo else None
            reading = meter_model.read(
                tracked_beats, fit, segments, bar_activations, envelope, bass, FPS, chroma, CHROMA_FPS,
                beat_activation=heard.beat_activation, rules=bar,
            )  # fmt: skip
            rules = (signature, tempo * quarters_per_beat(signature))
            switched = None if meter in levels.ODD_METERS else meter_model.taken(
                reading, rules, tracked_beats, segments, bar_activations[:, 1], FPS
            )  # fmt: skip
            if switched is not None and reading is not None:  # the model's reading replaces the rules'
                beats, downbeats, meter, compound = switched
                confidence, alternatives = reading.confidence, reading.alternatives
                tempo = grid.tempo_from_beats(beats) or 0.0
                signature = levels.signature(meter, compound=compound)
                rules = (signature, tempo * quarters_per_beat(signature))
            ambiguous, rival = meter_model.judge(rules, reading)
            if meter in levels.ODD_METERS and tempo:
                ambiguous, rival = True, plain_rival(fit, len(tracked_beats), tempo)
        if meter_model.sparse(heard.beat_activation, FPS, BEAT_EVIDENCE, beats):
            ambiguous = True  # a few chords far apart: no meter is sure (issue 45)
    final = grid.tempo_from_beats(beats)
    if final is not None:
        segments = chords.without_holes(
            segments,
            chroma,
            CHROMA_FPS,
            min_s=chords.MIN_CHORD_BEATS * 60.0 / final,
            heard=keys.PITCH_HEARD,
            first_beat_s=float(beats[0]),
        )
    return Findings(
        beats_s=beats,
        downbeats_s=downbeats,
        beats_per_bar=meter,
        key_probabilities=keys.blend(heard.key_cnn, profile),
        chords=segments,
        pitched_share=keys.pitched_share(chroma),
        meter_confidence=confidence,
        compound=compound,
        meter_alternatives=alternatives,
        meter_ambiguous=ambiguous,
        meter_rival=rival,
        tempo_levels=(tracked,)
        if tracked is not None and final is not None and abs(final / tracked - 1) > 0.02
        else (),
    )
