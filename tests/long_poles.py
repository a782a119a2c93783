"""The long poles first: the test files that take longest start at the head of each xdist worker's share.

`make test` runs the suite in N workers with ``--dist worksteal``: xdist hands worker k the k-th of N
contiguous slices of the collection (slice k holds ``remaining // (N - k)`` tests), and a worker that runs
out takes the second half of the longest queue left. A file that takes minutes and sits near the end of a
slice starts late and ends alone, every other worker idle (a 106 s test did, ci63). So the files below,
heaviest first, are dealt to the slices by least load so far (longest processing time first) and put at
their slices' heads, each file whole and in its own order (their module-scoped fixtures are built once);
every other test keeps its place. Stealing takes from the tails, so the heads stay where they were put.

The seconds are each file's tests' own times (call, setup and teardown) in a whole-suite run with 4
workers on a loaded 2-core machine (`--durations=150`, 27 Nov 2026); only their order and rough size
matter. A file named here that is gone is passed over (tests/test_long_poles.py names it).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice
from typing import TypeVar

T = TypeVar("T")

# file -> seconds of its tests together (those of 20 s or more)
LONG_POLES: dict[str, float] = {
    "tests/bridge/prepare/test_prepare.py": 144.0,
    "tests/bridge/test_queue.py": 132.0,
    "tests/bridge/test_producer_hour.py": 115.0,
    "tests/bridge/jam/test_jam_record_file.py": 80.0,
    "tests/engines/analysis/test_eval_sets.py": 63.0,
    "tests/engines/analysis/test_levels.py": 58.0,
    "tests/bridge/reading/test_encoder.py": 52.0,
    "tests/bridge/test_queue_analysis.py": 50.0,
    "tests/engines/analysis/test_musician.py": 44.0,
    "tests/bridge/test_queue_cleanup.py": 41.0,
    "tests/bridge/mcp/test_mcp_http.py": 41.0,
    "tests/bridge/mcp/test_mcp_many.py": 40.0,
    "tests/engines/analysis/test_analyze.py": 32.0,
    "tests/bridge/actions/separate/test_separate_takes_back_tracks.py": 30.0,
    "tests/bridge/jam/test_jam_commands.py": 28.0,
    "tests/engines/analysis/test_two_four.py": 26.0,
    "tests/bridge/mcp/test_mcp_drill.py": 25.0,
    "tests/bridge/jam/test_jam_takes.py": 24.0,
    "tests/bridge/actions/musicgen/test_musicgen_action.py": 23.0,
    "tests/bridge/mcp/test_mcp_every_tool.py": 23.0,
    "tests/bridge/mcp/test_mcp_inputs.py": 22.0,
    "tests/bridge/web/test_security.py": 21.0,
    # tests/bridge/commands run alone, serially (`--durations=0`, load 7 to 8, ci67)
    "tests/bridge/commands/test_voice_misheard.py": 71.0,
    "tests/bridge/commands/test_unexplained.py": 46.0,
    "tests/bridge/commands/test_warps.py": 46.0,
    "tests/bridge/commands/test_grammar.py": 37.0,
    "tests/bridge/commands/test_sphinx_stream.py": 23.0,
}


def slice_sizes(count: int, workers: int) -> list[int]:
    """The sizes of the slices xdist's worksteal scheduler first hands its workers, in order."""
    sizes = []
    for k in range(workers):
        sizes.append(count // (workers - k))
        count -= sizes[-1]
    return sizes


def long_poles_first(files: Sequence[str], workers: int, seconds: dict[str, float] = LONG_POLES) -> list[int]:
    """The new order (indices into ``files``, each test's file in collection order): the long files dealt
    to the ``workers`` slices, longest first onto the least loaded, at each slice's head."""
    if workers < 2:
        return list(range(len(files)))
    members: dict[str, list[int]] = {}
    for index, name in enumerate(files):
        if name in seconds:
            members.setdefault(name, []).append(index)
    heads: list[list[int]] = [[] for _ in range(workers)]
    load = [0.0] * workers
    for name in sorted(members, key=lambda n: (-seconds[n], n)):
        k = min(range(workers), key=lambda w: (load[w], w))
        heads[k].extend(members[name])
        load[k] += seconds[name]
    moved = {index for head in heads for index in head}
    rest = iter([index for index in range(len(files)) if index not in moved])
    order: list[int] = []
    for head, size in zip(heads, slice_sizes(len(files), workers), strict=True):
        order.extend(head)
        order.extend(islice(rest, max(0, size - len(head))))
    order.extend(rest)
    return order


def reorder(items: list[T], files: Sequence[str], workers: int) -> None:
    """``items`` (pytest's collected tests, ``files`` their files) put in :func:`long_poles_first`'s order."""
    items[:] = [items[index] for index in long_poles_first(files, workers)]
