"""Issue 55, round 21 (w65a): a clear request said with a remark beside it, a verb said after its
target, and a section said without "the" (sentences of our own, never a blind set's lines). Each was
refused or asked on d01c9af0, or (a K-pop "dance break") acted with its place dropped; the guards pin
what must still ask: a description, a wish for a change, a remark that names another part."""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of

pytestmark = pytest.mark.usefixtures("learned_reading")  # the whole reader: rules, learned reading, gate


def _means(text: str) -> dict[str, Any]:
    intent = parse(text)
    assert intent.understood, (text, intent.params.get("reason"))
    return means_of(intent.as_dict())


# 1. a switch said after its numbered track, or with "me" said between it and its target
@pytest.mark.parametrize(
    ("text", "do", "track"),
    [
        ("track 5 solo quickly!", "solo", "track 5"),
        ("channel 4 unmute now", "unmute", "track 4"),
        ("track 12 mute", "mute", "track 12"),
        ("mute me track 3 bitte", "mute", "track 3"),
        ("solo me track 7", "solo", "track 7"),
    ],
)
def test_a_switch_around_its_numbered_track_acts(text: str, do: str, track: str) -> None:
    intent = parse(text)
    assert (intent.action, intent.params.get("do"), intent.params.get("track_name")) == ("mixer", do, track)


def test_me_before_a_named_track_is_dropped() -> None:
    intent = parse("unmute me the strings track")
    assert (intent.action, intent.params.get("do"), intent.params.get("track_name")) == (
        "mixer",
        "unmute",
        "strings",
    )


@pytest.mark.parametrize("text", ["track 5 solo was great", "track 5 is solo", "mute me"])
def test_a_description_or_a_bare_me_does_not_act(text: str) -> None:
    assert not parse(text).understood


# 2. a K-pop "dance break" is the break, "the" said or not; its place is never dropped
@pytest.mark.parametrize(
    "text",
    [
        "add hats on every 16th in the dance break",
        "make the chords quieter in dance break",
        "claps on the backbeat in dance break",
        "vary the dance break",
    ],
)
def test_the_dance_break_is_the_break(text: str) -> None:
    intent = parse(text)
    assert intent.understood, intent.params.get("reason")
    assert intent.params.get("region") == {"section": "break", "nth": 1}


# 3. a remark after a clear request: who it is for, where a bar falls
@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "claps on the backbeat in the dance break, dancers need a clear count!",
            "claps on the backbeat in the break",
        ),
        (
            "a shaker on the offbeat in the verse, the choreographer wants a steady pulse",
            "a shaker on the offbeat in the verse",
        ),
        ("drum fill in bar 16 right before the loop point", "drum fill in bar 16"),
        ("put a crash on bar 9, right after the loop point", "put a crash on bar 9"),
    ],
)
def test_a_remark_beside_a_request_is_not_read(text: str, said: str) -> None:
    assert _means(text) == _means(said)


@pytest.mark.parametrize(
    "text",
    [
        "claps on the backbeat in the dance break, the singers want it busier",  # a wish for a change
        "mute the bass in the verse, dancers need the kick clear",  # another part named
        "make the kick louder, dancers need more bass",
        "a drum fill right before the loop point",  # no bar said: the loop point is the place
    ],
)
def test_a_remark_that_may_ask_for_more_does_not_act(text: str) -> None:
    assert not parse(text).understood
