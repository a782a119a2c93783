"""Issue 55, round 35 (w85): plain requests that were asked about or refused, and a wrong suggestion. Sentences
of our own, never a blind set's lines.

- "ooh this take of the drums is sick, give it a star": the take starred (asked vary-or-star before: the head
  read another take, 0.64);
- "dub drums please": the part made, its style asked as "a dub beat" is (refused as no music before: the head
  read "dub" as a verb);
- "make the drums louder and more trappy": still asked, never with "make the drums softer" offered (the head's
  contrary reading was the first suggestion);
- "can the tune have more energy": "the tune" is the whole song there, so where is asked (the melody's energy
  before), as "the song needs more energy" is.
"""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of
from bridge.commands.suggested import opposite_of_said
from tests.bridge.commands.meant import case

pytestmark = pytest.mark.usefixtures("learned_reading")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a take praised in slang, an exclamation before it, then a star asked: the take in hand starred
        case("ooh this take of the drums is sick, give it a star", op="star", target=None),
        case("wow that version of the bass is fire, give it a star", op="star", target=None),
        case("ooh this one of the chords is sick, mark it with a star", op="star", target=None),
    ],
)  # fmt: skip
def test_a_take_praised_then_starred_is_starred(text: str, want: dict[str, Any]) -> None:
    intent = parse(text)
    assert intent.understood, intent
    got = means_of(intent.as_dict())
    assert {k: got.get(k) for k in want} == want, got


@pytest.mark.parametrize(
    ("text", "style", "first"),
    [
        ("dub drums please", "dub", "reggae drums please"),
        ("dub bass line please", "dub", "reggae bass line please"),
        ("some dub chords", "dub", "some reggae chords"),
        ("folk melody please", "folk", "country melody please"),
    ],
)
def test_a_style_no_preset_holds_before_a_part_is_asked(text: str, style: str, first: str) -> None:
    intent = parse(text)
    assert not intent.understood and f"which style is {style}?" in str(intent.params.get("reason")), intent
    assert intent.params["suggestions"][0] == first, intent


@pytest.mark.parametrize(
    ("text", "never"),
    [
        ("make the drums louder and more trappy", "make the drums softer"),
        ("make the bass louder and a bit more housey", "make the bass line softer"),
    ],
)
def test_a_question_never_offers_the_opposite_of_what_was_said(text: str, never: str) -> None:
    intent = parse(text)
    assert not intent.understood, intent  # the style is not read with the dial: still asked
    suggestions = intent.params["suggestions"]
    assert never not in suggestions and never not in str(intent.params["reason"]), intent
    assert suggestions[0] == never.replace("softer", "louder"), intent  # what was said, offered first


def test_the_opposite_is_kept_where_both_or_a_negation_are_said() -> None:
    assert opposite_of_said("louder", " make the drums louder ") == {"softer"}
    assert opposite_of_said("louder", " make the drums louder and the bass softer ") == set()
    assert opposite_of_said("louder", " dont make the drums louder ") == set()
    # not said in its own word: the head may be right
    assert opposite_of_said("softer", " too loud ") == set()
    # "remove" beside "simpler" is another way, never the opposite
    assert opposite_of_said("remove", " remove the hats in the breakdown ") == set()


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("can the tune have more energy", "more energy where, or in which part"),
        ("my tune needs more energy", "more energy where, or in which part"),
        ("the tune could use less energy", "less energy where, or in which part"),
    ],
)
def test_the_tunes_energy_is_asked_where(text: str, asked: str) -> None:
    intent = parse(text)
    assert not intent.understood and asked in str(intent.params.get("reason")), intent


def test_the_melodys_energy_is_still_the_melodys() -> None:
    intent = parse("the melody needs more energy")
    assert intent.action == "adjust" and intent.part == "melody", intent
