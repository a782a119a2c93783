"""Keeping some drum voices with a reason said about the rest (issue 55, round 38): the reason's change word is
said of what goes ("the rest is too busy"), so the voices are kept, never thinned; and the list's next voice with
words after it ("and the snare on the drums") is the list's item, never a clause left undone."""

from __future__ import annotations

import pytest

from bridge.commands.means import means_of
from bridge.commands.parser import parse as rules


@pytest.mark.parametrize(
    ("text", "voices"),
    [
        ("keep only the snare and the hats, the rest is way too busy", ["snare", "hats"]),
        ("just keep the ride, everything else is far too cluttered", "ride"),
        ("only keep the kick and the toms, the others are too much", ["kick", "toms"]),
    ],
)
def test_the_rest_faulted_keeps_the_voices_said(text: str, voices: str | list[str]) -> None:
    got = means_of(rules(text).as_dict())
    assert got == {"op": "keep_only", "target": voices}, got


@pytest.mark.parametrize(
    ("text", "voices"),
    [
        ("just keep the hats and the ride on the drums and lose the rest", ["hats", "ride"]),
        ("keep only the hats and the kick in the beat", ["hats", "kick"]),
    ],
)
def test_the_lists_next_voice_is_no_clause_left_undone(text: str, voices: list[str]) -> None:
    got = means_of(rules(text).as_dict())
    assert got == {"op": "keep_only", "target": voices}, got


def test_a_change_said_of_the_voices_kept_is_still_that_change() -> None:
    """ "only the hats busier" is the hats made busier, the rest not faulted."""
    got = means_of(rules("make only the hats busier, the rest is fine").as_dict())
    assert got["op"] == "busier", got
