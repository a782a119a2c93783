"""The last bars a jam played: the window before a bar line, notes cut at its end."""

from __future__ import annotations

import pytest

from bridge.jam.tail import Tail
from engines.errors import InvalidValue
from engines.music import Note


def test_the_last_bars_are_the_notes_before_the_last_bar_line_from_the_window_start() -> None:
    tail = Tail(bar_beats=4.0, phrase_bars=2)
    tail(0, 0.0, {"bass": [Note(40, 0.0, 1.0), Note(41, 6.0, 1.0)]})
    tail(1, 8.0, {"bass": [Note(43, 0.5, 1.0), Note(45, 7.0, 3.0)], "drums": [Note(36, 4.0, 0.25)]})
    assert tail.end_beat() == 16.0
    last = tail.last(2)  # beats 8..16
    assert last["bass"] == [Note(43, 0.5, 1.0), Note(45, 7.0, 1.0)]  # the last one cut at the end
    assert last["drums"] == [Note(36, 4.0, 0.25)]
    assert tail.last(3)["bass"][0] == Note(41, 2.0, 1.0)  # beats 4..16
    assert tail.last(1, end_beat=8.0) == {"bass": [Note(41, 2.0, 1.0)]}
    with pytest.raises(InvalidValue, match="bars 0 is out of range"):
        tail.last(0)


def test_only_max_bars_are_kept_and_nothing_played_is_an_empty_window() -> None:
    tail = Tail(bar_beats=4.0, phrase_bars=4, max_bars=8)
    assert tail.end_beat() == 0.0 and tail.last(1) == {}
    for i in range(10):
        tail(i, i * 16.0, {"melody": [Note(60 + i, 0.0, 1.0)]})
    kept = tail.last(8, end_beat=160.0)["melody"]
    assert [n.pitch for n in kept] == [68, 69]
    assert tail.last(8, end_beat=16.0) == {}  # the first phrases are gone
