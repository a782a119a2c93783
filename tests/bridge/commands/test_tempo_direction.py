"""A tempo change goes the way the sentence says it, not the way a remark after it sounds (issue 55).

"push the tempo up by 3 bpm, it feels slow" once went down 3: any "slow" anywhere in the sentence
turned a "by N" change downwards. A remark after the change says how the song feels now; the way to
go is the change's own word, else the nearest way said before it.
"""

from __future__ import annotations

import pytest

from bridge.commands.normalize import normalize
from bridge.commands.tempo_moves import said_change


def change_of(text: str) -> int | None:
    return said_change(normalize(text)[0])


@pytest.mark.parametrize(
    ("text", "bpm"),
    [
        ("push the tempo up by 3 bpm, it feels slow", 3),
        ("raise the bpm by 2, the groove is dragging and slow", 2),
        ("bring the tempo up by 6 bpm because the verse sounds too slow", 6),
        ("take the tempo down by 4 bpm, it's rushing", -4),
        ("pull the bpm down by 5, the drop is a bit fast and I want it to lower the energy", -5),
    ],
)
def test_the_way_said_wins_over_a_remark_after_it(text: str, bpm: int) -> None:
    assert change_of(text) == bpm


@pytest.mark.parametrize(
    ("text", "bpm"),
    [
        ("slow the song by 4 bpm", -4),
        ("make it slower by 3 bpm", -3),
        ("drop the tempo by 2 bpm", -2),
        ("change the tempo by 6 bpm", 6),
        ("up 5 bpm", 5),
        ("down 4 bpm", -4),
        ("the tempo 3 bpm slower", -3),
    ],
)
def test_a_way_said_before_or_with_the_number_still_reads(text: str, bpm: int) -> None:
    assert change_of(text) == bpm


def test_the_parser_acts_on_the_way_said() -> None:
    from bridge.commands import parse

    intent = parse("push the tempo up by 3 bpm, it feels slow")
    assert intent.action == "set_tempo" and intent.params.get("change_bpm") == 3, intent
