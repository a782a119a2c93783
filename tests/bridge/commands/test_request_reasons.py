"""A request followed by its reason (issue 55, round 27): the reason's words are not the request's.

A reason led by "now" ("..., now it drags behind the hats"), a complaint with no subject ("..., too busy"), how
the last try went with no comma ("another bass line the last one was too busy"), where a section starts ("put a
crash on bar 33, the drop hits there"), a
purpose of a part soloed or muted ("so I can hear the ghost notes"), and a complaint and its reason with no
change said at all ("the verse feels too bright, the scene is a funeral"), which the learned reading is sure
must be asked about. Sentences written for this test, not from any blind set.
"""

from __future__ import annotations

import pytest

from bridge.commands import reader
from bridge.commands.agree import agreed, learned_sees, parse
from bridge.commands.means import means_of
from bridge.commands.parser import parse as rules
from bridge.commands.reasons import without_reasons


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        (
            "nudge the snare later a sixteenth, now it drags behind the hats",
            "nudge the snare later a sixteenth",
        ),
        (
            "pull the keys an eighth earlier, so now they drag behind the kick",
            "pull the keys an eighth earlier",
        ),
        ("take the shaker out of the chorus, too busy", "take the shaker out of the chorus"),
        ("drop the pad in the intro, way too washy", "drop the pad in the intro"),
        ("give me another bass line the last one was too busy", "give me another bass line"),  # no comma
        ("one more take of the keys that take sounded flat", "one more take of the keys"),
        ("put a crash on bar 33, the drop hits there", "put a crash on bar 33"),  # where a section starts
        ("add a snare roll in bar 8, verse 2 starts right there", "add a snare roll in bar 8"),
    ],
)
def test_a_reason_led_by_now_or_too_or_of_the_last_try_is_cut(text: str, cut: str) -> None:
    assert without_reasons(text) == cut


@pytest.mark.parametrize(
    ("text", "seen"),
    [
        ("take the shaker out of the chorus, too busy", "take the shaker out of the chorus"),
        (
            "nudge the snare later a sixteenth, now it drags behind the hats",
            "nudge the snare later a sixteenth",
        ),
        ("the kick is too loud", "the kick is too loud"),  # the complaint is the request: it stays
    ],
)
def test_the_learned_reading_sees_the_request_alone(text: str, seen: str) -> None:
    assert learned_sees(text) == seen


@pytest.mark.parametrize(
    "text",
    [
        "the snare, too loud",  # no request before the complaint
        "make it less busy, too much going on",  # "too much": may be what is asked less of
    ],
)
def test_a_complaint_that_is_the_request_is_kept(text: str) -> None:
    assert learned_sees(text) == text


def test_the_part_heard_against_after_now_is_not_shifted() -> None:
    said = means_of(parse("nudge the snare later a sixteenth, now it drags behind the hats").as_dict())
    assert (said.get("op"), said.get("target")) == ("shift", "snare")


@pytest.mark.parametrize(
    ("text", "beats"),
    [("lay the snare back a sixteenth", 0.25), ("lay the keys back an eighth", 0.5)],
)
def test_a_part_laid_back_is_shifted_later(text: str, beats: float) -> None:
    got = means_of(rules(text).as_dict())
    assert (got.get("op"), got.get("beats")) == ("shift", beats), got


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "op", "target"),
    [
        ("solo the keys so I can hear the walk-ups", "solo", "chords"),
        ("mute the pads so we can hear the walk-ups in the bass", "mute", "track:pads"),  # as it was: kept
    ],
)
def test_what_a_soloed_or_muted_part_is_for_is_no_request(text: str, op: str, target: str) -> None:
    got = means_of(parse(text).as_dict())
    assert (got.get("op"), got.get("target")) == (op, target), got


def test_a_sure_ask_where_the_rules_find_nothing_is_a_question() -> None:
    text = "the verse feels too bright, the scene is a funeral"
    ruled = rules(text)
    assert ruled.params.get("reason") == "no command was recognised"
    got = agreed(text, ruled, reader.Reading((("ask", 0.97), ("softer", 0.01))))
    assert not got.understood and str(got.params["reason"]).endswith("?"), got.params


def test_an_unsure_ask_is_refused_as_before() -> None:
    text = "the verse feels too bright, the scene is a funeral"
    got = agreed(text, rules(text), reader.Reading((("ask", 0.4), ("softer", 0.3))))
    assert got.params.get("reason") == "no command was recognised"
