"""The longest test files start first, one share per xdist worker (tests/long_poles.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT
from tests.long_poles import LONG_POLES, long_poles_first, slice_sizes

# a collection of 40 tests in 8 files; big (3 tests), long (2 tests) and slow (1 test) are long poles
FILES = ["a"] * 6 + ["big"] * 3 + ["b"] * 8 + ["long"] * 2 + ["c"] * 9 + ["slow"] + ["d"] * 5 + ["e"] * 6
SECONDS = {"big": 100.0, "long": 60.0, "slow": 50.0, "gone": 500.0}


def test_slices_are_those_xdist_hands_out() -> None:
    assert slice_sizes(40, 4) == [10, 10, 10, 10]
    assert slice_sizes(10, 4) == [2, 2, 3, 3]
    assert sum(slice_sizes(5981, 3)) == 5981


def test_each_slice_starts_with_its_share_of_the_long_files_and_nothing_is_lost() -> None:
    order = long_poles_first(FILES, 4, SECONDS)
    assert sorted(order) == list(range(len(FILES)))
    named = [FILES[index] for index in order]
    heads = [named[start : start + 10] for start in (0, 10, 20, 30)]
    assert heads[0][:3] == ["big"] * 3  # the longest on the first worker
    assert heads[1][:2] == ["long"] * 2  # the next on the least loaded
    assert heads[2][:1] == ["slow"]
    assert "big" not in heads[3] and "long" not in heads[3] and "slow" not in heads[3]


def test_the_other_tests_and_each_files_own_tests_keep_their_order() -> None:
    order = long_poles_first(FILES, 4, SECONDS)
    for name in set(FILES):
        indices = [index for index in order if FILES[index] == name]
        assert indices == sorted(indices), name
    others = [index for index in order if FILES[index] not in SECONDS]
    assert others == sorted(others)


def test_the_least_loaded_worker_takes_the_next_long_file() -> None:
    files = ["x"] * 4 + ["y"] + ["z"] + ["w"] * 4
    order = long_poles_first(files, 2, {"x": 10.0, "y": 6.0, "z": 5.0})
    assert [files[index] for index in order[:5]] == ["x"] * 4 + ["w"]  # x alone on the first worker
    assert [files[index] for index in order[5:7]] == ["y", "z"]  # y and z (11 s) on the second


def test_one_worker_or_none_keeps_the_collection_order() -> None:
    assert long_poles_first(FILES, 1, SECONDS) == list(range(len(FILES)))
    assert long_poles_first(FILES, 0, SECONDS) == list(range(len(FILES)))


def test_more_long_tests_than_a_slice_holds_are_all_kept() -> None:
    files = ["big"] * 7 + ["a"] * 3
    order = long_poles_first(files, 4, {"big": 9.0})
    assert sorted(order) == list(range(10))
    assert order[:7] == list(range(7))


def test_every_long_file_named_is_in_the_suite() -> None:
    missing = [name for name in LONG_POLES if not (ROOT / name).is_file()]
    assert not missing, f"tests/long_poles.py names files that are gone: {missing}"


ORDER_PROBE = """
def test_first():
    pass

def test_second():
    pass
"""


def test_pytest_under_worksteal_runs_a_long_file_first_and_plain_pytest_does_not(tmp_path: Path) -> None:
    """The hook in tests/conftest.py, through a real pytest: the collection order it leaves."""
    for name in ("test_a.py", "test_z.py"):
        (tmp_path / name).write_text(ORDER_PROBE)
    probe = tmp_path / "probe.py"
    probe.write_text(
        "import pytest, tests.long_poles as poles\n"
        "poles.LONG_POLES.clear(); poles.LONG_POLES['test_z.py'] = 1.0\n"
        "@pytest.hookimpl(trylast=True)\n"
        "def pytest_collection_finish(session):\n"
        "    print('ORDER', [item.nodeid for item in session.items])\n"
    )

    def order(*options: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-s", "--collect-only", "-p", "no:cacheprovider",
             "-p", "tests.conftest", "-p", "probe", *options, str(tmp_path)],
            cwd=tmp_path, env={"PYTHONPATH": f"{ROOT}:{tmp_path}", "PATH": "/usr/bin:/bin"},
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert done.returncode == 0, done.stdout + done.stderr
        return next(line for line in done.stdout.splitlines() if line.startswith("ORDER"))

    assert order().index("test_a.py") < order().index("test_z.py")
    # one of 2 workers under worksteal (the workerinput xdist's controller sends, as a worker's config holds it)
    (tmp_path / "conftest.py").write_text(
        "def pytest_configure(config):\n    config.workerinput = {'workercount': 2, 'dist': 'worksteal'}\n"
    )
    under_xdist = order()
    assert under_xdist.index("test_z.py::test_first") < under_xdist.index("test_a.py")
    assert under_xdist.index("test_z.py::test_first") < under_xdist.index("test_z.py::test_second")
