"""drum_seeds: the gate over seeds (a candidate's mean against the base's mean less the larger of its
spread and a floor), the median seed (not the best), and each recipe's cut of the training features."""

from __future__ import annotations

import numpy as np

from engines.transcription.drum_timbre import TIMBRE_NAMES
from tools.bench import drum_seeds


def _scores(recipe: str, f_by_seed: dict[int, dict[str, float]]) -> dict[str, dict]:
    """Scores whose F is exact: 100 played, 100 said, F * 100 matched; a tom never played."""
    return {
        f"{recipe}-{seed}": {
            "check": {v: [round(f * 100), 100, 100] for v, f in fs.items()} | {"tom": [0, 0, 3]}
        }
        for seed, fs in f_by_seed.items()
    }


def test_the_bar_is_the_larger_of_the_spread_and_the_floor() -> None:
    base = _scores(
        "main",
        {1: {"kick": 0.90, "hat": 0.50}, 2: {"kick": 0.91, "hat": 0.70}, 3: {"kick": 0.92, "hat": 0.90}},
    )
    # kick: mean 0.91, sd 0.01, so the floor (0.02) sets the bar at 0.89; hat: sd 0.2 sets it at 0.5
    near = _scores(
        "near",
        {1: {"kick": 0.89, "hat": 0.50}, 2: {"kick": 0.90, "hat": 0.52}, 3: {"kick": 0.88, "hat": 0.51}},
    )
    low = _scores(
        "low",
        {1: {"kick": 0.88, "hat": 0.70}, 2: {"kick": 0.89, "hat": 0.70}, 3: {"kick": 0.88, "hat": 0.70}},
    )
    scores = base | near | low
    rows = {r["voice"]: r for r in drum_seeds.verdicts(scores, "main", "near", [1, 2, 3], 0.02)}
    assert set(rows) == {"kick", "hat"}  # a voice never played is not judged
    assert abs(rows["kick"]["bar"] - 0.89) < 1e-9 and abs(rows["hat"]["bar"] - 0.50) < 1e-9
    assert rows["kick"]["passed"] and rows["hat"]["passed"]
    low_rows = {r["voice"]: r for r in drum_seeds.verdicts(scores, "main", "low", [1, 2, 3], 0.02)}
    assert not low_rows["kick"]["passed"]  # mean 0.883 < 0.89
    assert low_rows["hat"]["passed"]
    # a floor under the spread: the sd (0.01) sets the kick's bar at 0.90, which 0.89 misses
    small_floor = drum_seeds.verdicts(scores, "main", "near", [1, 2, 3], 0.005)
    assert not next(r for r in small_floor if r["voice"] == "kick")["passed"]


def test_the_median_seed_ships_not_the_best() -> None:
    scores = _scores(
        "B", {7: {"kick": 0.5}, 8: {"kick": 0.9}, 9: {"kick": 0.7}, 10: {"kick": 0.6}, 11: {"kick": 0.8}}
    )
    assert drum_seeds.median_seed(scores, "B", [7, 8, 9, 10, 11]) == 9
    assert drum_seeds.median_seed(scores, "B", [7, 8, 9, 10]) == 10  # even: the lower middle one


def test_each_recipe_cuts_its_parts_and_columns() -> None:
    n_bands = 4
    width = n_bands + len(TIMBRE_NAMES)
    pairs = [
        (np.full((2, width), float(i), dtype=np.float32), np.zeros((2, 7), dtype=np.int8)) for i in range(8)
    ]
    per_kit = {"fam": [("kit-a", pairs)]}  # 2 base parts and 2 hat-line parts, each plain and varied
    main = drum_seeds.recipe_families(per_kit, "main")["fam"]
    b = drum_seeds.recipe_families(per_kit, "B")["fam"]
    assert [int(f[0, 0]) for f, _ in main] == [0, 1, 2, 3]  # the hat-line parts dropped
    assert all(f.shape[1] == n_bands and f.dtype == np.float32 for f, _ in main)
    assert [int(f[0, 0]) for f, _ in b] == list(range(8))
    assert all(f.shape[1] == n_bands + 5 and f.dtype == np.float32 for f, _ in b)  # as drum_train fits them
    p = drum_seeds.recipe_families(per_kit, "P")["fam"]  # every timbre feature, the kick-or-tom ones too
    assert all(f.shape[1] == width for f, _ in p)
