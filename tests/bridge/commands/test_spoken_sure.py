"""Issue 56 part H: where the pair would ask, Whisper's own command acts when Whisper is sure of it (its
best transcript's own log-probability at or above ``whisper_sure``, every transcript that one command);
when it is less sure, or its transcripts read otherwise, the pair still asks."""

from __future__ import annotations

import importlib.util
from dataclasses import replace

import pytest

from bridge.commands.agreeing import LIMITS
from bridge.commands.confidence import Hearing, Reading
from bridge.commands.fast_whisper import Transcript
from bridge.commands.spoken_agree import agree
from bridge.commands.spoken_sure import whisper_sure
from tests.bridge.commands.test_spoken_agree import scorer
from tests.conftest import missing

UNSURE = replace(LIMITS, whisper_sure=1.0)  # the pair before part H
# pocketsphinx reads "busier" a little ahead of "simpler" (0.5 a frame), so the pair cannot act on either
SPHINX = Hearing(
    (Reading("make the chords busier", -3000.0), Reading("make the chords simpler", -3050.0)), frames=100
)
SCORES = scorer({"make the chords simpler": -0.2, "make the chords busier": -1.5, "thank you": -0.9})


@pytest.fixture(autouse=True)
def _dictionary() -> None:
    if importlib.util.find_spec("pocketsphinx") is None:  # the sounds rule (part G) runs first
        missing("pocketsphinx (its US-English dictionary gives the phones) is not installed")


def wrote(logprob: float, *texts: str) -> list[Transcript]:
    return [Transcript(f" {t[:1].upper()}{t[1:]}.", logprob - 0.05 * n) for n, t in enumerate(texts)]


def test_whisper_sure_of_the_one_command_it_wrote_acts() -> None:
    heard = wrote(-0.2, "make the chords simpler", "make the chords simpler")
    d, said = agree(SPHINX, heard, SCORES, replace(LIMITS, confirm_edits="off"))  # before part J
    assert (d.kind, d.intent.params.get("what"), said) == ("act", "complexity", "make the chords simpler")
    checked, _ = agree(SPHINX, heard, SCORES, LIMITS)  # pocketsphinx's best is "busier": said back
    assert checked.kind == "confirm" and "pocketsphinx heard 'make the chords busier'" in checked.why
    before, _ = agree(SPHINX, heard, SCORES, UNSURE)
    assert before.kind == "ask" and "pocketsphinx heard 'make the chords busier'" in before.why


def test_whisper_less_sure_than_the_limit_asks_though_its_words_read_as_a_command() -> None:
    unsure = LIMITS.whisper_sure - 0.1
    d, _ = agree(SPHINX, wrote(unsure, "make the chords simpler", "make the chords simpler"), SCORES, LIMITS)
    assert d.kind == "ask" and d.choices
    assert {c.params.get("what") for c in d.choices} == {"complexity", "density"}


def test_whisper_sure_but_writing_two_commands_or_one_that_is_none_asks() -> None:
    two = wrote(-0.1, "make the chords simpler", "make the chords busier")
    assert agree(SPHINX, two, SCORES, LIMITS)[0].kind == "ask"
    none = wrote(-0.1, "make the chords simpler", "thank you")
    assert agree(SPHINX, none, SCORES, LIMITS)[0].kind == "ask"


def test_the_gate_reads_every_transcript_and_the_limit() -> None:
    simpler = {"action": "adjust", "part": "chords", "params": {"what": "complexity", "direction": "down"}}
    assert whisper_sure(["make the chords simpler", "make the chords simpler"], -0.3, -0.3) == simpler
    assert whisper_sure(["make the chords simpler"], -0.31, -0.3) is None
    assert whisper_sure(["make the chords simpler"], -0.1, 1.0) is None  # off: never sure
    assert whisper_sure([], -0.1, -0.3) is None
