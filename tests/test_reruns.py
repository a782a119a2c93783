"""A rerun is seen: a line of its own in pytest's summary, with the count, and in the CI file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

RERUNNING = """
from tests.reruns import record_rerun

def test_flaky_once():
    record_rerun("JACK lost 3 note message(s) of those sent: the run is repeated once")

def test_quiet():
    pass
"""


def run_pytest(folder: Path, env: dict[str, str], *options: str) -> str:
    (folder / "test_flaky.py").write_text(RERUNNING)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "tests.conftest",
            *options,
            str(folder),
        ],
        cwd=folder,
        env={**env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_every_rerun_is_a_line_of_the_summary_and_counted(tmp_path: Path) -> None:
    record = tmp_path / "reruns.txt"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    out = run_pytest(tmp_path, {**env, "MUSEAROO_RERUNS_FILE": str(record)})
    section = out.split(" reruns ", 1)[1].splitlines()
    assert section[1] == (
        "RERUN test_flaky.py::test_flaky_once: JACK lost 3 note message(s) of those sent: the run is repeated once"
    )
    assert section[2] == "1 rerun(s) in this run"
    assert record.read_text() == (
        "test_flaky.py::test_flaky_once: JACK lost 3 note message(s) of those sent: the run is repeated once\n"
    )


def test_a_rerun_in_an_xdist_worker_is_in_the_summary_of_the_run(tmp_path: Path) -> None:
    """`make test` runs the suite in xdist workers: the summary, written by the first process,
    still lists a rerun a worker made."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_") and k != "MUSEAROO_RERUNS_FILE"}
    out = run_pytest(tmp_path, env, "-n", "2")
    section = out.split(" reruns ", 1)[1].splitlines()
    assert section[1].startswith("RERUN test_flaky.py::test_flaky_once: JACK lost 3 note message(s)")
    assert section[2] == "1 rerun(s) in this run"
