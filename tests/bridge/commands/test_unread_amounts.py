"""An unread word where a change's amount stands is asked "how much?" (issue 55, round 36 g83).

Sentences of our own in tongues none of the sets use (Yoruba, Swedish, Czech, Romanian, Hungarian written in
Latin letters): the English says the change, the other tongue how much. Each ask fails with
``agree``'s call of ``unread_amounts.how_much`` taken out (the change acts at its default size).
"""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of

pytestmark = pytest.mark.usefixtures("learned_reading")  # the whole reader: rules, learned reading, gate


def _means(text: str) -> dict[str, object]:
    return means_of(parse(text).as_dict())


@pytest.mark.parametrize(
    ("text", "word", "op"),
    [
        ("humanize the bass trochu", "trochu", "humanize"),  # Czech: a little, last after the object
        ("lite more swing on the hats", "lite", "swing"),  # Swedish: a little, before the comparative
        ("mycket more swing on the hats", "mycket", "swing"),  # Swedish: a lot
        ("swing the hats kicsit", "kicsit", "swing"),  # Hungarian: a little
        ("humanize the chords puțin", "puțin", "humanize"),  # Romanian: a little
        ("give the kick kekere swing", "kekere", "swing"),  # Yoruba: small, before the swing said
    ],
)
def test_an_unread_amount_is_asked_how_much(text: str, word: str, op: str) -> None:
    intent = parse(text)
    assert intent.action == "unknown", intent
    assert intent.params["reason"] == f"how much is '{word}': a little or a lot?"
    offers = intent.params["suggestions"][:2]
    assert [means_of(parse(o).as_dict())["op"] for o in offers] == [op, op]
    assert offers[0].endswith("a little") and offers[1].endswith("a lot")


def test_the_offers_carry_the_size_where_the_reading_holds_one() -> None:
    offers = parse("swing the hats kicsit").params["suggestions"][:2]
    assert [means_of(parse(o).as_dict()).get("amount") for o in offers] == [0.25, 0.75]


def test_a_doubled_word_counts_as_unread() -> None:
    """A word said twice with a hyphen is no English word, though each half alone may pass as one."""
    intent = parse("die-die more swing on the hats")  # Yoruba "diedie" (little by little) with a hyphen
    assert intent.params.get("reason") == "how much is 'die': a little or a lot?"


@pytest.mark.parametrize(
    ("text", "op"),
    [
        ("make the kick a little louder", "louder"),  # the amount said in English
        ("swing the hats kicsit but only a little", "swing"),  # said in English too: English wins
        ("humanize the chords a bit puțin", "humanize"),  # the same, for a change whose size the schema drops
        ("make the bass busier", "busier"),  # English only
        ("swing the hats, köszönöm", "swing"),  # a thanks in a clause of its own
    ],
)
def test_no_question_where_english_says_the_amount_or_no_word_stands_there(text: str, op: str) -> None:
    assert _means(text).get("op") == op


def test_a_word_in_a_nouns_place_is_no_amount() -> None:
    """After "the" or before "track" an unread word is a thing's name, not how much."""
    from bridge.commands.intent import Intent
    from bridge.commands.unread_amounts import amount_unread

    louder = Intent("transform", "drums", {"kind": "velocity", "amount": 0.75, "voices": "kick"}, "")
    assert amount_unread("make the trochu louder", louder) is None
    assert amount_unread("make trochu louder", louder) == "trochu"
    swing = Intent("transform", "drums", {"kind": "swing", "amount": 0.66, "voices": "hats"}, "")
    assert amount_unread("swing kicsit", swing) is None  # right after the verb: its object's place
    assert amount_unread("swing le kicsit", swing) is None  # after an article: a name
    assert amount_unread("swing den kicsit", swing) is None  # an article that is also an English word


def test_a_later_request_keeps_the_whole_sentences_reading() -> None:
    """A clause read again inside a sentence's reading asks nothing of its own: the question would drop that
    request from the whole ("quantize the snare then swing it kicsit" lost its swing)."""
    read = _means("quantize the snare then swing it kicsit")
    assert read.get("op") == "quantize"
    later = read.get("then")
    assert isinstance(later, list) and [t.get("op") for t in later] == ["swing"]
