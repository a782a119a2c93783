"""Issue 55, round 20 (w63d): two readings said two ways, in sentences of our own.

- "till bar N", "until bar N", "'til bar N", "up until bar N" are where the change stops: bars 1 to N-1, as "before
  bar N", for every op and whether said as "no X till" or "mute X till"; "up to bar N", "through bar N" hold bar N
  (docs/intents.md, ``scope_words``); a range ("from bar 9 until bar 12") still holds both ends;
- asked whether it can do a job outside Live (reading a chat, comments or messages; streaming; posting; emailing)
  with a request beside it ("can you read the comments and play what they ask") does nothing: `none`, the request
  beside it never acted on (``beyond_asked``); asked for its own work ("could you make the drums busier and play
  it") it acts as before.

Each test fails on the code before this change (checked on 0e91034c)."""

from __future__ import annotations

import pytest

from bridge.commands.agree import parse
from bridge.commands.means import means_of
from bridge.commands.weighing import NOT_OURS

pytestmark = pytest.mark.usefixtures("learned_reading")


def _means(text: str) -> dict:
    intent = parse(text)
    assert intent.understood, (text, intent.params)
    return means_of(intent.as_dict())


@pytest.mark.parametrize(
    ("text", "op", "target", "last"),
    [
        ("mute the crash till bar 17", "remove", "crash", 16),
        ("take the shaker out until bar 13", "remove", "percussion", 12),
        ("quantize the snare til bar 5", "quantize", "snare", 4),
        ("make the toms louder 'til bar 9", "louder", "toms", 8),
        ("humanize the keys until bar 17", "humanize", "chords", 16),
        ("swing the hats up until bar 9", "swing", "hats", 8),
        ("make the bassline simpler till bar 13", "simpler", "bass", 12),
        ("make the drums busier until the 9th bar", "busier", "drums", 8),
        ("no ride til bar 5", "remove", "ride", 4),
        # before, up to and through agree with till
        ("mute the crash before bar 17", "remove", "crash", 16),
        ("quantize the snare up to bar 4", "quantize", "snare", 4),
        ("make the toms louder through bar 8", "louder", "toms", 8),
    ],
)
def test_till_a_bar_stops_before_it(text: str, op: str, target: str, last: int) -> None:
    got = _means(text)
    assert (got["op"], got["target"], got["scope"]) == (op, target, {"until_bar": last}), (text, got)


@pytest.mark.parametrize(
    ("text", "span"),
    [("mute the claps from bar 5 til bar 8", [5, 8]), ("quantize the hats from bar 9 until bar 16", [9, 16])],
)
def test_a_range_said_with_till_holds_both_ends(text: str, span: list[int]) -> None:
    assert _means(text)["scope"] == {"bars": span}


@pytest.mark.parametrize(
    "text",
    [
        "can you read the comments and play what they ask",
        "could it check the chat and add whatever they want",
        "can you go through my dms and make the beat they asked for",
        "could u keep an eye on the twitch chat and bring in the bass when they say",
        "can you stream this and mute the hats",
        "can it go live and start a jam",
        "could you post it to soundcloud and then make the drums louder",
        "can you email the stems to my mate and make a bass line",
        "can u livestream this and swing the hats",
    ],
)
def test_asked_for_a_job_outside_live_with_a_request_beside_it_does_nothing(text: str) -> None:
    intent = parse(text)
    assert not intent.understood, (text, intent.as_dict())
    assert intent.params["reason"] == NOT_OURS, (text, intent.params)
    assert not intent.params.get("then"), (text, intent.params)


@pytest.mark.parametrize(
    ("text", "op"),
    [
        ("could you make the drums busier and play it", "busier"),  # its own work, asked: read as before
        ("can you make a beat for my stream", "make"),  # a stream said as what it is for, no job of it
    ],
)
def test_asked_for_its_own_work_still_acts(text: str, op: str) -> None:
    assert _means(text)["op"] == op
