"""`roo doctor` checks what the studio page's previews need: fluidsynth and the GM SoundFont."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bridge.setup import doctor
from bridge.web import preview
from tests.conftest import require_tool


def test_previews_check_finds_fluidsynth_and_the_soundfont() -> None:
    require_tool("fluidsynth")
    check = doctor.preview_check()
    assert check.ok, check
    assert "FluidR3_GM.sf2" in check.detail
    assert any(c.name == "previews (fluidsynth)" for c in doctor.checks(live_port=1, daemon_port=1))


def test_previews_check_names_the_fix_without_fluidsynth(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no fluidsynth on it
    assert shutil.which("fluidsynth") is None
    check = doctor.preview_check()
    assert not check.ok and "fluidsynth not found" in check.detail
    assert "fluid-soundfont-gm" in check.fix


def test_previews_check_names_a_missing_soundfont(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    require_tool("fluidsynth")
    monkeypatch.setattr(preview, "SOUNDFONT", tmp_path / "FluidR3_GM.sf2")
    check = doctor.preview_check()
    assert not check.ok and str(tmp_path) in check.detail
