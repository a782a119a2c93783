"""Issue 55, round 22 (w66c): a request said again in a clause that reads as a plan ("..., lemme hear two
more of the bass") or a purpose ("..., so i can hear 3 other versions") was cut out and the rest acted on
without its values (the takes counted); "another couple of takes" was no count. The clause is now kept
where, read alone, it is the whole reading's own op with the values the cut loses; a plan or a purpose that
is no request of its own is still cut (sentences of our own, never a blind set's lines)."""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands.intent import Intent
from bridge.commands.said_again import dropped, said_again
from tests.bridge.commands.meant import case, read

pytestmark = pytest.mark.usefixtures("learned_reading")  # the whole reader: rules, learned reading, gate


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case(
            "that last drum take aint quite it, lemme hear three more of the drums",
            op="vary",
            target="drums",
            versions=3,
        ),
        case(
            "that last melody take aint it, let me hear 2 more of the melody",
            op="vary",
            target="melody",
            versions=2,
        ),
        case("try the melody again, so i can hear 2 more options", op="vary", target="melody", versions=2),
        case("redo the drums, so i can hear 4 other versions", op="vary", target="drums", versions=4),
        case("another couple of takes on the melody please", op="vary", target="melody", versions=2),
        case("another few versions of the chords", op="vary", target="chords", versions=3),
    ],
)
def test_a_request_said_again_keeps_its_values(text: str, want: dict[str, Any]) -> None:
    got = read(text)
    assert {k: got.get(k) for k in want} == want, got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("make a beat so i can rap over it for 16 bars", op="make", target="drums", bars=16),
        case("split this mix into stems so I can get at the vocal", op="separate"),
        case("make me a bass line so i can hear how it sits with the 808", op="make", target="bass"),
    ],
)
def test_a_purpose_of_its_own_is_still_cut(text: str, want: dict[str, Any]) -> None:
    got = read(text)
    assert {k: got.get(k) for k in want} == want and "versions" not in got, got


def test_said_again_needs_the_clause_to_hold_what_the_cut_loses() -> None:
    whole = Intent("vary", "bass", {"variations": 2}, "")
    cut = Intent("vary", "bass", {}, "")
    assert dropped(whole, cut) == {"versions": 2}
    assert said_again(whole, cut, Intent("vary", None, {"variations": 2}, ""))  # its target said before it
    assert not said_again(whole, cut, Intent("vary", None, {"variations": 3}, ""))
    assert not said_again(whole, cut, Intent("generate", "bass", {"variations": 2}, ""))
    assert not said_again(whole, whole, Intent("vary", None, {"variations": 2}, ""))  # nothing lost
