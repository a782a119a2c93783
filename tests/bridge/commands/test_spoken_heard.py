"""v73: a song change both recognisers heard is done at once: pocketsphinx's best reading is the command,
one of Whisper's transcripts that sounds like it reads as it, and none reads as another command (a
transcript that reads as no command is Whisper's guess at the sound, not a second command). Sentences
and transcripts written here, not the studio benchmark's."""

from __future__ import annotations

import importlib.util
from dataclasses import replace
from typing import Any

import pytest

from bridge.commands import parse
from bridge.commands.agreeing import LIMITS
from bridge.commands.confidence import Decision, Hearing, Reading
from bridge.commands.safety import spoken
from bridge.commands.sounds import distance
from bridge.commands.spoken_agree import agree
from bridge.commands.spoken_check import SAME_WORDS, checked, heard_alike, is_check
from tests.bridge.commands.test_spoken_agree import scorer
from tests.bridge.commands.test_spoken_check import wrote
from tests.conftest import missing


@pytest.fixture(autouse=True)
def _dictionary() -> None:
    if importlib.util.find_spec("pocketsphinx") is None:  # the phones come from its dictionary
        missing("pocketsphinx (its US-English dictionary gives the phones) is not installed")


def read(*texts: str) -> list[tuple[str, Any]]:
    return [(t, spoken(parse(t, True))) for t in texts]


def act(text: str) -> tuple[Decision, tuple[str, Any]]:
    intent = spoken(parse(text, True))
    return Decision("act", intent), (text, intent)


@pytest.mark.parametrize(
    ("sphinx", "transcripts"),
    [
        ("quantize the bass", ("quantize the bass", "when ties the bass")),  # the best is it, a later none
        ("humanize the chords", ("human eyes the chords", "humanize the chords")),  # a later one is it
        ("make a funk drum groove", ("make a fun drum groove",)),  # it, snapped to the grammar's words
    ],
)
def test_an_edit_both_heard_is_done_at_once(sphinx: str, transcripts: tuple[str, ...]) -> None:
    decision, best = act(sphinx)
    assert checked(decision, best, read(*transcripts), "heard") is decision
    assert is_check(checked(decision, best, read(*transcripts), "all"))  # part J's rule said it back
    assert LIMITS.confirm_edits == "heard"


@pytest.mark.parametrize(
    ("sphinx", "transcripts"),
    [
        ("quantize the bass", ("quantize the bass", "humanize the bass")),  # Whisper also wrote another
        ("make a funk drum groove", ("make a drum groove",)),  # another command: no genre
        ("humanize the chords", ("human eyes the chords",)),  # sounds alike, but reads as no command
        ("kill the chords", ("erase the chords",)),  # the same command in other words: not heard alike
    ],
)
def test_an_edit_not_heard_alike_is_still_said_back(sphinx: str, transcripts: tuple[str, ...]) -> None:
    decision, best = act(sphinx)
    assert is_check(checked(decision, best, read(*transcripts), "heard"))


def test_other_words_for_the_same_command_are_too_far_apart() -> None:
    assert distance("erase the chords", "kill the chords") > SAME_WORDS
    assert distance("make a fun drum groove", "make a funk drum groove") <= SAME_WORDS


def test_pocketsphinx_must_read_the_command_itself() -> None:
    decision, _ = act("quantize the bass")
    other = ("humanize the bass", spoken(parse("humanize the bass", True)))
    assert is_check(checked(decision, other, read("quantize the bass"), "heard"))
    assert is_check(checked(decision, None, read("quantize the bass"), "heard"))
    assert not heard_alike(decision.intent.as_dict(), ("when ties", spoken(parse("when ties", True))), [])
    assert is_check(checked(decision, ("quantize the bass", decision.intent), [], "heard"))  # Whisper: none


def test_the_pair_does_at_once_what_both_heard() -> None:
    sphinx = Hearing(
        (Reading("quantize the bass", -3000.0), Reading("humanize the bass", -3200.0)), frames=100
    )
    table = {"quantize the bass": -0.4, "humanize the bass": -1.6, "when ties the bass": -0.6}
    heard = wrote("quantize the bass", "when ties the bass")
    d, said = agree(sphinx, heard, scorer(table), LIMITS)
    assert (d.kind, d.intent.params, said) == ("act", {"kind": "quantize"}, "quantize the bass")
    before = agree(sphinx, heard, scorer(table), replace(LIMITS, confirm_edits="all"))[0]
    assert is_check(before)  # part J's rule: Whisper's second transcript reads as no command
