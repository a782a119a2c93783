"""The one switch for CUDA graphs: a decoding step captured once per shape and replayed.

``runner(loop, key)`` gives the preallocated ``State`` for a shape (takes, cache length, text
length, guidance, greedy, top-k) and the function that runs one step: on CUDA (unless
``MUSEAROO_MUSICGEN_GRAPHS=0``) a ``torch.cuda.CUDAGraph`` replay, captured on the first call with
that shape in the process (then kept, a few shapes at most); elsewhere the eager step. Lengths
are rounded up to buckets so nearby lengths share a graph. ``fast_paths()`` says what is on.
"""

from __future__ import annotations

import os
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

import torch

from engines.musicgen.decode_loop import DecodeLoop, State

LENGTH_BUCKET = 256
MAX_GRAPHS = 4  # shapes kept per model; each holds its own cache (about 0.3 GB per 2 rows for small)
SYNC_EVERY = 4  # steps queued ahead of the GPU at most, so a cancel stops within a few steps

Step = Callable[[], None]
CAPTURES: list[dict[str, Any]] = []  # what was captured in this process, for doctor and benchmarks


def enabled(device: Any) -> bool:
    """CUDA graphs for a model on ``device``: CUDA only, and not switched off."""
    return str(device).startswith("cuda") and os.environ.get("MUSEAROO_MUSICGEN_GRAPHS", "1") != "0"


def bucket(n: int, size: int = LENGTH_BUCKET) -> int:
    return max(size, -(-n // size) * size)


def runner(loop: DecodeLoop, key: tuple[Any, ...]) -> tuple[State, Step]:
    """(state, step) for ``key`` = (takes, length, text, guided, greedy, top_k); graphs are kept per model."""
    batch, length, text, guided, greedy, top_k = key
    if not enabled(loop.device):
        st = loop.new_state(batch=batch, length=length, text=text, guided=guided, greedy=greedy, top_k=top_k)
        return st, lambda: loop.step(st)
    kept: OrderedDict[tuple[Any, ...], tuple[State, Step]] = loop.__dict__.setdefault("graphs", OrderedDict())
    if key in kept:
        kept.move_to_end(key)
        return kept[key]
    while len(kept) >= MAX_GRAPHS:
        kept.popitem(last=False)
    st = loop.new_state(batch=batch, length=length, text=text, guided=guided, greedy=greedy, top_k=top_k)
    kept[key] = (st, _capture(loop, st, key))
    return kept[key]


def _capture(loop: DecodeLoop, st: State, key: tuple[Any, ...]) -> Step:
    began = time.perf_counter()
    side = torch.cuda.Stream()
    side.wait_stream(torch.cuda.current_stream())
    with torch.cuda.stream(side):  # warm-up outside the graph (library handles, kernels chosen)
        for _ in range(2):
            loop.step(st)
    torch.cuda.current_stream().wait_stream(side)
    graph = torch.cuda.CUDAGraph()
    with torch.cuda.graph(graph):
        loop.step(st)
    torch.cuda.synchronize()
    CAPTURES.append({"key": list(key), "seconds": round(time.perf_counter() - began, 3)})
    return graph.replay


def run_steps(step: Step, steps: int, report: Callable[[float, str], None]) -> None:
    """``steps`` decoding steps, reporting each; a report that raises (cancel) stops within SYNC_EVERY."""
    cuda = torch.cuda.is_available() and torch.cuda.is_initialized()
    for i in range(steps):
        step()
        if cuda and i % SYNC_EVERY == SYNC_EVERY - 1:
            torch.cuda.current_stream().synchronize()
        report(min((i + 1) / steps, 1.0), f"step {i + 1}/{steps}")


def fast_paths() -> dict[str, Any]:
    """What the MusicGen engine runs on this machine: for ``roo doctor`` and benchmarks."""
    cuda = torch.cuda.is_available()
    return {
        "musicgen_decoding": "cuda-graphs" if enabled("cuda") and cuda else "transformers-generate",
        "musicgen_graphs_switch": "MUSEAROO_MUSICGEN_GRAPHS=0 turns the graphed loop off",
        "musicgen_captures": list(CAPTURES),
    }
