"""Reruns made visible: a test that runs a scenario once more (JACK lost messages on a loaded
machine, AbletonOSC's client timed out) says so here, and pytest's summary lists every rerun in a
section of its own with the count (tests/conftest.py ``pytest_terminal_summary``), 0 included.

pyproject.toml ignores UserWarning, so a warning alone would never be seen. Where the variable
MUSEAROO_RERUNS_FILE names a file (CI sets it), each rerun is appended to it too, one line each,
so CI's log can end with the count.
"""

from __future__ import annotations

import os

RERUNS: list[tuple[str, str]] = []


def current_test() -> str:
    """The node id of the test running now (pytest sets PYTEST_CURRENT_TEST: "<node id> (call)")."""
    return os.environ.get("PYTEST_CURRENT_TEST", "outside a test").rsplit(" (", 1)[0]


def record_rerun(reason: str) -> None:
    """Note that the running test is running its scenario again, and why (one line)."""
    test = current_test()
    line = " ".join(reason.split())
    RERUNS.append((test, line))
    path = os.environ.get("MUSEAROO_RERUNS_FILE")
    if path:
        with open(path, "a", encoding="utf-8") as f:
            f.write(f"{test}: {line}\n")


def summary_lines() -> list[str]:
    return [f"RERUN {test}: {reason}" for test, reason in RERUNS] + [f"{len(RERUNS)} rerun(s) in this run"]
