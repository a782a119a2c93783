"""Issue 55, fifth round: wrong readings that act (sentences of our own, not blind sets 12-14's
lines). The cases failed on 335edf3, except the earlier-said-after-the-verb case and the tempo said
last, which guard what must stay."""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.parser import parse as rules_parse


# 1. The direction said after the shift verb decides: "early" before it says where the part is now
@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("The hats land a bit early, please move them later by one sixteenth.", 0.25),
        ("my snare comes in early, could you shift it later by an eighth", 0.5),
        ("the kick is dragging behind, nudge it earlier by a sixteenth", -0.25),
    ],
)
def test_shift_direction_is_the_one_after_the_verb(text: str, offset: float) -> None:
    intent = parse(text)
    assert intent.params.get("kind") == "shift", intent
    assert intent.params["offset"] == offset


# 2. A year is not a tempo: "since nineteen eighty-two" is "since 19 82" after the number reader
@pytest.mark.parametrize(
    "text",
    [
        "Start a jam in D, I have not played since nineteen eighty-two.",
        "could we begin a jam in A minor? I last jammed back in nineteen ninety-one",
        "start a jam, I have played it since 95",
    ],
)
def test_a_year_is_not_a_jam_tempo(text: str) -> None:
    intent = parse(text)
    assert intent.action == "jam" and intent.params.get("do") == "start", intent
    assert "tempo_bpm" not in intent.params


def test_a_tempo_said_last_is_still_read() -> None:
    assert parse("let's jam, jazz, one sixty").params.get("tempo_bpm") == 160


# 3. A function word is never a track's name ("a fade in, as a choir would enter"; "a swell, I think")
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Could you bring the pads in slowly over four bars, a fade in, as a choir would enter?", "pads"),
        ("Let the keys get louder and then softer again? A swell, I believe it is called.", "keys"),
    ],
)
def test_a_function_word_is_not_a_track_name(text: str, name: str) -> None:
    intent = rules_parse(text)
    assert intent.action == "automate", intent
    assert intent.params.get("track_name") == name


# 4. "a great deal" is as much swing as "a lot"
@pytest.mark.parametrize("text", ["swing the hats a great deal", "please swing the bass a good deal"])
def test_a_great_deal_is_a_lot_of_swing(text: str) -> None:
    intent = parse(text)
    assert intent.params.get("kind") == "swing", intent
    assert intent.params.get("amount") == 0.75


# 5. "N different ways" is N versions
@pytest.mark.parametrize(
    ("text", "count"),
    [("give me the bass three different ways", 3), ("try the chords again 2 other ways please", 2)],
)
def test_n_different_ways_is_n_versions(text: str, count: int) -> None:
    intent = parse(text)
    assert intent.action == "vary", intent
    assert intent.params.get("variations") == count
