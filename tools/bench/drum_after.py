"""Rules after the drum classifier, fitted on its out-of-fold calls (issue 54, branch a60): main's recipe
fitted without each kit family (drum_train's folds, the net from a seed) names that family's hits, every
hit keeping its probabilities, its labels and all of its features (band and drum_timbre); then each rule of
tools/bench/drum_after_rules is fitted on eleven families' calls and applied to the twelfth, and the summed
F of kick, snare, closed and open hat over the 12 families (drum_train's training-kit figure, on main's
material: no hat-line patterns) is printed with and without it::

    .venv/bin/python tools/bench/drum_after.py oof --dir D --seeds 54,7
    .venv/bin/python tools/bench/drum_after.py rules --dir D --seeds 54,7 [--rules T,S,O]
    .venv/bin/python tools/bench/drum_after.py fit --dir D --rule S --model F

The rules are fitted on every pair of the other families (the hat-line patterns' too: more open hats),
scored on main's material only. The features come from drum_seeds' cache (DIR/features.pickle).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tools.bench import drum_after_rules as rules  # noqa: E402
from tools.bench import drum_seeds  # noqa: E402
from tools.corpus import drum_kits, drum_train  # noqa: E402

N_BANDS = 50  # hit_features' columns: main's recipe reads these only


def family_data(kits: list[tuple[str, list[drum_train.Pair]]]) -> rules.Data:
    """One family's hits (features, labels, and whether each is main's material), probabilities unset."""
    features, labels, main = [], [], []
    for _name, pairs in kits:
        n_main = len(pairs) - 2 * drum_seeds.HAT_LINES
        for i, (f, lab) in enumerate(pairs):
            features.append(f.astype(np.float32))
            labels.append(lab.astype(bool))
            main.append(np.full(len(lab), i < n_main))
    x = np.vstack(features)
    return rules.Data(np.zeros((len(x), len(drum_train.VOICES))), np.vstack(labels), x, np.concatenate(main))


def out_of_fold(per_kit: dict[str, list], seed: int) -> dict[str, rules.Data]:
    """Per family (the 808 kits' left out), main's recipe fitted without it from ``seed`` names its hits."""
    kept = {f: k for f, k in per_kit.items() if f != drum_kits.KICK_808_FAMILY}
    main = drum_seeds.recipe_families(kept, "main")
    made = {}
    for held, kits in kept.items():
        train = [pair for family, pairs in main.items() if family != held for pair in pairs]
        net = drum_train.fit(
            np.vstack([f for f, _ in train]), np.vstack([lab for _, lab in train]), net_seed=seed
        )
        data = family_data(kits)
        data.p[:] = net.predict_proba((data.x[:, :N_BANDS] - net.mean_) / net.scale_)  # type: ignore[attr-defined]
        made[held] = data
        print(f"seed {seed}: {held} named ({len(data.y)} hits), load {os.getloadavg()[0]:.1f}", flush=True)
    return made


def oof(args: argparse.Namespace) -> None:
    cache = args.dir / "features.pickle"
    per_kit = (
        pickle.loads(cache.read_bytes()) if cache.exists() else drum_seeds.training_features(args.out, cache)
    )
    for seed in _seeds(args):
        path = args.dir / f"oof-{seed}.pickle"
        if not path.exists():
            path.write_bytes(pickle.dumps(out_of_fold(per_kit, seed)))


def nested(
    families: dict[str, rules.Data], rule: str, fitted: dict[tuple[str, str], object] | None = None
) -> dict[str, np.ndarray]:
    """Each family's calls under ``rule`` fitted on the other families (every pair of theirs); ``fitted``
    keeps each fold's parameters (SO is S's and O's of the same fold, fitted once)."""
    fitted = {} if fitted is None else fitted
    calls = {}
    for held, data in families.items():
        others = [d for f, d in families.items() if f != held]
        if rule == "SO":
            fitted[rule, held] = tuple(
                fitted[r, held] if (r, held) in fitted else rules.fit(r, others) for r in ("S", "O")
            )
        else:
            fitted[rule, held] = rules.fit(rule, others)
        calls[held] = rules.apply(rule, fitted[rule, held], data)
    return calls


def summed(families: dict[str, rules.Data], calls: dict[str, np.ndarray]) -> tuple[float, list[float]]:
    """drum_train's figure on main's material: per family F of the four target voices, summed; and the
    four voices' F pooled over the families."""
    total, truth, said = 0.0, [], []
    for family, data in families.items():
        m = data.main
        scores = drum_train.voice_f(data.y[m], calls[family][m])
        total += sum(scores[v] for v in drum_train.VOICES[:4])
        truth.append(data.y[m])
        said.append(calls[family][m])
    pooled = drum_train.voice_f(np.vstack(truth), np.vstack(said))
    return total, [pooled[v] for v in drum_train.VOICES[:4]]


def score_rules(args: argparse.Namespace) -> None:
    table: dict[str, dict[int, float]] = {}
    for seed in _seeds(args):
        families = pickle.loads((args.dir / f"oof-{seed}.pickle").read_bytes())
        fitted: dict[tuple[str, str], object] = {}
        for rule in ["none", *args.rules.split(",")]:
            start = time.time()
            calls = nested(families, rule, fitted)
            total, pooled = summed(families, calls)
            table.setdefault(rule, {})[seed] = total
            print(
                f"| {rule} | {seed} | {total:.3f} | {' / '.join(f'{v:.3f}' for v in pooled)} |"
                f" {time.time() - start:.0f} s |",
                flush=True,
            )
    for rule, sums in table.items():
        mean = sum(sums.values()) / len(sums)
        print(f"{rule}: mean {mean:.3f} over seeds {list(sums)}, gain {mean - _mean(table['none']):+.3f}")
    (args.dir / "rules.json").write_text(json.dumps(table, indent=1))


def fit_rule(args: argparse.Namespace) -> None:
    """Rule O (or T) fitted on all 12 families' out-of-fold calls (the first seed's), written into a copy
    of the shipped classifier: O as its ``open_from_ring`` array (engines/transcription/drum_rules), T as
    its thresholds."""
    families = pickle.loads((args.dir / f"oof-{_seeds(args)[0]}.pickle").read_bytes())
    params = rules.fit(args.rule, list(families.values()))
    model = json.loads(Path(args.base).read_text(encoding="utf-8"))
    if args.rule == "O" and params is not None:
        fitted = [round(v, 6) for v in rules.encoded(params)]
        rows = np.atleast_2d(model["arrays"].get("open_from_ring", fitted)).tolist()
        model["arrays"]["open_from_ring"] = [fitted, *rows[1:]]  # a63's second row (by hand) stays
    elif args.rule == "T":
        model["arrays"]["threshold"][:4] = [float(t) for t in params]
    else:
        raise SystemExit(f"drum_after fit: rule {args.rule} gives {params}; the engine reads O or T only")
    args.model.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.model}: {args.rule} {params}")


def _seeds(args: argparse.Namespace) -> list[int]:
    return [int(s) for s in args.seeds.split(",")]


def _mean(sums: dict[int, float]) -> float:
    return sum(sums.values()) / len(sums)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=("oof", "rules", "fit"))
    parser.add_argument("--dir", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=drum_kits.default_out())
    parser.add_argument("--seeds", default="54,7")
    parser.add_argument("--rules", default=",".join(rules.RULES))
    parser.add_argument("--rule", default="T")
    parser.add_argument("--base", default=str(ROOT / "engines/transcription/drum_model.json"))
    parser.add_argument("--model", type=Path)
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    {"oof": oof, "rules": score_rules, "fit": fit_rule}[args.step](args)


if __name__ == "__main__":
    main()
