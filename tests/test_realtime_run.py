"""`pytest -m realtime` (make test's second run) imports only the test files that name the mark
(tests/conftest.py ``pytest_ignore_collect``); so every realtime mark must be written in its test's own file."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

MARKED = """
import pytest

pytestmark = pytest.mark.realtime


def test_on_time():
    pass
"""
NOT_MARKED = """
raise RuntimeError("imported by the run of the marked tests alone")


def test_other():
    pass
"""


def test_no_module_but_a_test_file_applies_the_realtime_mark() -> None:
    """A mark given by a conftest hook or a shared module would be missed by that run (and deselected
    from the parallel one): the test would never run."""
    applying = re.compile(r"mark\.realtime|add_marker\([^)]*realtime|mark\(\s*[\"']realtime")
    elsewhere = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "tests").rglob("*.py")
        if not path.name.startswith("test_") and applying.search(path.read_text(encoding="utf-8"))
    ]
    assert not elsewhere, f"the realtime mark is applied outside a test file: {elsewhere}"


def run(folder: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "tests.conftest", *options, str(folder)],
        cwd=folder, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_the_realtime_run_imports_only_the_files_naming_the_mark(tmp_path: Path) -> None:
    (tmp_path / "test_marked.py").write_text(MARKED)
    (tmp_path / "test_not_marked.py").write_text(NOT_MARKED)
    alone = run(tmp_path, "-m", "realtime")
    assert alone.returncode == 0, alone.stdout + alone.stderr
    assert "1 passed" in alone.stdout, alone.stdout
    # any other selection imports every file, as before
    other = run(tmp_path, "-m", "not realtime")
    assert other.returncode != 0 and "imported by the run of the marked tests alone" in other.stdout, (
        other.stdout
    )
