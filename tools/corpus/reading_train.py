"""Train the learned reading's head (``bridge/reading/head.npz``) and cross-validate it by writer.

    .venv/bin/python -m tools.corpus.reading_train        (or: make reading)
    .venv/bin/python -m tools.corpus.reading_train OUT.npz   (the head written there instead)

Training material: the generated corpus (``command_corpus.generate(SEED)``), the labelled blind
sets (tests/data/commands_blind1..N.yaml, ``BLIND``, ``means``; each written by another writer, each
trained on only after its one blind measurement) and the older sets (commands*.yaml, their
expected intents read into the schema by bridge/commands/means.py). Each sentence is encoded
once by the frozen encoder (cached in .cache/reading/encodings.npz by text), as the learned reading
is given it at run time (``agree.learned_sees``: Spanish said in English, text speak said plainly, a
statement after the request cut).

Leave-one-writer-out: for each blind set, a head trained on the corpus, the older sets and the other
blind sets reads it (held out); then a head trained on the corpus alone reads each set. The
temperature of each field is fitted on the held-out folds' logits; the shipped head is trained on
everything with those temperatures.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from bridge.commands.agree import learned_sees
from bridge.reading.head import save_head
from bridge.reading.labels import FIELDS, classes
from bridge.reading.softmax import Net, fit_temperature, softmax, train
from tools.corpus.command_corpus import generate

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
CACHE_DIR = ROOT / ".cache" / "reading"
HEAD = ROOT / "bridge" / "reading" / "head.npz"
HELD = CACHE_DIR / "heldout_logits.npz"  # the last training's held-out logits (tools.bench.agree_heldout)
SEED = 55
BLIND = [f"commands_blind{i}" for i in range(1, 101)]
OLDER = ["commands", "commands_heldout", "commands_producer", "commands_fresh"]
PROJECT_WEIGHT = 3.0  # a hand-written sentence counts this many generated ones
THRESHOLDS = (0.5, 0.7, 0.8, 0.9)
# kinds of the generated corpus the head is not trained on: round 8's writers' kinds did not raise the
# agreement on held-out writers (docs/benchmarks/reading.md, Round 9)
LEFT_OUT = ("writers", "registers")

Rows = list[tuple[str, dict[str, str]]]
# libyaml's loader where PyYAML was built with it: the same data as yaml.safe_load for each of the 120 sets in
# tests/data, in an eighth of the CPU (4.0 s against 0.5 s for all of them, ci69)
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_set(name: str) -> Any:
    """The labelled set tests/data/``name``.yaml as data."""
    return yaml.load((DATA / f"{name}.yaml").read_text(), Loader=SafeLoader)


def blind_set(name: str) -> Rows:
    entries = read_set(name)
    return [(e["text"], classes(e["means"])) for e in entries]


def older_set(name: str) -> Rows:
    from bridge.commands.means import means_of

    rows: Rows = []
    for e in read_set(name)["phrases"]:
        try:
            means = means_of({"action": e["action"], "part": e.get("part"), "params": e.get("params") or {}})
        except (KeyError, TypeError, ValueError, AttributeError):
            continue  # an intent the schema reader does not take: skipped
        rows.append((e["text"], classes(means)))
    return rows


def corpus_rows(seed: int = SEED, without: tuple[str, ...] | None = None) -> Rows:
    """The generated corpus's rows, ``without`` those kinds (default :data:`LEFT_OUT`)."""
    kinds = LEFT_OUT if without is None else without
    return [(example.text, classes(example.means)) for example in generate(seed, without=kinds)]


def encode_cached(texts: list[str]) -> np.ndarray:
    """Encoder vectors of ``texts``, reading and extending the cache under .cache/: ``encodings.npz``
    for the wheel's encoder, ``encodings-<hash of its folder or name>.npz`` for another one."""
    from bridge.reading.encoder import ENV, source

    custom = os.environ.get(ENV, "").strip()
    cache = CACHE_DIR / (
        f"encodings-{hashlib.sha1(source().encode()).hexdigest()[:10]}.npz" if custom else "encodings.npz"
    )
    known: dict[str, np.ndarray] = {}
    if cache.exists():
        with np.load(cache, allow_pickle=False) as data:
            known = dict(zip((str(k) for k in data["keys"]), data["vectors"], strict=True))
    key = {t: hashlib.sha1(t.encode()).hexdigest() for t in texts}
    missing = sorted({t for t in texts if key[t] not in known})
    if missing:
        from bridge.reading.encoder import encode

        for start in range(0, len(missing), 64):
            chunk = missing[start : start + 64]
            for text, vector in zip(chunk, encode(chunk), strict=True):
                known[key[text]] = vector
        cache.parent.mkdir(parents=True, exist_ok=True)
        np.savez(cache, keys=np.array(list(known)), vectors=np.stack(list(known.values())))
    return np.stack([known[key[t]] for t in texts])


class Data:
    """Sentences, their vectors, labels as indices per field, and each row's source."""

    def __init__(self, sources: dict[str, Rows]) -> None:
        self.texts = [text for rows in sources.values() for text, _ in rows]
        self.source = np.array([name for name, rows in sources.items() for _ in rows])
        labels = [label for rows in sources.values() for _, label in rows]
        self.labels = {f: tuple(sorted({row[f] for row in labels})) for f in FIELDS}
        self.y = {f: np.array([self.labels[f].index(row[f]) for row in labels]) for f in FIELDS}
        # each sentence as the learned reading is given it at run time (Spanish said in English, text
        # speak said plainly, a statement after the request cut): trained on what it will read
        self.seen = [learned_sees(text) for text in self.texts]
        self.x = encode_cached(self.seen)
        self.weight = np.where(self.source == "corpus", 1.0, PROJECT_WEIGHT)


def fit(data: Data, rows: np.ndarray) -> Net:
    labels = {f: data.y[f][rows] for f in FIELDS}
    classes = {f: len(data.labels[f]) for f in FIELDS}
    return train(data.x[rows], labels, classes, sample_weight=data.weight[rows], seed=SEED)


def score(data: Data, net: Net, rows: np.ndarray) -> dict[str, Any]:
    right = {f: net.logits(data.x[rows], f).argmax(axis=1) == data.y[f][rows] for f in FIELDS}
    both = right["op"] & right["target"]
    return {"n": int(rows.sum()), "op": right["op"].mean(), "target": right["target"].mean(), "both": both.mean(),
            "scope": right["scope"].mean()}  # fmt: skip


def data_key(data: Data) -> str:
    """What a kept set of held-out logits was computed on: every sentence, its source and labels."""
    rows = "\n".join(
        f"{src}\t{t}\t{seen}\t{[data.y[f][i] for f in FIELDS]}"
        for i, (src, t, seen) in enumerate(zip(data.source, data.texts, data.seen, strict=True))
    )
    return hashlib.sha1(rows.encode()).hexdigest()


def keep_held_out(data: Data, logits: dict[str, list[np.ndarray]]) -> None:
    """Keep each blind set's held-out logits (op, target) for ``tools.bench.agree_heldout``."""
    arrays: dict[str, Any] = {
        f"{name}|{f}": logits[f][i] for i, name in enumerate(BLIND) for f in ("op", "target")
    }
    HELD.parent.mkdir(parents=True, exist_ok=True)
    arrays["key"] = np.array(data_key(data))
    np.savez(HELD, **arrays)  # (Any: numpy's stubs read ** of arrays as its allow_pickle flag)


def main() -> None:
    sources: dict[str, Rows] = {"corpus": corpus_rows()}
    sources.update({name: blind_set(name) for name in BLIND})
    sources.update({name: older_set(name) for name in OLDER})
    data = Data(sources)
    print(f"sentences: {', '.join(f'{k} {len(v)}' for k, v in sources.items())}")
    print("\nleave one writer out (train: corpus + older sets + the other blind sets)")
    print(f"{'held out':18} {'n':>4} {'op':>6} {'target':>7} {'both':>6} {'scope':>6}")
    held_logits: dict[str, list[np.ndarray]] = {f: [] for f in FIELDS}
    held_y: dict[str, list[np.ndarray]] = {f: [] for f in FIELDS}
    for name in BLIND:
        test = data.source == name
        net = fit(data, ~test)
        s = score(data, net, test)
        print(f"{name:18} {s['n']:4d} {s['op']:6.3f} {s['target']:7.3f} {s['both']:6.3f} {s['scope']:6.3f}")
        for f in FIELDS:
            held_logits[f].append(net.logits(data.x[test], f))
            held_y[f].append(data.y[f][test])
    keep_held_out(data, held_logits)
    temperatures = {
        f: fit_temperature(np.concatenate(held_logits[f]), np.concatenate(held_y[f])) for f in FIELDS
    }
    print(f"temperatures fitted on the held-out folds: {temperatures}")
    _calibration(held_logits, held_y, temperatures["op"])
    print("\ncorpus alone (train: the generated corpus only)")
    corpus_net = fit(data, data.source == "corpus")
    for name in BLIND + OLDER:
        s = score(data, corpus_net, data.source == name)
        print(f"{name:18} {s['n']:4d} {s['op']:6.3f} {s['target']:7.3f} {s['both']:6.3f} {s['scope']:6.3f}")
    final = fit(data, np.ones(len(data.texts), dtype=bool)).with_temperatures(temperatures)
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HEAD
    save_head(out, final, data.labels)
    print(f"\nwrote {out} ({out.stat().st_size} bytes)")


def _calibration(
    logits: dict[str, list[np.ndarray]], y: dict[str, list[np.ndarray]], temperature: float
) -> None:
    p = softmax(np.concatenate(logits["op"]) / temperature)
    truth = np.concatenate(y["op"])
    best, right = p.max(axis=1), p.argmax(axis=1) == truth
    print("op calibration on the held-out folds (p after temperature):")
    for threshold in THRESHOLDS:
        sure = best >= threshold
        print(
            f"  p >= {threshold}: {sure.sum():4d} of {len(truth)} sentences, {right[sure].mean():.3f} right"
        )


if __name__ == "__main__":
    main()
