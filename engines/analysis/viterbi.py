"""The best path's log-probability of a madmom HMM, without the path.

madmom's ``HiddenMarkovModel.viterbi`` keeps a (frames x states) table of back-pointers to return
the best path, but the bar fit (``bars.bar_fit``) reads only its log-probability. ``best_log_probability``
runs the same max-product forward pass, addition for addition, so it returns the same float, and keeps
no table. In the bar models most states have one predecessor, the state before them, at probability 1
("chain" states, the frames inside a beat); only a beat's first states (one a tempo) take the maximum
over the previous beat's last states. The chain states come in runs of consecutive states that
read the same observation density (``chain_runs``), so a frame adds one number to a shifted slice
of the previous frame (which the compiler vectorises) instead of looking the density up per state.
The pass is compiled once with numba and kept in numba's on-disk cache (``tools/warm_numba.py``
compiles it at install time, so processes only read it).
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


def chain_runs(entries: np.ndarray, density_of: np.ndarray, num_states: int) -> np.ndarray:
    """(runs, 3) int64 rows (first state, end state, density pointer): the maximal runs of consecutive
    chain states (not in ``entries``) whose observation density is the same."""
    chain = np.ones(num_states, dtype=bool)
    chain[entries] = False
    density = np.asarray(density_of, dtype=np.int64)
    # a run starts at a chain state whose predecessor is an entry or reads another density
    starts_at = chain.copy()
    starts_at[1:] &= ~chain[:-1] | (density[1:] != density[:-1])
    ends_at = chain.copy()
    ends_at[:-1] &= ~chain[1:] | (density[1:] != density[:-1])
    first, last = np.flatnonzero(starts_at), np.flatnonzero(ends_at)
    return np.stack([first, last + 1, density[first]], axis=1).astype(np.int64).reshape(-1, 3)


def best_log_probability(hmm: Any, observations: np.ndarray) -> float:
    """``hmm.viterbi(observations)[1]`` (a madmom ``HiddenMarkovModel``), the same float, without the path.

    -inf where no path has a probability, as madmom returns."""
    tm, om = hmm.transition_model, hmm.observation_model
    entries = entry_states(tm)
    density_of = np.ascontiguousarray(om.pointers, dtype=np.uint32)
    return float(
        _forward()(
            np.ascontiguousarray(tm.states, dtype=np.uint32),
            np.ascontiguousarray(tm.pointers, dtype=np.uint32),
            np.ascontiguousarray(tm.log_probabilities, dtype=np.float64),
            np.ascontiguousarray(om.log_densities(observations), dtype=np.float64),
            density_of,
            np.log(hmm.initial_distribution).astype(np.float64),
            entries,
            chain_runs(entries, density_of, len(density_of)),
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
    runs: np.ndarray,
) -> float:
    """madmom's Viterbi loop (madmom/ml/hmm.pyx) without its back-pointers: each state's best
    ``previous + transition + density``, the first of equals kept; a chain state's one term is
    ``previous[state - 1] + 0.0 + density``, which is ``previous[state - 1] + density`` exactly."""
    previous = initial.copy()
    current = np.empty_like(previous)
    for frame in range(densities.shape[0]):
        row = densities[frame]
        for run in range(runs.shape[0]):
            density = row[runs[run, 2]]
            for state in range(runs[run, 0], runs[run, 1]):
                current[state] = previous[state - 1] + density
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
