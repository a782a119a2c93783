"""Counts said in words, read once (issue 55, round 37): "a couple" is 2, "a few", "a handful" and "several" 3,
before whatever an op counts (bars, takes, variations, goes, times, edits); before anything else left as said."""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.loose_counts import COUNTS, SAID, counted


@pytest.mark.parametrize(
    ("text", "action", "key", "count"),
    [
        ("give it another few bars", "continue", "bars", 3),
        ("could you add a couple more bars", "continue", "bars", 2),
        ("keep it going for several more bars", "continue", "bars", 3),
        ("I'd like a handful of variations on the chords", "vary", "variations", 3),
        ("several takes of the bass line please", "vary", "variations", 3),
        ("do another few versions of the melody", "vary", "variations", 3),
        ("vary the chords a couple of times", "vary", "variations", 2),
        ("regenerate the melody twice", "vary", "variations", 2),
        ("reroll the bass 4 times", "vary", "variations", 4),
        ("step back a few takes", "history", "count", 3),
        ("revert the last several edits", "undo", "count", 3),
        ("hit undo a few times", "undo", "count", 3),
    ],
)
def test_a_count_said_in_words_is_its_number(text: str, action: str, key: str, count: int) -> None:
    got = parse(text)
    assert (got.action, got.params.get(key)) == (action, count), got.as_dict()


@pytest.mark.parametrize("reading", ["off", "on"])
def test_a_couple_of_bars_added_is_a_continue_by_two(
    reading: str, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    """The rules continue by 2; the learned reading beside them may ask, offering that continue first."""
    if reading == "on":
        request.getfixturevalue("learned_reading")  # skipped (or failed, strict) without its encoder
    else:
        monkeypatch.setenv("MUSEAROO_READING", "off")
    got = parse("tack on a couple of bars")
    if got.action == "continue":
        assert got.params.get("bars") == 2, got.as_dict()
    else:
        assert got.params["suggestions"][0] == "continue this for 2 bars", got.as_dict()


@pytest.mark.parametrize(
    "text",
    [
        " put a few ghost notes on the snare ",
        " wait a couple of minutes ",
        " give the bass a few more notes ",
        " a handful of people liked it ",
    ],
)
def test_a_loose_count_of_nothing_counted_is_left_as_said(text: str) -> None:
    assert counted(text) == text


def test_every_form_reads_the_one_table() -> None:
    assert SAID["a couple of"] == SAID["couple"] == COUNTS["couple"] == 2
    assert SAID["a few"] == SAID["a handful of"] == SAID["several"] == 3
    assert "a several" not in SAID
    assert counted(" undo the last couple of changes ") == " undo the last 2 changes "
    assert counted(" another few takes ") == " 3 more takes "
