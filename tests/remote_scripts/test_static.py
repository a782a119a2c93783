"""The Remote Script as Live will load it: typed against Live's stubs, stdlib-only, old-syntax safe."""

from __future__ import annotations

import ast
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

SCRIPT = ROOT / "remote_scripts" / "MuseAroo"
SOURCES = sorted(SCRIPT.glob("*.py"))
STDLIB = set(sys.stdlib_module_names)
ALLOWED_OUTSIDE = {"Live", "pythonosc"}  # Live's own module, and python-osc vendored at install


def test_roo_protocol_is_a_byte_identical_copy() -> None:
    assert (SCRIPT / "roo_protocol.py").read_bytes() == (ROOT / "bridge" / "protocol.py").read_bytes()


def test_mypy_against_the_live_stubs_is_clean() -> None:
    if importlib.util.find_spec("mypy") is None or not any(
        (Path(p) / "Live-stubs").is_dir() for p in sys.path if p
    ):
        pytest.fail("mypy and ableton-live-stubs must be installed (pip install -e '.[dev]')")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--no-error-summary",
            "--cache-dir",
            str(ROOT / ".mypy_cache"),
            str(SCRIPT),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=240,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_catches_a_keyword_call_to_a_positional_only_live_method(tmp_path: Path) -> None:
    """Guards the check above: the stubs really are in use (a keyword call must fail)."""
    bad = tmp_path / "bad_script.py"
    bad.write_text(
        "import Live\n\ndef f(slot: Live.ClipSlot.ClipSlot) -> None:\n    slot.create_clip(length=4.0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary", str(bad)],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 1 and "create_clip" in result.stdout


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_imports_are_stdlib_live_or_vendored(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name.split(".")[0] for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module.split(".")[0]]
        else:
            continue
        for name in names:
            assert name in STDLIB or name in ALLOWED_OUTSIDE or name == "__future__", (
                f"{path.name} imports {name}"
            )
            assert not name.startswith("_Framework") and name != "ableton", (
                f"{path.name} uses Ableton's framework"
            )


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_syntax_parses_as_python_3_7(path: Path) -> None:
    """Live 11 embeds Python 3.7: no walrus, no positional-only markers, no match in the script."""
    ast.parse(path.read_text(encoding="utf-8"), feature_version=(3, 7))


def test_no_vendored_copy_is_committed() -> None:
    tracked = subprocess.run(
        ["git", "ls-files", "remote_scripts/MuseAroo/vendor"], capture_output=True, text=True, cwd=ROOT
    ).stdout
    assert tracked == ""
