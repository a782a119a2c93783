"""The on-disk result cache: hits after a restart, misses when bytes or settings change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import soundfile as sf

from engines.analysis import cache, core
from engines.analysis.cache import analyze_file, default_cache_dir
from engines.analysis.result import AnalysisResult, ChordSegment
from engines.errors import AudioFileError

from .synth import clicks

CALLS: list[tuple[int, str]] = []


def fake_analyze(samples, sample_rate_hz, *, backend="madmom", progress=None):  # type: ignore[no-untyped-def]
    """Counts calls; returns a result that depends on the audio so misses are visible."""
    CALLS.append((len(samples), backend))
    dur = len(samples) / sample_rate_hz
    return AnalysisResult(dur, sample_rate_hz, 120.0, (0.5,), (), (4, 4), "C major", 0.5,
                          (ChordSegment(0.0, dur, "C:maj"),), backend)  # fmt: skip


@pytest.fixture
def clip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    CALLS.clear()
    monkeypatch.setattr(core, "analyze", fake_analyze)
    path = tmp_path / "clip.wav"
    sf.write(path, clicks(120, 2.0, sr=8000), 8000)
    return path


def test_second_call_is_answered_from_disk(clip: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    first = analyze_file(clip, cache_dir=folder)
    again = analyze_file(clip, cache_dir=folder)
    assert again == first and len(CALLS) == 1
    assert len(list(folder.glob("*.json"))) == 1
    seen: list[str] = []
    analyze_file(clip, cache_dir=folder, progress=lambda f, m: seen.append(m))
    assert seen == ["analysis from cache"] and len(CALLS) == 1


def test_changed_bytes_or_settings_miss(clip: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    analyze_file(clip, cache_dir=folder)
    analyze_file(clip, cache_dir=folder, backend="librosa")
    analyze_file(clip, cache_dir=folder, start_s=0.5, end_s=1.5)
    sf.write(clip, clicks(100, 2.0, sr=8000), 8000)  # same name, new content
    analyze_file(clip, cache_dir=folder)
    assert [c[1] for c in CALLS] == ["madmom", "librosa", "madmom", "madmom"]
    assert CALLS[2][0] == 8000  # the region only
    analyze_file(clip, cache_dir=folder, use_cache=False)
    assert len(CALLS) == 5


def test_version_bump_invalidates(clip: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "cache"
    analyze_file(clip, cache_dir=folder)
    monkeypatch.setattr(core, "ANALYSIS_VERSION", core.ANALYSIS_VERSION + 1)
    analyze_file(clip, cache_dir=folder)
    assert len(CALLS) == 2


def test_unreadable_entry_is_recomputed(clip: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    analyze_file(clip, cache_dir=folder)
    (entry,) = folder.glob("*.json")
    entry.write_text("{not json")
    result = analyze_file(clip, cache_dir=folder)
    assert len(CALLS) == 2 and result.key == "C major"
    assert json.loads(entry.read_text())["key"] == "C major"  # rewritten


def test_location_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MUSEAROO_CACHE_DIR", str(tmp_path / "x"))
    assert default_cache_dir() == tmp_path / "x"
    monkeypatch.delenv("MUSEAROO_CACHE_DIR")
    assert default_cache_dir() == Path.home() / ".cache" / "musearoo" / "analysis"


def test_bad_files_still_fail_with_a_cache(tmp_path: Path) -> None:
    with pytest.raises(AudioFileError, match="does not exist"):
        analyze_file(tmp_path / "missing.wav", cache_dir=tmp_path / "cache")
    key = cache.cache_key("abc", "madmom", None, None)
    assert key != cache.cache_key("abc", "madmom", 0.0, None)
