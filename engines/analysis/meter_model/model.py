"""The learned meter reading: a multinomial logistic model over ``NAMES`` (the beat-synchronous
``features`` and the ``periods`` evidence, ``reading.evidence``), shipped as JSON.

Each class is a signature and the bar's length in tracked beats ("6/8:2": a 6/8 bar is two tracked
beats, the tracker found the dotted quarter; "6/8:6": it found the eighth; "9/8:4.5": it found the
quarter). The weights are trained
in the repository from the folk meter corpus (``tools/corpus/meter_train.py``) and loaded once
(``load``). A reading whose best class is not clearly ahead of the best one that would write Live
another signature or tempo (``SURE``, ``MARGIN``) is ``ambiguous``: reported with that ``rival``
and not applied without ``force 1``.
"""

from __future__ import annotations

import base64
import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from engines.analysis.meter_model.features import NAMES as BEAT_NAMES
from engines.analysis.meter_model.periods import NAMES as PERIOD_NAMES
from engines.errors import ModelUnavailable

WEIGHTS = Path(__file__).with_name("weights.json")
NAMES = (*BEAT_NAMES, *PERIOD_NAMES)  # the model's evidence, in order (``reading.evidence``)
TEMPO_SAME = 0.04  # two readings ask the same Live tempo within this share
Layers = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]  # hidden weights, bias; output weights, bias


@dataclass(frozen=True, slots=True)
class MeterClass:
    signature: tuple[int, int]
    bar_beats: float  # tracked beats a bar (1.5 or 4.5 where the tracker took the quarter of a compound bar)

    @property
    def label(self) -> str:
        return f"{self.signature[0]}/{self.signature[1]}:{self.bar_beats:g}"

    @property
    def counted(self) -> int:
        """Counted beats a bar: quarters in simple meters, dotted quarters in 6/8, 9/8, 12/8."""
        num, den = self.signature
        return num // 3 if den == 8 and num % 3 == 0 else num

    def live_tempo_bpm(self, period_s: float) -> float:
        """Quarter notes a minute when a tracked beat lasts ``period_s``."""
        num, den = self.signature
        return num * 4.0 / den * 60.0 / (self.bar_beats * period_s)


def parse_label(label: str) -> MeterClass:
    signature, beats = label.split(":")
    num, den = signature.split("/")
    return MeterClass((int(num), int(den)), float(beats))


@dataclass(frozen=True, slots=True)
class Model:
    classes: tuple[MeterClass, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray  # (classes, features)
    intercept: np.ndarray
    sure: float  # the best class's probability below which the reading is held
    margin: float  # ... or its lead over the rival's below which
    signatures: tuple[tuple[int, int], ...] = ()  # a second model over the signature alone
    sig_coef: np.ndarray | None = None
    sig_intercept: np.ndarray | None = None
    hidden: tuple[Layers, ...] = ()  # one-hidden-layer networks whose probabilities are averaged
    switch: float = 2.0  # the best class's probability from which its reading replaces the rules' (2: never)
    switch_bar: float = (
        2.0  # ... where it asks Live the rules' tempo, only another bar (2/4 for 4/4, 6/8 for 3/4)
    )
    switch_regroup: float = 2.0  # ... where it neither doubles or halves their tempo nor swaps 2/4 and 4/4

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """Per class: with ``hidden`` networks, the mean of their probabilities; else the signature
        model's probability of its signature times the class's share among the classes of that
        signature (the class model alone without a signature model)."""
        z = (x - self.mean) / self.scale
        if self.hidden:
            return np.asarray(np.mean([softmax(w2 @ np.maximum(w1 @ z + b1, 0.0) + b2)
                                       for w1, b1, w2, b2 in self.hidden], axis=0))  # fmt: skip
        p = softmax(self.coef @ z + self.intercept)
        if self.sig_coef is None or self.sig_intercept is None:
            return p
        by_signature = dict(
            zip(self.signatures, softmax(self.sig_coef @ z + self.sig_intercept), strict=True)
        )
        out = np.zeros(len(p))
        for sig in {c.signature for c in self.classes}:
            members = np.array([c.signature == sig for c in self.classes])
            out[members] = p[members] / max(float(p[members].sum()), 1e-12) * by_signature.get(sig, 0.0)
        return out / max(float(out.sum()), 1e-12)

    def to_dict(self) -> dict[str, Any]:
        return {
            "features": list(NAMES),
            "classes": [c.label for c in self.classes],
            "mean": self.mean.round(6).tolist(),
            "scale": self.scale.round(6).tolist(),
            "coef": self.coef.round(5).tolist(),
            "intercept": self.intercept.round(5).tolist(),
            "sure": self.sure,
            "margin": self.margin,
            "signatures": [list(sig) for sig in self.signatures],
            "sig_coef": None if self.sig_coef is None else self.sig_coef.round(5).tolist(),
            "sig_intercept": None if self.sig_intercept is None else self.sig_intercept.round(5).tolist(),
            "hidden": [[pack(a) for a in layers] for layers in self.hidden],
            "switch": self.switch,
            "switch_bar": self.switch_bar,
            "switch_regroup": self.switch_regroup,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Model:
        if list(data.get("features", ())) != list(NAMES):
            raise ModelUnavailable("meter model weights were trained on other features: retrain them")
        return cls(
            classes=tuple(parse_label(c) for c in data["classes"]),
            mean=np.array(data["mean"]),
            scale=np.array(data["scale"]),
            coef=np.array(data["coef"]),
            intercept=np.array(data["intercept"]),
            sure=float(data["sure"]),
            margin=float(data["margin"]),
            signatures=tuple((int(a), int(b)) for a, b in data.get("signatures", ())),
            sig_coef=None if data.get("sig_coef") is None else np.array(data["sig_coef"]),
            sig_intercept=None if data.get("sig_intercept") is None else np.array(data["sig_intercept"]),
            hidden=tuple(layers_of(layers) for layers in data.get("hidden", ())),
            switch=float(data.get("switch", 2.0)),
            switch_bar=float(data.get("switch_bar", data.get("switch", 2.0))),
            switch_regroup=float(data.get("switch_regroup", 2.0)),
        )


def pack(a: np.ndarray) -> dict[str, Any]:
    """An array as little-endian float16 in base64 (a network's weights in a quarter of the JSON)."""
    return {"shape": list(a.shape), "f16": base64.b64encode(a.astype("<f2").tobytes()).decode("ascii")}


def unpack(data: dict[str, Any]) -> np.ndarray:
    raw = np.frombuffer(base64.b64decode(data["f16"]), dtype="<f2").astype(np.float64)
    return raw.reshape([int(n) for n in data["shape"]])


def layers_of(data: list[dict[str, Any]]) -> Layers:
    if len(data) != 4:
        raise ModelUnavailable(f"meter model network has {len(data)} arrays: expected 4")
    w1, b1, w2, b2 = (unpack(a) for a in data)
    return w1, b1, w2, b2


def softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max())
    return np.asarray(e / e.sum())


@functools.cache
def load(path: Path = WEIGHTS) -> Model | None:
    """The shipped model, loaded once; None when no weights file is there."""
    if not path.exists():
        return None
    return Model.from_dict(json.loads(path.read_text()))


def rival(model: Model, p: np.ndarray, best: int, period_s: float) -> int | None:
    """The likeliest class that would write Live another signature or another tempo."""
    chosen = model.classes[best]
    tempo = chosen.live_tempo_bpm(period_s)
    for i in np.argsort(-p):
        c = model.classes[int(i)]
        if c.signature != chosen.signature or abs(c.live_tempo_bpm(period_s) / tempo - 1) > TEMPO_SAME:
            return int(i)
    return None
