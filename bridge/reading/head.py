"""The trained head: a small net over the encoder's vector, one temperature-calibrated softmax per field.

``head.npz`` (written by ``tools/corpus/reading_train.py``, ``make reading``) holds the shared hidden
layer (``hidden.weights`` 384 x 256, ``hidden.bias``) and for each field ``<field>.weights``,
``<field>.bias``, ``<field>.temperature`` and ``<field>.labels`` (the class names). It loads once
per process.

The contract the parser codes against::

    read(text) -> Reading
    Reading.op, .op_p, .op_margin          # likeliest op, its probability, minus the runner-up's
    Reading.target, .target_p              # target class: a part, a drum voice, "track" (any
                                           # track:<name>), this/last/previous/first/second/third,
                                           # "take" (take:<id>), song, all, jam, or "none" (not said)
    Reading.scope, .scope_p                # scope kind: none, bars, half, first_bars, last_bars,
                                           # from_bar, until_bar, section, every, beats
    Reading.ops, .targets, .scopes         # each field's distribution, likeliest first (label, p) pairs
    probabilities(text) -> {field: {label: p}}   (each dict sorted likeliest first)
    read_many(texts) -> list[Reading]             (one encoder batch; for benches)
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from bridge.reading.labels import FIELDS
from bridge.reading.softmax import Net

HEAD_FILE = Path(__file__).with_name("head.npz")

_lock = threading.Lock()
_head: tuple[Net, dict[str, tuple[str, ...]]] | None = None


@dataclass(frozen=True)
class Reading:
    op: str
    op_p: float
    op_margin: float  # op_p minus the second likeliest op's probability
    target: str
    target_p: float
    scope: str
    scope_p: float
    ops: tuple[tuple[str, float], ...]  # every op with its probability, likeliest first
    targets: tuple[tuple[str, float], ...]  # likewise for the target classes
    scopes: tuple[tuple[str, float], ...] = ()  # likewise for the scope kinds


def load_head(path: Path = HEAD_FILE) -> tuple[Net, dict[str, tuple[str, ...]]]:
    """The net and each field's class names, read from ``path``."""
    try:
        data = np.load(path, allow_pickle=False)
    except OSError as exc:
        raise RuntimeError(f"the reading head {path} could not be read ({exc}); run `make reading`") from exc
    with data:
        net = Net(
            data["hidden.weights"],
            data["hidden.bias"],
            {f: data[f"{f}.weights"] for f in FIELDS},
            {f: data[f"{f}.bias"] for f in FIELDS},
            {f: float(data[f"{f}.temperature"]) for f in FIELDS},
        )
        return net, {f: tuple(str(label) for label in data[f"{f}.labels"]) for f in FIELDS}


def save_head(path: Path, net: Net, labels: dict[str, tuple[str, ...]]) -> None:
    """Write ``net`` and the class names in the layout :func:`load_head` reads."""
    arrays: dict[str, Any] = {"hidden.weights": net.hidden, "hidden.bias": net.hidden_bias}
    for f in FIELDS:
        arrays |= {f"{f}.weights": net.weights[f], f"{f}.bias": net.bias[f]}
        arrays |= {f"{f}.temperature": np.array(net.temperature.get(f, 1.0), np.float32)}
        arrays |= {f"{f}.labels": np.array(labels[f])}
    np.savez_compressed(path, **arrays)  # (Any: numpy's stubs read ** of arrays as its allow_pickle flag)


def _loaded() -> tuple[Net, dict[str, tuple[str, ...]]]:
    global _head
    with _lock:
        if _head is None:
            _head = load_head()
        return _head


def distributions(vectors: np.ndarray) -> list[dict[str, tuple[tuple[str, float], ...]]]:
    """For each row of ``vectors``: field -> (label, p) pairs, likeliest first."""
    net, labels = _loaded()
    features = net.features(vectors)
    out: list[dict[str, tuple[tuple[str, float], ...]]] = [{} for _ in range(len(vectors))]
    for f in FIELDS:
        p = net.probabilities(vectors, f, features)
        order = np.argsort(-p, axis=1, kind="stable")
        for row, ranks in enumerate(order):
            out[row][f] = tuple((labels[f][i], float(p[row, i])) for i in ranks)
    return out


def _reading(fields: dict[str, tuple[tuple[str, float], ...]]) -> Reading:
    ops, targets, scopes = fields["op"], fields["target"], fields["scope"]
    runner_up = ops[1][1] if len(ops) > 1 else 0.0
    return Reading(
        op=ops[0][0],
        op_p=ops[0][1],
        op_margin=ops[0][1] - runner_up,
        target=targets[0][0],
        target_p=targets[0][1],
        scope=scopes[0][0],
        scope_p=scopes[0][1],
        ops=ops,
        targets=targets,
        scopes=scopes,
    )


def read_many(texts: list[str]) -> list[Reading]:
    from bridge.reading.encoder import encode

    return [_reading(fields) for fields in distributions(encode(texts))]


def read(text: str) -> Reading:
    """The head's reading of one sentence (the encoder loads on first use)."""
    return read_many([text])[0]


def probabilities(text: str) -> dict[str, dict[str, float]]:
    """Field -> label -> probability, each mapping in order likeliest first."""
    from bridge.reading.encoder import encode

    fields = distributions(encode([text]))[0]
    return {field: dict(pairs) for field, pairs in fields.items()}
