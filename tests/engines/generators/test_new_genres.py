"""The seven genres of issue 15: their grooves judged from written MIDI files, their names in
common spellings, their own presets."""

from __future__ import annotations

from pathlib import Path

import pytest

from engines.errors import InvalidValue
from engines.generators import generate
from engines.genre_names import genre_name
from engines.music import Key, MusicalContext
from engines.presets import load_genre, names
from tools.bench.quality_checks import drum_bars, write

NEW = ("house", "techno", "trap", "drum-and-bass", "lo-fi", "funk", "neo-soul")
JUDGED = ("house", "techno", "trap", "drum-and-bass", "funk")  # tools/bench/quality_checks.NEW_JUDGES


@pytest.mark.parametrize("genre", JUDGED)
def test_the_genres_groove_is_in_at_least_90_percent_of_bars(genre: str, tmp_path: Path) -> None:
    bars: list[int] = []
    for seed in range(4):
        for key in (Key(9, "Minor"), Key(2, "Major")):
            path = str(tmp_path / f"{seed}-{key.tonic}.mid")
            write(path, genre, key, seed)
            bars += drum_bars(path, genre)
    assert len(bars) == 64
    assert sum(bars) / len(bars) >= 0.9, (genre, bars)


def test_drum_and_bass_runs_at_170_to_176_and_the_judges_catch_a_wrong_groove(tmp_path: Path) -> None:
    assert 170 <= load_genre("drum-and-bass").tempo_bpm <= 176
    path = str(tmp_path / "pop.mid")
    write(path, "pop", Key(0, "Major"), 1)  # pop: backbeat on 2 and 4, kick not four on the floor
    assert sum(drum_bars(path, "trap")) == 0
    assert sum(drum_bars(path, "house")) == 0
    assert sum(drum_bars(path, "drum-and-bass")) == 0  # 2 and 4, but at pop's 100-odd BPM


@pytest.mark.parametrize(
    ("spelling", "name"),
    [
        ("dnb", "drum-and-bass"), ("d&b", "drum-and-bass"), ("Drum & Bass", "drum-and-bass"),
        ("drum and bass", "drum-and-bass"), ("lofi", "lo-fi"), ("lo fi", "lo-fi"), ("Lo-Fi", "lo-fi"),
        ("r&b", "neo-soul"), ("rnb", "neo-soul"), ("R&B", "neo-soul"), ("neo soul", "neo-soul"),
        ("hiphop", "hip-hop"), ("Hip Hop", "hip-hop"), ("HIP-HOP", "hip-hop"), ("House", "house"),
        ("TECHNO", "techno"), ("trap", "trap"), ("Funk", "funk"), ("Jazz", "jazz"),
    ],
)  # fmt: skip
def test_genre_names_in_common_spellings(spelling: str, name: str) -> None:
    assert genre_name(spelling) == name
    assert load_genre(spelling).name == name
    notes = generate("bass", MusicalContext(genre=spelling, bars=2), seed=1)
    assert notes


def test_an_unknown_genre_lists_the_known_ones() -> None:
    with pytest.raises(InvalidValue, match=r"genre 'polka' is not known: expected one of .*neo-soul"):
        genre_name("polka")


def test_each_new_genre_has_its_own_groove_and_progressions() -> None:
    assert set(NEW) <= set(names("genres"))
    grooves = [load_genre(g).groove for g in NEW]
    progressions = [load_genre(g).progression for g in NEW]
    assert len(set(grooves)) == len(set(progressions)) == len(NEW)
    assert set(grooves) <= set(names("grooves")) and set(progressions) <= set(names("progressions"))


def test_neo_soul_plays_extended_chords() -> None:
    notes = generate("chords", MusicalContext(key=Key(5, "Major"), genre="neo-soul", bars=8), seed=2)
    by_onset: dict[float, int] = {}
    for n in notes:
        by_onset[round(n.start_beats, 1)] = by_onset.get(round(n.start_beats, 1), 0) + 1
    assert sum(count >= 4 for count in by_onset.values()) >= 0.8 * len(by_onset)
