"""The meter read by a small learned model over beat-synchronous evidence (issue 45).

``read(beats_s, fit, segments, bar_activations, envelope, bass, fps, chroma, chroma_fps)`` gives the
model's bar (signature and Live tempo), its confidence, the other readings and, where the evidence
is weak, its rival; None when no model is shipped or too few beats were tracked.
``judge(rules, reading)``: whether the rules' reading is held, and against which rival.
``taken(reading, ...)``: the model's reading as the engine's beats and bars, where it is sure
enough to replace the rules' (its ``switch``). ``sparse(...)``: too few onsets for any meter reading to be sure (held, whoever read it).
"""

from __future__ import annotations

from engines.analysis.meter_model.features import features
from engines.analysis.meter_model.model import NAMES, MeterClass, Model, load, parse_label
from engines.analysis.meter_model.reading import (
    Reading,
    Rival,
    Taken,
    evidence,
    judge,
    read,
    regroups,
    rules_bar,
    sparse,
    taken,
)

__all__ = [
    "NAMES",
    "MeterClass",
    "Model",
    "Reading",
    "Rival",
    "Taken",
    "evidence",
    "features",
    "judge",
    "load",
    "parse_label",
    "read",
    "regroups",
    "rules_bar",
    "sparse",
    "taken",
]
