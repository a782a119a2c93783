"""Issue 55, round 37 (w92): a part named beside words no reader knows is asked about, never acted on a guess.

Sentences of our own with made-up verbs (no word of any tongue): a part left to unread words beside a request
on another part (dropped, drawn into the request, or taken as kept) asks which of the two was meant; a new part
read from the word of a part in hand ("the bass") beside an unread word asks too; a plain English request, a
thanks around it, a new part said with no unread word ("drums please", "a bass line in D, 8 bars") or with one
beside a bare part word, and an unread word in a statement or a likeness still act (``unread_parts``). The acts
are guards: widened rules (any unread word, any part word) turned them into questions. And the question's own
first suggestion in English, a part left last with nothing after it ("make the drums simpler but leave the
snare"), keeps that part out (``scoped``; main made the snare alone simpler).
"""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of
from tests.bridge.commands.meant import case

LEARNED = pytest.mark.usefixtures("learned_reading")  # the whole reader: rules, learned reading, gate

LEFT = [
    # dropped: the piano's clause was not read at all
    ("turn up the bass, then zworble the piano", "the piano"),
    # drawn in: the unread clause's part added to the request
    ("frimp the hats, make the snare louder", "the hats"),
    ("make the hats simpler but drazzle the kick", "the kick"),
    ("the kick grooble, swing the hats", "the kick"),
    # taken as kept (round 36): "<unread> the kick, just <request>"
    ("plonkify the kick, just make the hats simpler", "the kick"),
    ("swing the hats, skronk the snare", "the snare"),
]


def _asked(text: str, the: str) -> None:
    intent = parse(text)
    assert not intent.understood, intent
    offered = intent.params["suggestions"]
    assert any(the in s and "leave" in s for s in offered[:2]), offered  # the request alone, the part kept
    assert any(the in s and "leave" not in s for s in offered[:2]), offered  # the part added to it
    for said in offered[:2]:
        assert parse(said).understood, said  # each a sentence the parser acts on


@pytest.mark.parametrize(("text", "the"), LEFT)
def test_a_part_left_to_unread_words_is_asked(text: str, the: str) -> None:
    _asked(text, the)


@LEARNED
@pytest.mark.parametrize(("text", "the"), LEFT)
def test_a_part_left_to_unread_words_is_asked_by_the_whole_reader(text: str, the: str) -> None:
    _asked(text, the)


ACTS: list[Any] = [
    case("leave the kick, just make the hats simpler", op="simpler", target="hats"),
    case("the kick is fine, make the hats simpler", op="simpler", target="hats"),
    case("thanks man, swing the bass a bit", op="swing", target="bass"),
    case("drums please", op="make", target="drums"),
    case("a bass line in D, 8 bars", op="make", target="bass", bars=8, key="D major"),
    case("melody in A minor please", op="make", target="melody", key="A minor"),
    case("gimme some trap drums", op="make", target="drums", genre="trap"),
    # an unread word beside a bare part word, a statement's, a likeness's: the request as read (the trade measured)
    case("drums wibbet, house, 8 bars", op="make", target="drums", genre="house", bars=8),
    case("quantize the bass, it's snorfing the kick", op="quantize", target="bass"),
    case("make a chill melody, like the zworble guitar", op="make", target="melody"),
]


@LEARNED
@pytest.mark.parametrize(("text", "want"), ACTS)
def test_plain_requests_still_act(text: str, want: dict[str, Any]) -> None:
    intent = parse(text)
    assert intent.understood, intent
    got = means_of(intent.as_dict())
    assert {k: got.get(k) for k in want} == want, got


@LEARNED
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("grook the chords, jazz", "grook"),
        ("the chords drazzle, jazz", "drazzle"),
        ("the bass skronk in D minor", "skronk"),
        ("my melody flumpy, house, 8 bars", "flumpy"),
        ("the bass frozzle in F minor", "frozzle"),
        ("the melody quonk, house", "quonk"),
    ],
)
def test_a_new_part_read_from_its_word_beside_an_unread_one_is_asked(text: str, word: str) -> None:
    intent = parse(text)
    assert not intent.understood, intent
    assert f"'{word}'" in intent.params["reason"], intent
    assert any(s.startswith("make ") for s in intent.params["suggestions"][:2]), intent  # a new part offered


KEPT_LAST = [
    ("make the drums simpler but leave the snare", "density", "snare"),
    ("swing the drums but keep the kick", "swing", "kick"),
    ("quantize the drums and leave the hats", "quantize", "hats"),
]


def _kept_last(text: str, kind: str, kept: str) -> None:
    intent = parse(text)
    assert (intent.action, intent.params.get("kind")) == ("transform", kind), intent
    voices = str(intent.params.get("voices")).split(",")
    assert kept not in voices and len(voices) > 1, intent  # every voice but the one left, never it alone


@pytest.mark.parametrize(("text", "kind", "kept"), KEPT_LAST)
def test_a_part_left_last_with_nothing_after_is_kept(text: str, kind: str, kept: str) -> None:
    _kept_last(text, kind, kept)


@LEARNED
@pytest.mark.parametrize(("text", "kind", "kept"), KEPT_LAST)
def test_a_part_left_last_with_nothing_after_is_kept_by_the_whole_reader(
    text: str, kind: str, kept: str
) -> None:
    _kept_last(text, kind, kept)
