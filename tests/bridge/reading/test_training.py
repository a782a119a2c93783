"""The head's training is reproducible from the repository: the corpus and the weights come out the
same for the same seed; labels are read into the head's classes; the shipped head is small and
covers the schema. None of these needs the encoder."""

from __future__ import annotations

import re
import subprocess
import sys

import numpy as np

from bridge.reading.head import HEAD_FILE, load_head
from bridge.reading.labels import classes
from bridge.reading.softmax import fit_temperature, train
from tests.conftest import ROOT
from tools.corpus.command_corpus import generate


def test_the_corpus_is_the_same_for_the_same_seed_and_differs_for_another() -> None:
    assert generate(seed=7, per_template=1, contrasts=20) == generate(seed=7, per_template=1, contrasts=20)
    assert generate(seed=7, per_template=1, contrasts=20) != generate(seed=8, per_template=1, contrasts=20)


def _blobs(seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(3, 16))
    y = rng.integers(0, 3, size=300)
    x = centres[y] + 0.5 * rng.normal(size=(300, 16))
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32), y


def test_training_gives_the_same_weights_twice_and_learns_the_classes() -> None:
    x, y = _blobs(3)
    labels, classes = {"op": y, "scope": (y == 1).astype(int)}, {"op": 3, "scope": 2}
    first, second = (train(x, labels, classes, hidden=32, steps=150, seed=5) for _ in range(2))
    for got, again in ((first.hidden, second.hidden), (first.weights["op"], second.weights["op"])):
        assert np.array_equal(got, again)
    assert not np.array_equal(first.hidden, train(x, labels, classes, hidden=32, steps=150, seed=6).hidden)
    assert (first.logits(x, "op").argmax(axis=1) == y).mean() > 0.95
    assert (first.logits(x, "scope").argmax(axis=1) == labels["scope"]).mean() > 0.95


def test_the_temperature_softens_an_overconfident_model() -> None:
    x, y = _blobs(4)
    flipped = y.copy()
    flipped[::4] = (flipped[::4] + 1) % 3  # a quarter of the labels wrong: confident logits are too sure
    logits = 20.0 * train(x, {"op": y}, {"op": 3}, hidden=32, steps=150).logits(x, "op")
    assert fit_temperature(logits, flipped) > 2.0


def test_labels_fold_into_the_heads_classes() -> None:
    assert classes({"op": "softer", "target": "track:piano"}) == {
        "op": "softer",
        "target": "track",
        "scope": "none",
    }
    assert classes({"op": "keep_only", "target": ["kick", "snare"], "scope": {"bars": [1, 4], "beats": 2}}) == {
        "op": "keep_only", "target": "kick", "scope": "bars"}  # fmt: skip
    assert classes({"op": "recall", "target": "take:3b7e1d"})["target"] == "take"


def test_the_shipped_head_is_small_and_names_every_op_of_the_schema() -> None:
    assert HEAD_FILE.stat().st_size < 1_000_000
    schema = (ROOT / "docs" / "intents.md").read_text()
    table = schema[schema.index("## op") : schema.index("## target")]
    ops = set(
        re.findall(
            r"`([a-z_]+)`", "\n".join(line.split("|")[1] for line in table.splitlines() if "|" in line)
        )
    )
    net, labels = load_head()
    assert ops - {"op"} <= set(labels["op"])
    assert {"none", "track", "this", "drums", "kick", "hats"} <= set(labels["target"])
    assert {"none", "bars", "half", "section", "beats"} <= set(labels["scope"])
    assert net.hidden.shape[0] == 384
    assert all(net.weights[f].shape[1] == len(labels[f]) for f in labels)


def test_importing_the_room_loads_neither_torch_nor_transformers() -> None:
    code = (
        "import sys, bridge.reading; print(sorted(m for m in ('torch', 'transformers') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    assert out.strip() == "[]"
