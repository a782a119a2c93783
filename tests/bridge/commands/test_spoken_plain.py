"""v85: where pocketsphinx read one command and Whisper's best transcript is a whole grammar sentence of
another that its forced scores put ahead, Whisper's command acts (``AgreeLimits.plain_margin``); still asked
where Whisper's words read as the command only through words passed over, where Whisper also wrote another
command, where the command carries a value, where a rival scores near, or where pocketsphinx read none.
Sentences, transcripts and scores written here, not the studio benchmark's."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bridge.commands.agreeing import LIMITS
from bridge.commands.confidence import Hearing, Reading
from bridge.commands.sphinx_scores import in_grammar
from bridge.commands.spoken_again import second_limits
from bridge.commands.spoken_agree import Candidate, agree, heard_as
from bridge.commands.spoken_plain import plain_written
from tests.bridge.commands.test_spoken_agree import scorer
from tests.bridge.commands.test_spoken_check import wrote

MARGIN = 0.5
SPHINX = Hearing((Reading("make a metal beat", -3000.0), Reading("make a disco beat", -3300.0)), 100)
TABLE = {
    "reverse the chords": -0.6,
    "reverse the chord": -0.9,
    "make a metal beat": -3.5,
    "make a disco beat": -3.9,
}


def candidate(text: str, whisper: float, sphinx: float | None = None) -> Candidate:
    return Candidate(heard_as(text), text, whisper, sphinx)


def test_whisper_s_plain_sentence_acts_where_the_pair_asked() -> None:
    heard = wrote("reverse the chords", "reverse the chord")
    assert in_grammar("reverse the chords")  # what the rule is about: every word one pocketsphinx could read
    off, _ = agree(SPHINX, heard, scorer(TABLE), replace(LIMITS, plain_margin=-1.0))
    assert off.kind == "ask"
    d, said = agree(SPHINX, heard, scorer(TABLE), replace(LIMITS, plain_margin=MARGIN))
    assert (d.kind, d.intent.action, d.intent.part, d.intent.params.get("kind")) == (
        "act",
        "transform",
        "chords",
        "retrograde",
    )
    assert said == "reverse the chords"


@pytest.mark.parametrize(
    ("transcripts", "table"),
    [
        (("reverse the chords and",), {"reverse the chords and": -0.5}),  # a word no grammar sentence has
        (("undo that", "cancel that"), {"undo that": -0.5, "cancel that": -2.0}),  # two commands written
        (("transpose down three semitones",), {"transpose down three semitones": -0.5}),  # a value
        (("reverse the chords",), {"reverse the chords": -0.6, "make a metal beat": -0.9}),  # a rival near
    ],
)
def test_still_asked(transcripts: tuple[str, ...], table: dict[str, float]) -> None:
    scores = scorer({**TABLE, **table})
    d, _ = agree(SPHINX, wrote(*transcripts), scores, replace(LIMITS, plain_margin=MARGIN))
    assert d.kind == "ask", transcripts
    assert heard_as(transcripts[0]).understood  # Whisper's best reads as a command, not pocketsphinx's


def test_a_sentence_read_only_through_words_passed_over_is_not_plain() -> None:
    assert heard_as("reverse the chords and").as_dict() == heard_as("reverse the chords").as_dict()
    assert not in_grammar("reverse the chords and")


def test_the_command_must_be_whisper_s_best_and_pocketsphinx_s_another() -> None:
    mine = candidate("reverse the chords", -0.6)
    metal = candidate("make a metal beat", -3.5, -3000.0)
    commands = [mine, metal]
    assert plain_written(["reverse the chords"], commands, metal, MARGIN) is mine
    assert plain_written(["reverse the chords"], commands, metal, -1.0) is None  # off
    assert (
        plain_written(["river sick chords", "reverse the chords"], commands, metal, MARGIN) is None
    )  # second
    assert plain_written(["reverse the chords"], commands, None, MARGIN) is None  # pocketsphinx read none
    same = candidate("reverse the chords", -0.6, -3000.0)  # pocketsphinx read it: the pair's own rules
    assert plain_written(["reverse the chords"], [same], same, MARGIN) is None
    assert plain_written(["reverse the chords"], [metal], metal, MARGIN) is None  # not among the candidates


def test_the_second_decode_cannot_lend_it() -> None:
    """A sentence Whisper was told (``spoken_again``) is a grammar sentence by construction: no evidence."""
    on = replace(LIMITS, plain_margin=MARGIN)
    assert second_limits(on).plain_margin < 0
    told = wrote("reverse the chords")
    d, _ = agree(SPHINX, told, scorer(TABLE), second_limits(on))
    assert d.kind == "ask"
