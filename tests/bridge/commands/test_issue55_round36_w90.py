"""Issue 55, round 36 (w90, after the blind measurement): sentences of our own, never a blind set's lines.

- "reverse bass" as a noun phrase is hardstyle's bass sound, not the retrograde ("i want a reverse bass
  for the outro, 8 bars" made a bass reversed); "reverse the bass" / "play the bass backwards" stay it;
- a double negative with "but" keeps the part alone ("in the verse i don't want nothin' but the hats" took
  the hats out);
- "them drums" is the drums ("make them drums a little jazzier" made new drums with no genre);
- a bass that "locks in with the kick" with a place said between follows the drums ("a bass line for the
  verse that locks in with the kick drum" lost the follow)."""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of
from tests.bridge.commands.meant import case

pytestmark = pytest.mark.usefixtures("learned_reading")  # the whole reader: rules, learned reading, gate


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("i want a reverse bass for the outro, 8 bars", op="make", target="bass", bars=8),
        case("make me a reversed bass line in the breakdown", op="make", target="bass"),
        case("three more of that reverse bass please", op="vary", target="bass", versions=3),
        case("turn my reverse bass loop into midi", op="transcribe", target="bass"),
        case("in the verse i don't want nothin' but the hats", op="keep_only", target="hats"),
        case("we want nothing but kick and clap in the breakdown", op="keep_only", target=["kick", "claps"]),
        case("can you make them drums a little jazzier", op="set", target="drums", genre="jazz"),
        case(
            "a bass line for the verse that locks in with the kick drum",
            op="make",
            target="bass",
            follow="drums",
        ),
        case("write a bassline in the drop that locks to the kick", op="make", target="bass", follow="drums"),
    ],
)
def test_read_as_meant(text: str, want: dict[str, Any]) -> None:
    got = means_of(parse(text).as_dict())
    assert {k: got.get(k) for k in want} == want, got


@pytest.mark.parametrize(
    "text", ["reverse the bass", "play the bass backwards", "can you reverse the chords"]
)
def test_reversing_a_part_stays_the_retrograde(text: str) -> None:
    intent = parse(text)
    assert intent.action == "transform" and intent.params.get("kind") == "retrograde", intent


@pytest.mark.parametrize(
    "text", ["in the verse we dont need nothing but the kick", "no nothing but hats in the intro"]
)
def test_nothing_but_never_removes(text: str) -> None:
    intent = parse(text)
    assert intent.params.get("kind") != "drums_remove" and intent.action != "remove", intent
