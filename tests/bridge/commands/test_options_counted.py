"""Options said new or different, or of "a" part, are new takes of a part made; "more" keeps them
takes of the clip's part (issue 55)."""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of

pytestmark = pytest.mark.usefixtures("learned_reading")  # the whole reader: rules, learned reading, gate


def _means(text: str) -> dict[str, object]:
    intent = parse(text)
    assert intent.understood, (text, intent.params)
    return means_of(intent.as_dict())


@pytest.mark.parametrize(
    ("text", "part", "count"),
    [
        ("four different options for the hook", "melody", 4),
        ("i want two options for a bass line", "bass", 2),
        ("three different options for the chords", "chords", 3),
    ],
)
def test_options_are_new_takes(text: str, part: str, count: int) -> None:
    assert _means(text) == {"op": "make", "target": part, "versions": count}


@pytest.mark.parametrize(
    ("text", "part"),
    [("two more options for the hook", "melody"), ("3 more options for the bass line", "bass")],
)
def test_more_options_are_takes_of_the_part_there(text: str, part: str) -> None:
    assert _means(text)["op"] == "vary" and _means(text)["target"] == part


def test_a_part_for_the_hook_is_still_for_the_chorus() -> None:
    assert _means("write chords for the hook") == {
        "op": "make",
        "target": "chords",
        "scope": {"section": "chorus"},
    }
