"""Drum classifier recipes judged over network seeds (issue 54 part M): each recipe (its material and
features, tools/corpus/drum_train's options) fitted on everything at several initial-weight seeds, and
each fit scored on the older held-out checks (FluidR3's test half; MuseScore's eight kits, the
generators' parts and the open-hat grooves), the same counts tools/bench/transcription.py and
transcription_drums.py print, so that a candidate's mean over seeds is weighed against main's spread::

    .venv/bin/python tools/bench/drum_seeds.py fit --recipes main,B --seeds 54,7,8 --dir D
    .venv/bin/python tools/bench/drum_seeds.py cross --recipes main,B --seeds 54,7 --dir D
    .venv/bin/python tools/bench/drum_seeds.py score --dir D [--json F]
    .venv/bin/python tools/bench/drum_seeds.py gate --dir D --base main --candidate B

The training features are read once (every part with all of drum_timbre's features, the hat-line
patterns' too) and cut per recipe; the benches' hits and features are read once per clip and each
model only names them (the engine's own functions, memoised).
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import os
import pickle
import statistics
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from engines.transcription import drums  # noqa: E402
from engines.transcription.drum_timbre import TIMBRE_NAMES  # noqa: E402
from tools.bench.transcription import ours  # noqa: E402
from tools.bench.transcription_drums import held_out_parts, open_hat_parts  # noqa: E402
from tools.bench.transcription_score import VOICES, f_of, voice_counts  # noqa: E402
from tools.corpus import drum_kits, drum_train  # noqa: E402
from tools.corpus import transcription_set as tset  # noqa: E402

HAT_LINES = 2
FIVE = ",".join(TIMBRE_NAMES[:5])  # issue 54 part L's features: 'all' when A and B were judged (part M)
# recipe: (hat lines a kit, --timbre, --kicks-808: which of drum_kits.KITS_808 are trained on too)
RECIPES = {"main": (0, "", ""), "A": (0, FIVE, ""), "B": (HAT_LINES, FIVE, "")}
RECIPES["N"] = (HAT_LINES, FIVE, "all")  # issue 54 part N: B with TR-808-style kicks and toms
RECIPES["P"] = (HAT_LINES, "all", "all")  # N with sub_to_body and low_glide (kick or tom) as well
RECIPES["Q"] = (HAT_LINES, "all", "")  # P without the 808 kits: B with sub_to_body and low_glide
RECIPES["R"] = (HAT_LINES, "all", "kicktoms")  # part O: P with the 808 kits playing only kick and toms


def training_features(out: Path, cache: Path) -> dict[str, list[tuple[str, list[drum_train.Pair]]]]:
    """Per kit (by family): its pairs with every timbre feature and HAT_LINES hat-line patterns, cached
    (kits the cache lacks are read and added)."""
    per_kit: dict[str, list[tuple[str, list[drum_train.Pair]]]] = (
        pickle.loads(cache.read_bytes()) if cache.exists() else {}
    )
    known = {name for kits in per_kit.values() for name, _pairs in kits}
    every = drum_kits.TRAIN_KITS + drum_kits.KICK_808_KITS + drum_kits.KICK_TOM_808_KITS
    missing = [kit for kit in every if kit.name not in known]
    for kit in missing:
        pairs = drum_train.kit_examples(out, kit, HAT_LINES, timbre=True)
        per_kit.setdefault(kit.family, []).append((kit.name, pairs))
        print(f"features: {kit.name} ({len(pairs)} clips)", flush=True)
    if missing:
        cache.write_bytes(pickle.dumps(per_kit))
    return per_kit


def recipe_families(
    per_kit: dict[str, list[tuple[str, list[drum_train.Pair]]]], recipe: str
) -> dict[str, list]:
    """The recipe's pairs per family: hat-line parts dropped where it has none, its timbre columns kept
    (float32, as drum_train reads them), of the 808 kits' family only the recipe's own 808 kits."""
    hat_lines, names, kicks_808 = RECIPES[recipe]
    columns = drum_train.timbre_columns(names)
    dropped = 2 * (HAT_LINES - hat_lines)
    wanted = {kit.name for kit in drum_kits.KITS_808[kicks_808]}
    families = {
        family: [
            (f[:, drum_train._kept(f, columns, True)].astype(np.float32), lab)
            for name, pairs in kits
            if family != drum_kits.KICK_808_FAMILY or name in wanted
            for f, lab in pairs[: len(pairs) - dropped]
        ]
        for family, kits in per_kit.items()
    }
    return {family: pairs for family, pairs in families.items() if pairs}


def fit_models(args: argparse.Namespace) -> None:
    per_kit = training_features(args.out, args.dir / "features.pickle")
    for recipe in args.recipes.split(","):
        columns = drum_train.timbre_columns(RECIPES[recipe][1])
        kits = drum_kits.TRAIN_KITS + drum_kits.KITS_808[RECIPES[recipe][2]]
        everything = [pair for pairs in recipe_families(per_kit, recipe).values() for pair in pairs]
        for seed in (int(s) for s in args.seeds.split(",")):
            path = args.dir / f"{recipe}-{seed}.json"
            if path.exists():
                continue
            net = drum_train.fit(
                np.vstack([f for f, _ in everything]),
                np.vstack([lab for _, lab in everything]),
                net_seed=seed,
            )
            path.write_text(drum_train.model_json(net, kits, columns), encoding="utf-8")
            digest = hashlib.sha256(path.read_bytes()).hexdigest()[:8]
            print(f"{path.name}: {digest}, load {os.getloadavg()[0]:.1f}", flush=True)


def cross_models(args: argparse.Namespace) -> None:
    """Leave-one-family-out (drum_train's folds, each fold's net from the seed): the summed F per recipe
    and seed, kept in DIR/cross.json."""
    per_kit = training_features(args.out, args.dir / "features.pickle")
    path = args.dir / "cross.json"
    sums: dict[str, float] = json.loads(path.read_text()) if path.exists() else {}
    for seed in (int(s) for s in args.seeds.split(",")):
        for recipe in args.recipes.split(","):
            if f"{recipe}-{seed}" not in sums:
                print(f"== {recipe}, folds from seed {seed}", flush=True)
                families = recipe_families(per_kit, recipe)
                sums[f"{recipe}-{seed}"] = drum_train.cross_check(
                    families, drum_train.HIDDEN, drum_train.ALPHA, seed
                )
                path.write_text(json.dumps(sums, indent=1))
                print(f"load {os.getloadavg()[0]:.1f}", flush=True)


def _memo(function: Any) -> Any:
    """``function`` remembered by the bytes of its array arguments (a clip's hits are read once)."""
    seen: dict[str, Any] = {}

    @functools.wraps(function)
    def remembered(*arrays: Any) -> Any:
        key = hashlib.sha1(
            b"".join(np.ascontiguousarray(a).tobytes() for a in arrays if a is not None)
        ).hexdigest()
        if key not in seen:
            seen[key] = function(*arrays)
        return seen[key]

    return remembered


def checks(out: Path) -> dict[str, list[tuple[str, Any]]]:
    kits = drum_kits.HELD_OUT_SOURCES["musescore"]
    test = tset.items(tset.default_out(), "test", ("drums",))
    return {
        "fluid_test": [(item.wav, item.notes) for item in test],
        "musescore_parts": held_out_parts(out, kits),
        "musescore_grooves": open_hat_parts(out, kits),
    }


def score_models(args: argparse.Namespace) -> None:
    """Pooled (matched, truth, found) per voice, per check, per model in ``--dir``."""
    for name in ("flux", "spectrum", "band_energies", "hit_features", "timbre_features"):
        setattr(drums, name, _memo(getattr(drums, name)))
    read = drums.load_classifier
    made = checks(args.out)
    scores: dict[str, Any] = json.loads(args.json.read_text()) if args.json.exists() else {}
    for path in sorted(args.dir.glob("*.json")):
        if path.stem in scores or path.stem == "cross" or path == args.json:
            continue
        drums.load_classifier = lambda _path=drums.MODEL_FILE, chosen=path: read(chosen)  # type: ignore[assignment,misc]
        table = {}
        for check, clips in made.items():
            pooled = {v: [0, 0, 0] for v in VOICES}
            for wav, rows in clips:
                for voice, counts in voice_counts(rows, ours(wav, "drums")).items():
                    pooled[voice] = [a + b for a, b in zip(pooled[voice], counts, strict=True)]
            table[check] = pooled
        scores[path.stem] = table
        args.json.write_text(json.dumps(scores, indent=1))
        print(path.stem, {c: {v: round(f_of(*n), 3) for v, n in t.items() if n[1]} for c, t in table.items()})
        print(f"load {os.getloadavg()[0]:.1f}", flush=True)


def f_table(scores: dict[str, Any], recipe: str, seeds: list[int]) -> dict[tuple[str, str], list[float]]:
    """(check, voice) -> F at each seed, for every voice played in a check."""
    first = scores[f"{recipe}-{seeds[0]}"]
    return {
        (check, voice): [f_of(*scores[f"{recipe}-{s}"][check][voice]) for s in seeds]
        for check, table in first.items()
        for voice, counts in table.items()
        if counts[1]
    }


def median_seed(scores: dict[str, Any], recipe: str, seeds: list[int]) -> int:
    """The seed whose F summed over every (check, voice) is the median of the recipe's seeds (the lower
    middle one for an even count)."""
    table = f_table(scores, recipe, seeds)
    sums = [sum(fs[i] for fs in table.values()) for i in range(len(seeds))]
    return seeds[sorted(range(len(seeds)), key=lambda i: sums[i])[(len(seeds) - 1) // 2]]


def verdicts(
    scores: dict[str, Any], base: str, candidate: str, seeds: list[int], floor: float
) -> list[dict[str, Any]]:
    """The declared gate, voice by voice: the candidate's mean F over ``seeds`` must be at least the
    base's mean less the larger of the base's standard deviation over them (n-1) and ``floor``."""
    rows = []
    cand = f_table(scores, candidate, seeds)
    for (check, voice), fs in f_table(scores, base, seeds).items():
        mean, sd = statistics.mean(fs), statistics.stdev(fs)
        bar = mean - max(sd, floor)
        got = statistics.mean(cand[(check, voice)])
        rows.append(
            {"check": check, "voice": voice, "base": fs, "mean": mean, "sd": sd, "bar": bar}
            | {"candidate": cand[(check, voice)], "candidate_mean": got, "passed": got >= bar}
        )
    return rows


def gate(args: argparse.Namespace) -> None:
    scores = json.loads(args.json.read_text())
    seeds = [int(s) for s in args.seeds.split(",")]
    rows = verdicts(scores, args.base, args.candidate, seeds, args.floor)
    print(
        f"| check | voice | {args.base}: mean (sd) | bar | {args.candidate}: mean | its seeds {seeds} | verdict |"
    )
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        seen = " / ".join(f"{x:.3f}" for x in r["candidate"])
        print(
            f"| {r['check']} | {r['voice']} | {r['mean']:.4f} ({r['sd']:.3f}) | {r['bar']:.4f} |"
            f" {r['candidate_mean']:.4f} | {seen} | {'pass' if r['passed'] else '**fails**'} |"
        )
    for recipe in (args.base, args.candidate):
        print(f"{recipe}: median seed {median_seed(scores, recipe, seeds)}")
    passed = all(r["passed"] for r in rows)
    print(f"{args.candidate}: {'passes' if passed else 'fails'} the held-out rule")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=("fit", "cross", "score", "gate"))
    parser.add_argument("--dir", type=Path, required=True, help="where the models and scores live")
    parser.add_argument("--out", type=Path, default=drum_kits.default_out())
    parser.add_argument("--recipes", default="main")
    parser.add_argument("--seeds", default="54")
    parser.add_argument("--json", type=Path, help="the scores (default DIR/scores.json)")
    parser.add_argument("--base", default="main")
    parser.add_argument("--candidate", default="B")
    parser.add_argument("--floor", type=float, default=0.02, help="the least allowance under the base's mean")
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    args.json = args.json or args.dir / "scores.json"
    {"fit": fit_models, "cross": cross_models, "score": score_models, "gate": gate}[args.step](args)


if __name__ == "__main__":
    main()
