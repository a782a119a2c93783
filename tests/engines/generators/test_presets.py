"""Presets load, name every genre in the issue, and bad files fail with the file and field named."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from engines import presets
from engines.errors import InvalidValue
from tests.engines.generators.helpers import GENRES


@pytest.fixture
def fresh_cache() -> Iterator[None]:
    for fn in (presets.load_genre, presets.load_groove, presets.load_progressions):
        fn.cache_clear()
    yield
    for fn in (presets.load_genre, presets.load_groove, presets.load_progressions):
        fn.cache_clear()


def test_every_genre_of_the_issue_loads() -> None:
    assert set(presets.names("genres")) == set(GENRES)
    for name in GENRES:
        genre = presets.load_genre(name)
        assert genre.form and genre.form[0].bars >= 1
        assert "4/4" in presets.load_groove(genre.groove).meters


def test_presets_dir_is_beside_the_package() -> None:
    assert presets.presets_dir() == Path(presets.__file__).resolve().parent.parent / "presets"


def test_unknown_genre_lists_the_valid_ones() -> None:
    with pytest.raises(InvalidValue, match="genre 'polka' is not known: expected one of ambient, blues"):
        presets.load_genre("polka")


def _copy_presets(tmp_path: Path) -> Path:
    for kind in ("genres", "grooves", "progressions"):
        (tmp_path / kind).mkdir()
        for f in (presets.presets_dir() / kind).glob("*.yaml"):
            (tmp_path / kind / f.name).write_text(f.read_text())
    return tmp_path


@pytest.mark.usefixtures("fresh_cache")
def test_bad_groove_names_file_and_pattern(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _copy_presets(tmp_path)
    path = root / "grooves" / "rock.yaml"
    path.write_text(path.read_text().replace('snare: "....X.......X..."', 'snare: "....X...X"', 1))
    monkeypatch.setenv("MUSEAROO_PRESETS", str(root))
    with pytest.raises(InvalidValue, match=r"rock\.yaml 4/4 snare: pattern '....X...X' must be 16 steps"):
        presets.load_genre("rock")


@pytest.mark.usefixtures("fresh_cache")
def test_bad_numeral_and_bass_style(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _copy_presets(tmp_path)
    prog = root / "progressions" / "pop.yaml"
    prog.write_text(prog.read_text().replace("[I, V, vi, IV]", "[I, V, vi, XIV]"))
    genre = root / "genres" / "jazz.yaml"
    genre.write_text(genre.read_text().replace("style: walking", "style: tuba"))
    monkeypatch.setenv("MUSEAROO_PRESETS", str(root))
    with pytest.raises(InvalidValue, match=r"pop\.yaml major: chord numeral 'XIV' is not valid"):
        presets.load_genre("pop")
    with pytest.raises(InvalidValue, match=r"bass style 'tuba': expected one of eighths"):
        presets.load_genre("jazz")
