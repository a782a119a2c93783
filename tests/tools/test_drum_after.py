"""drum_after: rules after the drum classifier, fitted on some families' out-of-fold calls and scored on
another's; a rule that gains nothing where it is fitted changes no call."""

from __future__ import annotations

import argparse
import json
import pickle
from pathlib import Path

import numpy as np
import pytest

from tools.bench import drum_after
from tools.bench import drum_after_rules as rules


def _family(seed: int, snare_p: float, n: int = 400) -> rules.Data:
    """Hits of which a quarter are snares; the net gives true snares ``snare_p`` and false ones 0.1;
    a tenth of the hits are closed hats read as snares at 0.6 whose high band rings (high_ring 2, else -2)."""
    rng = np.random.default_rng(seed)
    y = np.zeros((n, 7), dtype=bool)
    y[: n // 4, rules.SNARE] = True
    y[n // 4 : n // 4 + n // 10, rules.CLOSED] = True
    p = np.full((n, 7), 0.1)
    p[: n // 4, rules.SNARE] = snare_p
    p[n // 4 : n // 4 + n // 10, rules.SNARE] = 0.6
    p[n // 4 : n // 4 + n // 10, rules.CLOSED] = 0.9
    x = rng.normal(size=(n, 57)).astype(np.float32) * 0.1
    x[:, 34:36] = -2.0
    x[n // 4 : n // 4 + n // 10, 34:36] = 2.0
    return rules.Data(p, y, x, np.ones(n, dtype=bool))


def test_the_snare_threshold_follows_where_the_true_snares_sit() -> None:
    # true snares at 0.4 are missed at 0.5; the fitted threshold lies at or under 0.4, the false ones (0.1) stay out
    params = rules.fit("T", [_family(s, snare_p=0.4) for s in range(3)])
    assert 0.1 < params[rules.SNARE] <= 0.4
    calls = rules.apply("T", params, _family(9, snare_p=0.4))
    assert calls[:100, rules.SNARE].all()


def test_a_threshold_that_gains_nothing_stays_at_one_half() -> None:
    # the false snares at 0.6 are dropped by a higher snare threshold; with none left, every voice keeps 0.5
    assert rules.fit("T", [_family(s, snare_p=0.9) for s in range(3)])[rules.SNARE] > 0.6
    clean = [_family(s, snare_p=0.9) for s in range(3)]
    for data in clean:
        data.p[100:140, rules.SNARE] = 0.1
    assert rules.fit("T", clean) == [0.5, 0.5, 0.5, 0.5]


def test_false_snares_that_ring_are_dropped_and_true_ones_kept() -> None:
    params = rules.fit("S", [_family(s, snare_p=0.9) for s in range(3)])
    assert params is not None
    held = _family(9, snare_p=0.9)
    calls = rules.apply("S", params, held)
    assert calls[:100, rules.SNARE].all() and not calls[100:140, rules.SNARE].any()
    assert (
        calls[:, rules.CLOSED] == (held.p[:, rules.CLOSED] >= 0.5)
    ).all()  # the snare rule leaves the hats


def test_a_rule_with_nothing_to_gain_changes_no_call() -> None:
    clean = [_family(s, snare_p=0.9) for s in range(3)]
    for data in clean:
        data.p[100:140, rules.SNARE] = 0.1  # no false snares left
    assert rules.fit("S", clean) is None and rules.fit("O", clean) is None
    assert rules.fit("D", clean) == [None, None]
    for rule in ("S", "O", "D", "L"):
        params = rules.fit(rule, clean)
        assert (rules.apply(rule, params, clean[0]) == (clean[0].p >= 0.5)).all(), rule


def test_each_family_is_called_by_a_rule_fitted_without_it() -> None:
    families = {"a": _family(1, 0.4), "b": _family(2, 0.4), "c": _family(3, 0.4)}
    seen = []
    real_fit = rules.fit
    rules_fit = lambda rule, fams: seen.append(len(fams)) or real_fit(rule, fams)  # noqa: E731
    drum_after.rules.fit = rules_fit  # type: ignore[assignment]
    try:
        calls = drum_after.nested(families, "T")
    finally:
        drum_after.rules.fit = real_fit  # type: ignore[assignment]
    assert seen == [2, 2, 2]
    total, pooled = drum_after.summed(families, calls)
    # the closed hats are all found (F 1 a family), no kick or open hat played or said (F 0)
    assert pooled[2] == 1.0 and pooled[0] == pooled[3] == 0.0
    assert abs(total - 3 - sum(2 * 100 / (100 + c[:, rules.SNARE].sum()) for c in calls.values())) < 1e-2


def test_refitting_rule_o_replaces_the_first_row_and_keeps_the_hand_chosen_second(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """fit --rule O writes its rule as the first row of ``open_from_ring``; a63's second row (chosen on the
    tuning sources, not by the fit) stays, so a refit does not silently drop it."""
    (tmp_path / "oof-54.pickle").write_bytes(pickle.dumps({"f": None}))
    base = tmp_path / "base.json"
    second = [0.03, 2.0, -9.0, 1.0, 2.0, 1.0]
    base.write_text(json.dumps({"arrays": {"open_from_ring": [[0.15, 2.0, -2.9, 1.0, 0.0, 1.0], second]}}))
    monkeypatch.setattr(rules, "fit", lambda _rule, _families: (0.2, "high_decay_per_s", -3.5, 1.0, "any", 1))
    args = argparse.Namespace(dir=tmp_path, seeds="54", rule="O", base=str(base), model=tmp_path / "out.json")
    drum_after.fit_rule(args)
    rows = json.loads(args.model.read_text())["arrays"]["open_from_ring"]
    assert rows == [[0.2, float(rules.RING.index("high_decay_per_s")), -3.5, 1.0, 0.0, 1.0], second]
