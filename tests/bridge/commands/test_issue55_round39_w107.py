"""Issue 55, round 39 (w107): the label disputes settled in docs/intents.md "Reading a label", where the
parser had to follow. Sentences of our own, never a blind set's lines.

- a take praised as "this <part>" and starred ("this bassline is fire, star it", "love this drum groove, give it
  a star"): the take in hand, as "this take of the bass" is since round 35 (target ``this``; before: the part's
  newest take, target the part, or a question when the learned reading named the part too);
- "star the bass", "the drums are sick, star them" (no "this") keep naming the part.
"""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of


@pytest.mark.parametrize(
    "text",
    [
        "this bassline is fire, star it",
        "love this drum groove, give it a star",
        "i really dig this melody, star it",
        "that chord progression is lush, star it please",
        "this beat goes so hard, give it a star",
    ],
)
def test_a_take_praised_as_this_part_is_the_take_in_hand(text: str) -> None:
    intent = parse(text)
    assert intent.understood, intent
    got: dict[str, Any] = means_of(intent.as_dict())
    assert got["op"] == "star", got
    assert got.get("target") in (None, "this"), got


def test_a_part_said_without_this_stays_the_part() -> None:
    got = means_of(parse("star the bass").as_dict())
    assert got == {"op": "star", "target": "bass"}, got
