"""The moves a genre preset asks of its songs, placed on the song's sections."""

from __future__ import annotations

from pathlib import Path

import pytest

from engines.automation import genre_moves, song_moves
from engines.automation.song import _move
from engines.errors import InvalidValue
from engines.preset_files import names


def test_every_genre_preset_reads_and_house_asks_for_a_rise_into_each_chorus() -> None:
    for genre in names("genres"):
        genre_moves(genre)  # none refused
    placed = song_moves("house", ["intro", "verse", "chorus", "bridge", "chorus", "outro"])
    rises = [i for i, m in placed if m.shape == "rise"]
    ducks = [i for i, m in placed if m.shape == "lfo"]
    assert rises == [1, 3] and ducks == [2, 4]
    assert song_moves("rock", ["intro", "verse", "chorus"]) == []


def test_a_move_in_the_parameters_own_units() -> None:
    (_, move), *_ = song_moves("house", ["verse", "chorus"])
    assert move.values(0.0, 1.0) == pytest.approx((0.25, 1.0))
    assert move.values(-10.0, 10.0, quantized=True) == (-5, 10)


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        ({"part": "pads", "shape": "rise"}, "part 'pads'"),
        ({"part": "chords", "shape": "wobble"}, "shape 'wobble'"),
        (
            {"part": "chords", "shape": "rise", "device": "mixer", "parameter": "volume", "in": "drop"},
            "'drop'",
        ),
        (
            {
                "part": "chords",
                "shape": "rise",
                "device": "mixer",
                "parameter": "volume",
                "in": "intro",
                "range": [0, 2],
            },
            "range [0, 2]",
        ),
    ],
)
def test_a_bad_move_is_refused_naming_it(raw: dict[str, object], says: str) -> None:
    with pytest.raises(InvalidValue, match=says.replace("[", r"\[").replace("]", r"\]")):
        _move(str(Path("x.yaml")), 0, raw)
