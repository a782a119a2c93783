"""A density change of a hand-percussion voice is that voice's, never the whole drum part's (issue 55, round 24):
"the shakers are too bare, make them busier" made all the drums busier on main. Sentences written for this test,
not from any blind set."""

from __future__ import annotations

import pytest

from bridge.commands.agree import parse
from bridge.commands.intent import Intent
from bridge.commands.means import means_of
from bridge.commands.parser import parse as rules

pytestmark = pytest.mark.usefixtures("learned_reading")


@pytest.mark.parametrize(
    ("text", "op"),
    [
        ("make the tambourine busier", "busier"),
        ("the congas are too sparse, make them busier", "busier"),
        ("make the percussion busier", "busier"),
        ("make the congas simpler", "simpler"),
    ],
)
def test_the_voice_alone_changes(text: str, op: str) -> None:
    intent = parse(text)
    assert intent.params.get("voices") == "percussion", (text, intent.as_dict())
    assert means_of(intent.as_dict()).get("op") == op, (text, intent.as_dict())


def test_the_other_voices_are_never_regrown() -> None:
    intent = parse("make the tambourine busier")
    assert intent.action == "transform" and intent.params.get("kind") == "density", intent.as_dict()


def test_a_new_percussion_part_is_still_the_drums() -> None:
    intent = parse("make a percussion loop 8 bars, lots of shakers")
    assert (intent.action, intent.part) == ("generate", "drums"), intent.as_dict()


@pytest.mark.parametrize(
    ("text", "op"),
    [
        ("humanize the shaker track", "humanize"),
        ("make the shaker track busier", "busier"),
        ("thin out the tabla track in the verse", "simpler"),
    ],
)
def test_a_voice_word_before_track_is_lives_track(text: str, op: str) -> None:
    got = means_of(parse(text).as_dict())
    assert (got.get("op"), got.get("target")) == (op, f"track:{text.split(' track')[0].split()[-1]}"), (
        text,
        got,
    )


@pytest.mark.parametrize("text", ["make the piano track simpler", "make the organ track simpler"])
def test_simpler_said_of_a_track_thins_that_track(text: str) -> None:
    """ "simpler" is the parts' complexity dial; said of a track by its instrument the rules read it as thinning
    that track's notes, as "busier" the other way (the whole reader acts on the piano's; on the organ's the
    learned reading still weighs humanize, and asks with this reading among its offers)."""
    track = f"track:{text.split(' track')[0].split()[-1]}"
    assert _op_target(rules(text)) == ("simpler", track), rules(text).as_dict()
    whole = parse(text)
    assert _op_target(whole) == ("simpler", track) or rules_offer(whole, track), whole.as_dict()


def _op_target(intent: Intent) -> tuple[object, object]:
    got = means_of(intent.as_dict())
    return got.get("op"), got.get("target")


def rules_offer(intent: Intent, track: str) -> bool:
    return not intent.understood and any(
        _op_target(rules(t)) == ("simpler", track) for t in intent.params.get("suggestions", [])
    )
