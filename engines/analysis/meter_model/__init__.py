"""The meter read by a small learned model over beat-synchronous evidence (issue 45).

``read(beats_s, fit, segments, bar_activations, envelope, bass, fps)`` gives the bar (signature,
counted beats, downbeats), its confidence, the other readings and, where the evidence is weak, the
rival reading it is held against; None when no model is shipped or too few beats were tracked.
``sparse(...)``: too few onsets for any meter reading to be sure (held, whoever read it).
"""

from __future__ import annotations

from engines.analysis.meter_model.features import NAMES, features
from engines.analysis.meter_model.model import MeterClass, Model, load, parse_label
from engines.analysis.meter_model.reading import Reading, read, sparse

__all__ = ["NAMES", "MeterClass", "Model", "Reading", "features", "load", "parse_label", "read", "sparse"]
