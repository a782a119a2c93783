"""MIDI key reading (engines.symbolic.keys) against labelled keys: right, held and confidently wrong.

    PYTHONPATH=. .venv/bin/python tools/bench/midi_key.py [--seeds 2] [--folk-files 200] [--json OUT]

Set 1 (generated): the project's bass, chords and melody parts (engines.generators, as `roo
generate PART --key K --genre G --bars 8 --seed S` writes them) for every genre, all 24 major and
minor keys and ``--seeds`` seeds; truth is the key each was made in. Set 2 (folk): the melodies of
music21's O'Neill's 1850 and Ryan's Mammoth collections with their stated key (ABC ``K:`` field,
modes included); a tune whose key changes, or whose mode is not a church mode, is left out.

Each reading is *right* (the truth key at confidence >= 0.6, the level at which ``apply 1`` sets
Live's key), *held* (confidence below 0.6, whatever key) or *confidently wrong*. Cross-validated:
the weights (``keys.Weights``) are fitted on half A (even genres, even tunes: a softmax regression,
then the sharpness that leaves at most 1.5 % of each part of that half confidently wrong) and reported on half B,
then the reverse; the untuned half comes first. The engine ships half A's weights. The engine on git main reads
the same clips beside it ("before"). Bass lines without the truth key's third are counted apart.
"""

from __future__ import annotations

import argparse
import itertools
import json
import subprocess
import sys
import types
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from engines.music import Key, Note  # noqa: E402
from engines.symbolic import keys  # noqa: E402

APPLY = 0.6
M21_SCALES = {m.lower(): m for m in ("Major", "Minor", "Dorian", "Mixolydian", "Lydian", "Phrygian")}
WRONG_AT_MOST = 0.015  # sharpness: the most of each part of the tuning half that may be confidently wrong
SHARPNESS = tuple(round(0.2 + 0.05 * i, 2) for i in range(80))


@dataclass
class Item:
    set: str  # "generated" | "folk"
    part: str  # bass, chords, melody, folk melody
    name: str
    half: str  # "A" | "B"
    truth: Key
    notes: list[Note]
    hints: list[Key]
    no_third: bool  # neither third on the truth key's tonic ever sounds


def _item(set_: str, part: str, name: str, half: str, truth: Key, notes: list[Note], length: float) -> Item:
    from engines.symbolic import tonic_hints
    from engines.symbolic.chords import recognise

    hints = tonic_hints(recognise(notes, length))
    no_third = not any((n.pitch - truth.tonic) % 12 in (3, 4) for n in notes if not n.mute)
    return Item(set_, part, name, half, truth, notes, hints, no_third)


def generated(seeds: int) -> list[Item]:
    from engines.generators import generate
    from engines.music import MusicalContext
    from engines.presets import names

    out = []
    for g, genre in enumerate(names("genres")):
        for tonic, scale, seed in itertools.product(range(12), ("Major", "Minor"), range(1, seeds + 1)):
            ctx = MusicalContext(key=Key(tonic, scale), genre=genre, bars=8)
            for part in ("bass", "chords", "melody"):
                notes = generate(part, ctx, seed=seed)
                if notes:
                    name = f"{genre} {ctx.key} {part} seed {seed}"
                    out.append(_item("generated", part, name, "AB"[g % 2], ctx.key, notes, ctx.length_beats))
    return out


def folk(files: int, cache: Path) -> list[Item]:
    """O'Neill's and Ryan's tunes (``files`` files of each at most), cached as JSON at ``cache``."""
    if not cache.exists():
        from music21 import converter, corpus, key, note

        rows = []
        paths = [p for p in corpus.getPaths(fileExtensions=("abc",)) if "oneills1850" in str(p)][:files]
        paths += [p for p in corpus.getPaths(fileExtensions=("abc",)) if "ryansMammoth" in str(p)][:files]
        for path in paths:
            parsed = converter.parse(path)
            for i, score in enumerate(getattr(parsed, "scores", None) or [parsed]):
                stated = {(k.tonic.pitchClass, k.mode) for k in score.recurse().getElementsByClass(key.Key)}
                if len(stated) != 1 or next(iter(stated))[1] not in M21_SCALES:
                    continue
                tonic, mode = next(iter(stated))
                raw = [
                    (n.pitch.midi, float(n.getOffsetInHierarchy(score)), float(n.quarterLength))
                    for n in score.recurse().getElementsByClass(note.Note)
                    if n.quarterLength > 0
                ]
                if len(raw) >= 8:
                    rows.append((f"{Path(path).stem} {i}", tonic, M21_SCALES[mode], raw))
        cache.write_text(json.dumps(rows))
    out = []
    for i, (name, tonic, scale, stored) in enumerate(json.loads(cache.read_text())):
        notes = [Note(p, s, d, 90) for p, s, d in stored]
        length = max(n.start_beats + n.duration_beats for n in notes)
        out.append(_item("folk", "folk melody", name, "AB"[i % 2], Key(tonic, scale), notes, length))
    return out


def before_engine() -> types.ModuleType:
    """git main's engines/symbolic/keys.py, loaded as a module of its own."""
    source = subprocess.run(
        ["git", "show", "main:engines/symbolic/keys.py"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    module = types.ModuleType("keys_before")
    exec(compile(source, "main:engines/symbolic/keys.py", "exec"), module.__dict__)
    return module


def verdict(truth: Key, key: Key | None, confidence: float) -> str:
    if confidence < APPLY:
        return "held"
    return "right" if key == truth else "wrong"


CANDIDATES = [Key(t, s) for t in range(12) for s in keys.PROFILES]


def evidence_arrays(items: list[Item]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(evidence [items, candidates, len(EVIDENCE)], truth index [items], mode-open [items, candidates])."""
    ev = np.zeros((len(items), len(CANDIDATES), len(keys.EVIDENCE)))
    opened = np.zeros((len(items), len(CANDIDATES)), dtype=bool)
    for i, it in enumerate(items):
        e = keys.evidence(it.notes, it.hints)
        ev[i] = [e[k] for k in CANDIDATES]
        opened[i] = [keys.mode_open(it.notes, k.tonic) for k in CANDIDATES]
    truth = np.array([CANDIDATES.index(replace(it.truth, spelling="", mode_spelling="")) for it in items])
    return ev, truth, opened


def fit_weights(ev: np.ndarray, truth: np.ndarray, opened: np.ndarray, parts: np.ndarray) -> keys.Weights:
    """A softmax regression of the truth on the evidence (slight L2), then the sharpness with the most
    right readings among those that leave at most ``WRONG_AT_MOST`` of each part confidently wrong."""
    from scipy.optimize import minimize

    rows = np.arange(len(truth))

    def loss(w: np.ndarray) -> float:
        s = ev @ w
        s = s - s.max(axis=1, keepdims=True)
        logp = s[rows, truth] - np.log(np.exp(s).sum(axis=1))
        return float(-logp.mean() + 1e-3 * np.sum(w**2))

    coef = minimize(loss, np.zeros(ev.shape[-1]), method="L-BFGS-B").x
    s = ev @ coef
    top = s.argmax(axis=1)
    best: tuple[int, float] = (-1, 1.0)
    for sharpness in SHARPNESS:
        p = np.exp(sharpness * (s - s.max(axis=1, keepdims=True)))
        conf = p.max(axis=1) / p.sum(axis=1)
        conf = np.where(opened[rows, top], np.minimum(conf, keys.OPEN_CAP), conf)
        sure = conf >= APPLY
        right = int(np.sum(sure & (top == truth)))
        wrong = max(float(np.mean((sure & (top != truth))[parts == part])) for part in set(parts))
        if wrong <= WRONG_AT_MOST and right > best[0]:
            best = (right, sharpness)
    values = {name: round(float(c), 2) for name, c in zip(keys.EVIDENCE, coef, strict=True)}
    return replace(keys.WEIGHTS, **values, sharpness=best[1])


def tally(items: list[Item], read: Any) -> dict[str, dict[str, int]]:
    """Per part (and bass without a third): right / held / wrong counts of ``read(item)``."""
    table: dict[str, Counter[str]] = {}
    for it in items:
        v = verdict(it.truth, *read(it))
        groups = [it.part, "all"] + (["bass, no third"] if it.part == "bass" and it.no_third else [])
        for g in groups:
            table.setdefault(g, Counter())[v] += 1
    return {g: {k: c[k] for k in ("right", "held", "wrong")} | {"n": c.total()} for g, c in table.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seeds", type=int, default=2, help="seeds per genre, key and part")
    parser.add_argument("--folk-files", type=int, default=200, help="ABC files of each folk collection")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/midi_key_folk.json"))
    parser.add_argument("--json", type=Path, help="write every figure here")
    args = parser.parse_args()
    items = generated(args.seeds) + folk(args.folk_files, args.cache)
    old = before_engine()
    report: dict[str, Any] = {"items": len(items), "folds": []}
    for tuned_on, held_out in (("A", "B"), ("B", "A")):
        tune = [it for it in items if it.half == tuned_on]
        w = fit_weights(*evidence_arrays(tune), np.array([it.part for it in tune]))
        fold: dict[str, Any] = {"tuned_on": tuned_on, "weights": w.__repr__()}
        for half in (held_out, tuned_on):
            part = [it for it in items if it.half == half]
            for set_ in ("generated", "folk"):
                subset = [it for it in part if it.set == set_]
                fold[f"{half} {set_} after"] = tally(subset, lambda it, w=w: _read(it, w))
                fold[f"{half} {set_} before"] = tally(subset, lambda it: old.detect_key(it.notes, it.hints))
        report["folds"].append(fold)
        print(json.dumps(fold, indent=1))
    report["speed_ms"] = speed(items, old)
    print("median ms per clip, after / before:", report["speed_ms"])
    report["shipped"] = {
        s: tally([it for it in items if it.set == s], lambda it: _read(it, keys.WEIGHTS))
        for s in ("generated", "folk")
    }
    print("shipped weights", keys.WEIGHTS, json.dumps(report["shipped"], indent=1))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))
    return 0


def speed(items: list[Item], old: types.ModuleType, rounds: int = 5) -> dict[str, float]:
    """Median milliseconds of one key reading of a generated part (8 bars), after and before."""
    import statistics
    import time

    parts = [it for it in items if it.set == "generated"][::10]
    out = {}
    for name, read in (("after", keys.read_key), ("before", old.detect_key)):
        times = []
        for it in parts * rounds:
            t = time.perf_counter()
            read(it.notes, it.hints)
            times.append(time.perf_counter() - t)
        out[name] = round(1000 * statistics.median(times), 3)
    return out


def _read(it: Item, w: keys.Weights) -> tuple[Key | None, float]:
    r = keys.read_key(it.notes, it.hints, w)
    return r.key, r.confidence


if __name__ == "__main__":
    raise SystemExit(main())
