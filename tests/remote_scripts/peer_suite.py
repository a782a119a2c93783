"""Reading a run of AbletonOSC's suite: its JUnit report, and which failures may be run again.

AbletonOSC's client waits a fixed 150 ms for each answer, and on an overloaded machine the OS
can leave the in-memory Live or the suite's own client unscheduled for longer (measured: up to
235 ms for the in-memory Live's timer, 130 to 500 ms for a thread of the client; see
docs/benchmarks/abletonosc.md). A failure is counted as one of time, and run once more alone against a
fresh in-memory Live, only when it is one of these:

- the suite's timeout ("No response received to query");
- a test listed in ``RACES``: its client keeps only the latest value of a listener and reads it
  after its thread wakes, so a client thread that wakes late reads the next value.

A later failure in the same run is not run again because an earlier test timed out: it is
counted as its own (a test that failed because a timed-out one left a clip behind fails, named).
Any other failure is not run again: it must be named, with its reason, in docs/BENCHMARKS.md.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

TIMEOUT = "No response received to query"
RACES = frozenset({"test_clip_playing_position_listen", "test_song_beat"})


@dataclass(frozen=True)
class Outcome:
    node: str  # abletonosc/tests/test_song.py::test_song_tracks
    passed: bool
    message: str = ""

    @property
    def name(self) -> str:
        return self.node.split("::")[-1]


def read_report(path: Path) -> list[Outcome]:
    """The suite's tests in the order they ran, from pytest's --junitxml report."""
    outcomes: list[Outcome] = []
    for case in ET.parse(path).getroot().iter("testcase"):
        node = case.get("classname", "").replace(".", "/") + ".py::" + case.get("name", "")
        bad = case.find("failure")
        if bad is None:
            bad = case.find("error")
        if case.find("skipped") is not None:
            continue
        outcomes.append(Outcome(node, bad is None, "" if bad is None else bad.get("message", "")))
    return outcomes


def timing_failures(outcomes: list[Outcome]) -> tuple[list[str], list[str]]:
    """(failures of time, other failures), each as node ids in the order they ran."""
    timing: list[str] = []
    other: list[str] = []
    for outcome in outcomes:
        if outcome.passed:
            continue
        if TIMEOUT in outcome.message or outcome.name in RACES:
            timing.append(outcome.node)
        else:
            other.append(outcome.node)
    return timing, other
