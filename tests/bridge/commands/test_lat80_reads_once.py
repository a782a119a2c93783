"""Issue 55, round 34 (lat80): typed command -> intent latency. Each text a sentence's readers ask the
learned reading of is encoded once a sentence (nested parses of the examples it offers included), the
examples in one encoder call, the request before a plan with its sentence; a key's example parsed once;
an aside's clause read by the rules only where the cut drops a value. Our own sentences, none from a set."""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import parse
from bridge.commands import reader as lr
from bridge.commands.intent import Intent
from bridge.commands.said_again import said_again
from bridge.commands.unknown_slots import slot_asked, which_slot


@pytest.fixture
def encoded(learned_reading: None, monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The texts of each encoder call, in order."""
    from bridge.reading import encoder

    calls: list[list[str]] = []
    encode = encoder.encode

    def counted(texts: list[str]) -> Any:
        calls.append(list(texts))
        return encode(texts)

    monkeypatch.setattr(encoder, "encode", counted)
    return calls


def test_a_nested_read_ahead_reads_only_what_the_outer_did_not_and_keeps_it(encoded: list[list[str]]) -> None:
    with lr.read_ahead(["mute the keys", "solo the bass"]):
        with lr.read_ahead(["mute the keys", "quantize the hats", "swing the ride"]):
            pass
        assert lr.reading_of("swing the ride") is not None  # read by the nested one, kept after it ends
        assert lr.reading_of("solo the bass") is not None
    assert encoded == [["mute the keys", "solo the bass"], ["quantize the hats", "swing the ride"]]


def test_a_key_nobody_knows_offers_its_examples_read_in_one_encoder_call(encoded: list[list[str]]) -> None:
    got = parse("give me a bass line in the zorbic mode on F, 4 bars")
    assert not got.understood and "which key or mode is zorbic?" in str(got.params["reason"])
    assert got.params["suggestions"][:2] == [
        "give me a bass line in F minor, 4 bars",
        "give me a bass line, 4 bars",
    ]
    # the sentence, then both examples together; round 37: the question's other offers (the nearest known
    # commands, checked by the whole reader: ``offered``) in one call more
    assert [len(texts) for texts in encoded][:2] == [1, 2] and len(encoded) <= 3, encoded


def test_a_key_example_that_acts_is_parsed_once() -> None:
    heard = "chords for the verse please, maqam zarvand on E, 8 bars"
    chosen = Intent("generate", "chords", {"bars": 8}, heard)
    asked = slot_asked(chosen, heard)
    assert asked is not None and asked[:2] == ("key", "zarvand")
    read: list[str] = []

    def counted(text: str) -> Intent:
        read.append(text)
        return parse(text)

    got = which_slot(heard, asked, counted, chosen)
    assert got.params["suggestions"][:2] == ["chords for the verse please, in E minor, 8 bars",
                                              "chords for the verse please, 8 bars"]  # fmt: skip
    assert sorted(read) == sorted(set(read)) and len(read) == 2


def test_the_request_before_a_plan_is_read_with_its_sentence(encoded: list[list[str]]) -> None:
    got = parse("swing the hats, lemme hear how it grooves")
    assert (got.action, got.params.get("kind"), got.params.get("voices")) == ("transform", "swing", "hats")
    assert encoded == [["swing the hats, lemme hear how it grooves", "swing the hats"]]


def test_the_clause_of_an_aside_is_read_only_where_the_cut_drops_a_value() -> None:
    whole = Intent("vary", "bass", {"variations": 3}, "")
    cut = Intent("vary", "bass", {}, "")

    def unread() -> Intent:
        raise AssertionError("the clause was read though the cut dropped nothing")

    assert not said_again(whole, whole, unread)
    read: list[int] = []

    def clause() -> Intent:
        read.append(1)
        return Intent("vary", None, {"variations": 3}, "")

    assert said_again(whole, cut, clause) and read == [1]
