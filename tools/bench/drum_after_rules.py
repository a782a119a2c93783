"""Rules that correct the drum classifier's calls hit by hit, each fitted on some kit families' hits
(the classifier's out-of-fold probabilities, the truth, the features) by the summed F, family by family,
of the voices it touches (tools/bench/drum_after fits and scores them; docs/benchmarks/transcription.md):
T per-voice thresholds; S a snare call dropped by its probability and one measure; O an open hat added by
its probability and the high band's ring; SO both; D two measures at once (snare dropped, closed made
open); L a logistic regression per voice on the probabilities and measures. A fit that gains nothing on
its material returns no rule (``None``), which changes no call."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

from engines.transcription import drum_rules
from engines.transcription.drum_timbre import TIMBRE_NAMES

KICK, SNARE, CLOSED, OPEN = 0, 1, 2, 3
TIMBRE_AT = 50  # the band features' count: drum_timbre's seven follow


def _column(i: int) -> Callable[[np.ndarray], np.ndarray]:
    return lambda x: x[:, i]


MEASURES: dict[str, Callable[[np.ndarray], np.ndarray]] = (
    {name: _column(TIMBRE_AT + i) for i, name in enumerate(TIMBRE_NAMES)}
    | {
        "high_ring": lambda x: x[:, 34:36].mean(axis=1),  # 5-11 kHz over 150-300 ms, against the attack
        "high_ring_s": _column(46),
        "gap": _column(49),
        "high_fall": lambda x: x[:, 43:45].mean(axis=1),
    }
)
RING = drum_rules.RING_MEASURES
PAIRED = (*TIMBRE_NAMES[:6], "high_ring")  # drum_timbre's but low_glide, and the high band's ring
QUANTILES = np.linspace(0.05, 0.95, 19)
COARSE = np.linspace(0.1, 0.9, 9)
OPEN_FROM = np.arange(0.05, 0.451, 0.05)
GRID = np.round(np.arange(0.10, 0.901, 0.05), 2)


@dataclass
class Data:
    """A family's hits: the classifier's probabilities (hits, voices), the truth, every feature (the
    band features, then drum_timbre's), and which hits are main's material (not hat-line patterns)."""

    p: np.ndarray
    y: np.ndarray
    x: np.ndarray
    main: np.ndarray


class Pool:
    """Several families' hits stacked, with per-family counts of each voice under the net's calls."""

    def __init__(self, families: list[Data]) -> None:
        self.fid = np.concatenate([np.full(len(d.y), i) for i, d in enumerate(families)])
        self.p = np.vstack([d.p for d in families])
        self.y = np.vstack([d.y for d in families])
        self.x = np.vstack([d.x for d in families])
        self.said = self.p >= 0.5
        self.n = len(families)

    def counts(self, voice: int, calls: np.ndarray | None = None) -> np.ndarray:
        """(3, families): matched, said and played hits of ``voice``."""
        said = self.said[:, voice] if calls is None else calls
        truth = self.y[:, voice]
        return np.stack([np.bincount(self.fid, w, self.n) for w in (said & truth, said, truth)]).astype(float)


def summed_f(counts: np.ndarray) -> float:
    return float((2 * counts[0] / np.maximum(1, counts[1] + counts[2])).sum())


def calls_of(data: Data) -> np.ndarray:
    return data.p >= 0.5


def fit_thresholds(pool: Pool) -> list[float]:
    chosen = []
    for v in (KICK, SNARE, CLOSED, OPEN):
        scores = {t: summed_f(pool.counts(v, pool.p[:, v] >= t)) for t in GRID}
        best = max(scores.values())
        chosen.append(
            0.5
            if scores[0.5] >= best
            else min((t for t in GRID if scores[t] == best), key=lambda t: abs(t - 0.5))
        )
    return chosen


def apply_thresholds(params: list[float], data: Data) -> np.ndarray:
    calls = calls_of(data)
    for v, t in zip((KICK, SNARE, CLOSED, OPEN), params, strict=True):
        calls[:, v] = data.p[:, v] >= t
    return calls


Effect = tuple[int, int, np.ndarray]  # a voice, +1 added or -1 dropped, on which of the rows


def _best_mask(
    pool: Pool, rows: np.ndarray, tries: list[tuple[Any, np.ndarray]], effects: list[Effect]
) -> tuple[Any, float]:
    """The try (params, mask over ``rows``) whose ``effects`` give the highest summed F of the voices
    they touch, if above none (else None), and that F; every try's counts per family in one product."""
    onehot = np.eye(pool.n, dtype=np.float32)[pool.fid[rows]]
    parts = []
    for voice, sign, touch in effects:
        w = onehot * touch[:, None]
        parts.append((pool.counts(voice), sign, w * pool.y[rows, voice][:, None], w))

    def scores(masks: np.ndarray) -> np.ndarray:
        total = np.zeros(len(masks))
        for base, sign, hit, said in parts:
            matched, n_said = base[0] + sign * (masks @ hit), base[1] + sign * (masks @ said)
            total += (2 * matched / np.maximum(1, n_said + base[2])).sum(axis=1)
        return total

    best, best_f = None, float(scores(np.zeros((1, len(rows)), np.float32))[0]) + 1e-9
    for start in range(0, len(tries), 512):
        chunk = tries[start : start + 512]
        f = scores(np.stack([mask for _, mask in chunk]).astype(np.float32))
        if f.max() > best_f:
            best, best_f = chunk[int(np.argmax(f))][0], float(f.max())
    return best, best_f


def fit_snare(pool: Pool) -> Any:
    rows = np.flatnonzero(pool.said[:, SNARE] & (pool.p[:, SNARE] < 0.95))
    p = pool.p[rows, SNARE]
    tries = []
    for name, measure in MEASURES.items():
        m = measure(pool.x[rows])
        for b in np.quantile(m, QUANTILES):
            for sign in (1, -1):
                beyond = sign * (m - b) > 0
                tries += [((a, name, float(b), sign), beyond & (p < a)) for a in np.arange(0.55, 0.951, 0.05)]
    return _best_mask(pool, rows, tries, [(SNARE, -1, np.ones(len(rows), bool))])[0]


def snare_mask(params: Any, data: Data, calls: np.ndarray) -> np.ndarray:
    if params is None:
        return np.zeros(len(calls), dtype=bool)
    a, name, b, sign = params
    return calls[:, SNARE] & (data.p[:, SNARE] < a) & (sign * (MEASURES[name](data.x) - b) > 0)


def _open_effects(pool: Pool, rows: np.ndarray, drop_closed: bool) -> list[Effect]:
    added: Effect = (OPEN, 1, np.ones(len(rows), bool))
    return [added, (CLOSED, -1, pool.said[rows, CLOSED])] if drop_closed else [added]


CONDITIONS = drum_rules.WITH
_condition = drum_rules.said_with


def fit_open(pool: Pool) -> Any:
    rows = np.flatnonzero(~pool.said[:, OPEN] & (pool.p[:, OPEN] >= 0.05))
    p = pool.p[rows, OPEN]
    best: tuple[Any, float] = (None, 0.0)
    for drop in (False, True):
        tries = []
        for which, name in itertools.product(CONDITIONS, RING):
            cond, m = _condition(pool.said[rows], which), MEASURES[name](pool.x[rows])
            for d, sign in itertools.product(np.quantile(m, QUANTILES), (1, -1)):
                beyond = cond & (sign * (m - d) > 0)
                tries += [((c, name, float(d), sign, which, drop), beyond & (p >= c)) for c in OPEN_FROM]
        found = _best_mask(pool, rows, tries, _open_effects(pool, rows, drop))
        if found[0] is not None and found[1] > best[1]:
            best = found
    return best[0]


def encoded(params: Any) -> list[float]:
    """O's parameters as drum_model.json's ``open_from_ring`` array (engines/transcription/drum_rules)."""
    c, name, d, sign, which, drop = params
    return [
        float(c),
        float(RING.index(name)),
        float(d),
        float(sign),
        float(CONDITIONS.index(which)),
        float(drop),
    ]


def open_apply(params: Any, data: Data, calls: np.ndarray) -> np.ndarray:
    if params is None:
        return calls
    return drum_rules.open_from_ring(data.p, calls, MEASURES[params[1]](data.x), np.array(encoded(params)))


def fit_pairs(pool: Pool) -> Any:
    """Two measures at once: a snare call dropped; a closed-hat call (no open said) made open."""
    snare_rows = np.flatnonzero(pool.said[:, SNARE])
    closed_rows = np.flatnonzero(pool.said[:, CLOSED] & ~pool.said[:, OPEN])
    made = []
    for rows, names, effects in (
        (snare_rows, PAIRED, [(SNARE, -1, np.ones(len(snare_rows), bool))]),
        (closed_rows, PAIRED, _open_effects(pool, closed_rows, True)),
    ):
        tries = []
        values = {n: MEASURES[n](pool.x[rows]) for n in names}
        for n1, n2 in itertools.combinations(names, 2):
            for b1, b2 in itertools.product(np.quantile(values[n1], COARSE), np.quantile(values[n2], COARSE)):
                for s1, s2 in itertools.product((1, -1), (1, -1)):
                    mask = (s1 * (values[n1] - b1) > 0) & (s2 * (values[n2] - b2) > 0)
                    tries.append(((n1, float(b1), s1, n2, float(b2), s2), mask))
        made.append(_best_mask(pool, rows, tries, effects)[0])
    return made


def _pair_mask(params: Any, x: np.ndarray) -> np.ndarray:
    if params is None:
        return np.zeros(len(x), dtype=bool)
    n1, b1, s1, n2, b2, s2 = params
    return (s1 * (MEASURES[n1](x) - b1) > 0) & (s2 * (MEASURES[n2](x) - b2) > 0)


def pairs_apply(params: Any, data: Data) -> np.ndarray:
    calls = calls_of(data)
    calls[:, SNARE] &= ~_pair_mask(params[0], data.x)
    opened = calls[:, CLOSED] & ~calls[:, OPEN] & _pair_mask(params[1], data.x)
    calls[opened, CLOSED], calls[opened, OPEN] = False, True
    return calls


def stacked_inputs(p: np.ndarray, x: np.ndarray) -> np.ndarray:
    q = np.clip(p, 1e-4, 1 - 1e-4)
    extra = np.column_stack([MEASURES[n](x) for n in ("high_ring", "high_ring_s", "gap", "high_fall")])
    return np.hstack([np.log(q / (1 - q)), x[:, TIMBRE_AT : TIMBRE_AT + 7], extra])


def fit_stacked(pool: Pool) -> Any:
    z = stacked_inputs(pool.p, pool.x)
    mean, scale = z.mean(axis=0), z.std(axis=0) + 1e-6
    made = {}
    for v in (v for v in (SNARE, OPEN) if 0 < pool.y[:, v].sum() < len(pool.y)):
        reg = LogisticRegression(C=1.0, max_iter=1000).fit((z - mean) / scale, pool.y[:, v])
        calls = reg.predict_proba((z - mean) / scale)[:, 1] >= 0.5
        if summed_f(pool.counts(v, calls)) > summed_f(pool.counts(v)):
            made[v] = (reg.coef_[0].tolist(), float(reg.intercept_[0]))
    return {"mean": mean.tolist(), "scale": scale.tolist(), "voices": made}


def stacked_apply(params: Any, data: Data) -> np.ndarray:
    calls = calls_of(data)
    z = (stacked_inputs(data.p, data.x) - np.array(params["mean"])) / np.array(params["scale"])
    for v, (coef, intercept) in params["voices"].items():
        calls[:, v] = z @ np.array(coef) + intercept >= 0
    return calls


RULES = ("T", "S", "O", "SO", "D", "L")


def fit(rule: str, families: list[Data]) -> Any:
    if rule == "none":
        return None
    pool = Pool(families)
    if rule == "SO":
        return (fit_snare(pool), fit_open(pool))
    return {"T": fit_thresholds, "S": fit_snare, "O": fit_open, "D": fit_pairs, "L": fit_stacked}[rule](pool)


def apply(rule: str, params: Any, data: Data) -> np.ndarray:
    calls = calls_of(data)
    if rule == "none":
        return calls
    if rule == "T":
        return apply_thresholds(params, data)
    if rule == "D":
        return pairs_apply(params, data)
    if rule == "L":
        return stacked_apply(params, data)
    snare, opened = (params, None) if rule == "S" else (None, params) if rule == "O" else params
    calls = open_apply(opened, data, calls)  # the open hats first: they read the net's own calls
    calls[:, SNARE] &= ~snare_mask(snare, data, calls)
    return calls


def to_json(rule: str, params: Any) -> dict[str, Any]:
    """The fitted rule as plain JSON values (numpy numbers as floats)."""
    return json.loads(json.dumps({"rule": rule, "params": params}, default=float))
