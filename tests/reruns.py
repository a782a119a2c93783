"""Reruns made visible: a test that runs a scenario once more (JACK lost messages on a loaded
machine, AbletonOSC's client timed out) says so here, and pytest's summary lists every rerun in a
section of its own with the count (tests/conftest.py ``pytest_terminal_summary``), 0 included.

pyproject.toml ignores UserWarning, so a warning alone would never be seen. Each rerun is appended,
one line each, to the file the variable MUSEAROO_RERUNS_FILE names: CI sets it, so its log can end
with the count; otherwise the first pytest process sets it to a file of its own before the xdist
workers start, so the summary, written by that process, lists the workers' reruns too.
"""

from __future__ import annotations

import os
import tempfile

ENV = "MUSEAROO_RERUNS_FILE"
RERUNS: list[tuple[str, str]] = []


def current_test() -> str:
    """The node id of the test running now (pytest sets PYTEST_CURRENT_TEST: "<node id> (call)")."""
    return os.environ.get("PYTEST_CURRENT_TEST", "outside a test").rsplit(" (", 1)[0]


def record_rerun(reason: str) -> None:
    """Note that the running test is running its scenario again, and why (one line)."""
    test = current_test()
    line = " ".join(reason.split())
    RERUNS.append((test, line))
    path = os.environ.get(ENV)
    if path:
        with open(path, "a", encoding="utf-8") as f:
            f.write(f"{test}: {line}\n")


def own_file() -> str | None:
    """Name a fresh file in MUSEAROO_RERUNS_FILE unless one is named; the path made, else None.
    Called by the first pytest process before its workers start (they inherit the variable)."""
    if os.environ.get(ENV):
        return None
    fd, path = tempfile.mkstemp(prefix="roo-reruns-", suffix=".txt")
    os.close(fd)
    os.environ[ENV] = path
    return path


def summary_lines() -> list[str]:
    """One line per rerun of this run (every worker's, read from the file), then their count."""
    path = os.environ.get(ENV)
    if path and os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            found = [tuple(line.rstrip("\n").split(": ", 1)) for line in f if line.strip()]
    else:
        found = list(RERUNS)
    return [f"RERUN {test}: {reason}" for test, reason in found] + [f"{len(found)} rerun(s) in this run"]
