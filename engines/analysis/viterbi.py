"""The best path's log-probability of a madmom HMM, without the path.

madmom's ``HiddenMarkovModel.viterbi`` keeps a (frames x states) table of back-pointers to return
the best path, but the bar fit (``bars.bar_fit``) reads only its log-probability. ``best_log_probability``
runs the same max-product forward pass, addition for addition, so it returns the same float, and keeps
no table. In the bar models most states have one predecessor, the state before them, at probability 1
("chain" states, the frames inside a beat); only a beat's first states (one a tempo) take the maximum
over the previous beat's last states. The pass is compiled once with numba and kept in numba's
on-disk cache (``tools/warm_numba.py`` compiles it at install time, so processes only read it).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import numpy as np


def entry_states(transition_model: Any) -> np.ndarray:
    """The states that are not the next link of a chain (one predecessor, the state before, log-probability 0)."""
    pointers = np.asarray(transition_model.pointers)
    states = np.asarray(transition_model.states)
    counts = np.diff(pointers)
    index = np.arange(len(counts))
    chain = counts == 1
    first = pointers[:-1][chain]
    chain[chain] = (states[first] == index[chain] - 1) & (
        np.asarray(transition_model.log_probabilities)[first] == 0.0
    )
    return np.flatnonzero(~chain).astype(np.int64)


def best_log_probability(hmm: Any, observations: np.ndarray) -> float:
    """``hmm.viterbi(observations)[1]`` (a madmom ``HiddenMarkovModel``), the same float, without the path.

    -inf where no path has a probability, as madmom returns."""
    tm, om = hmm.transition_model, hmm.observation_model
    return float(
        _forward()(
            np.ascontiguousarray(tm.states, dtype=np.uint32),
            np.ascontiguousarray(tm.pointers, dtype=np.uint32),
            np.ascontiguousarray(tm.log_probabilities, dtype=np.float64),
            np.ascontiguousarray(om.log_densities(observations), dtype=np.float64),
            np.ascontiguousarray(om.pointers, dtype=np.uint32),
            np.log(hmm.initial_distribution).astype(np.float64),
            entry_states(tm),
        )
    )


@functools.cache
def _forward() -> Callable[..., float]:
    """The forward pass, compiled (or read from numba's cache) once a process."""
    import numba

    return numba.njit(cache=True, nogil=True)(_forward_pass)  # type: ignore[no-any-return]


def _forward_pass(
    states: np.ndarray,
    pointers: np.ndarray,
    log_probabilities: np.ndarray,
    densities: np.ndarray,
    density_of: np.ndarray,
    initial: np.ndarray,
    entries: np.ndarray,
) -> float:
    """madmom's Viterbi loop (madmom/ml/hmm.pyx) without its back-pointers: each state's best
    ``previous + transition + density``, the first of equals kept; a chain state's one term is
    ``previous[state - 1] + 0.0 + density``, which is ``previous[state - 1] + density`` exactly."""
    previous = initial.copy()
    current = np.empty_like(previous)
    for frame in range(densities.shape[0]):
        row = densities[frame]
        for state in range(1, previous.shape[0]):
            current[state] = previous[state - 1] + row[density_of[state]]
        for state in entries:
            best = -np.inf
            density = row[density_of[state]]
            for pointer in range(pointers[state], pointers[state + 1]):
                candidate = previous[states[pointer]] + log_probabilities[pointer] + density
                if candidate > best:
                    best = candidate
            current[state] = best
        previous, current = current, previous
    return float(previous.max())
