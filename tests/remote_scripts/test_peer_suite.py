"""Which failures of AbletonOSC's suite count as failures of time, read from a real pytest JUnit report."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.remote_scripts.peer_suite import RACES, TIMEOUT, read_report, timing_failures

SUITE = """
def test_a_timeout():
    raise RuntimeError("{timeout}: /live/song/get/num_tracks")

def test_song_beat():
    assert (2,) == (1,)

def test_fine():
    pass
"""

LATER = """
def test_left_over_state():
    assert (9,) == (8,)
"""

WRONG = """
def test_wrong_value():
    assert (0, 0, 1.0) == (0, 0, 0.5)

def test_clip_playing_position_listen():
    assert (0, 0, 0.02) == (0, 0, 0)
"""


def run(tmp_path: Path, files: dict[str, str]) -> list:
    folder = tmp_path / "abletonosc" / "tests"
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text.format(timeout=TIMEOUT), encoding="utf-8")
    report = tmp_path / "report.xml"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-o",
            "addopts=",
            f"--junitxml={report}",
            "abletonosc/tests",
        ],
        cwd=tmp_path,
        capture_output=True,
        check=False,
    )
    return read_report(report)


def test_only_the_timeout_itself_and_the_listed_races_are_run_again(tmp_path: Path) -> None:
    outcomes = run(tmp_path, {"test_a.py": SUITE, "test_b.py": LATER})
    assert [o.name for o in outcomes] == [
        "test_a_timeout",
        "test_song_beat",
        "test_fine",
        "test_left_over_state",
    ]
    assert [o.passed for o in outcomes] == [False, False, True, False]
    assert outcomes[0].node == "abletonosc/tests/test_a.py::test_a_timeout"
    timing, other = timing_failures(outcomes)
    assert timing == [
        "abletonosc/tests/test_a.py::test_a_timeout",
        "abletonosc/tests/test_a.py::test_song_beat",
    ]
    assert other == ["abletonosc/tests/test_b.py::test_left_over_state"]


def test_without_a_timeout_only_the_listed_races_are_run_again(tmp_path: Path) -> None:
    outcomes = run(tmp_path, {"test_c.py": WRONG})
    timing, other = timing_failures(outcomes)
    assert "test_clip_playing_position_listen" in RACES
    assert timing == ["abletonosc/tests/test_c.py::test_clip_playing_position_listen"]
    assert other == ["abletonosc/tests/test_c.py::test_wrong_value"]
