"""Typed near misses of part names and a few operation words (bridge/commands/spelling.py)."""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.spelling import corrected, one_edit


def test_one_edit_is_a_change_an_insertion_a_deletion_or_a_swap() -> None:
    assert one_edit("melidy", "melody") and one_edit("chrods", "chords") and one_edit("drumss", "drums")
    assert one_edit("meldy", "melody") and not one_edit("melody", "melody") and not one_edit("mldy", "melody")
    assert not one_edit("cdrohs", "chords")


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("make the melidy simpler", ["make", "the", "melody", "simpler"]),
        ("quantzie the bass", ["quantize", "the", "bass"]),
        ("a countermelody", ["a", "counter", "melody"]),
        ("can you master this", ["can", "you", "master", "this"]),  # no command word one edit away
        ("autotune my vocal", ["autotune", "my", "vocal"]),  # a part's name glued on a short one is left
    ],
)
def test_near_misses_become_the_command_word(typed: str, read: list[str]) -> None:
    assert corrected(typed.split()) == read


def test_a_typo_in_a_part_name_still_reaches_the_part() -> None:
    intent = parse("humanise the chrods")
    assert (intent.action, intent.part) == ("transform", "chords")
    assert parse("write a countermelody that plays along with this").action == "accompany"
