"""v58a: where the pair would ask, the command Whisper scores far ahead (``whisper_lead``) acts when
pocketsphinx heard it too (among its readings, not its best); a song change is said back, a command with
a number or a key, or one only Whisper proposed, is still asked about."""

from __future__ import annotations

import importlib.util
from dataclasses import replace

import pytest

from bridge.commands.agreeing import LIMITS as DAEMON
from bridge.commands.confidence import Hearing, Reading
from bridge.commands.fast_whisper import Transcript
from bridge.commands.spoken_agree import agree
from tests.bridge.commands.test_spoken_agree import scorer
from tests.conftest import missing

LIMITS = replace(DAEMON, whisper_lead=2.0)  # the rule as measured (off in the daemon)
BEFORE = replace(LIMITS, whisper_lead=-1.0)  # the pair before v58a, the daemon's
NOTHING = [Transcript(" Thank you.", -0.9)]  # Whisper's words, no command (nor like one in sounds)


@pytest.fixture(autouse=True)
def _dictionary() -> None:
    if importlib.util.find_spec("pocketsphinx") is None:  # the sounds rule (part G) runs first
        missing("pocketsphinx (its US-English dictionary gives the phones) is not installed")


def heard(*texts: str) -> Hearing:
    """pocketsphinx's readings, its best first, 1 a frame apart."""
    return Hearing(tuple(Reading(t, -3000.0 - 100.0 * n) for n, t in enumerate(texts)), frames=100)


def test_whisper_far_ahead_on_pocketsphinxs_second_reading_is_said_back() -> None:
    sphinx = heard("quantize the keys", "quantize the bass line")
    scores = scorer({"quantize the bass line": -1.1, "quantize the keys": -3.3, "thank you": -0.8})
    d, said = agree(sphinx, NOTHING, scores, LIMITS)
    assert (d.kind, d.intent.part, d.intent.params.get("kind"), said) == (
        "confirm",
        "bass",
        "quantize",
        "quantize the bass line",
    )
    assert "pocketsphinx heard 'quantize the keys'" in d.why  # the read-back names the disagreement
    acted, _ = agree(sphinx, NOTHING, scores, replace(LIMITS, confirm_edits="off"))  # before part J
    assert (acted.kind, acted.intent.part) == ("act", "bass")
    before, _ = agree(sphinx, NOTHING, scores, BEFORE)
    assert before.kind == "ask" and {c.part for c in before.choices} == {"bass", "chords"}


def test_a_command_that_keeps_the_song_acts_at_once() -> None:
    d, _ = agree(
        heard("play", "stop"), NOTHING, scorer({"stop": -0.9, "play": -3.2, "thank you": -0.7}), LIMITS
    )
    assert (d.kind, d.intent.action) == ("act", "stop")
    assert (
        agree(heard("play", "stop"), NOTHING, scorer({"stop": -0.9, "play": -3.2}), BEFORE)[0].kind == "ask"
    )


def test_a_lead_short_of_the_limit_asks() -> None:
    sphinx = heard("quantize the keys", "quantize the bass line")
    near = LIMITS.whisper_lead - 0.1
    scores = scorer({"quantize the bass line": -1.1, "quantize the keys": -1.1 - near, "thank you": -0.8})
    assert agree(sphinx, NOTHING, scores, LIMITS)[0].kind == "ask"


def test_a_lead_on_a_command_with_a_number_asks() -> None:
    """ "two" and "three" are a phone apart: Whisper's scores alone never choose the number."""
    sphinx = heard("transpose up three semitones", "transpose up two semitones")
    scores = scorer(
        {"transpose up two semitones": -1.0, "transpose up three semitones": -3.6, "thank you": -0.8}
    )
    d, _ = agree(sphinx, NOTHING, scores, LIMITS)
    assert d.kind == "ask" and {c.params.get("semitones") for c in d.choices} == {2, 3}


def test_whisper_far_ahead_on_a_command_pocketsphinx_did_not_hear_is_not_acted_on() -> None:
    """Whisper's own transcript, pocketsphinx reading no command: Whisper alone never acts (issue 56
    part F), however far ahead; nor where pocketsphinx's only reading trails it."""
    wrote = [Transcript(" Quantize the bass line.", -0.9)]
    scores = scorer({"quantize the bass line": -0.9, "quantize the keys": -4.0})
    alone, _ = agree(Hearing((), frames=100), wrote, scores, LIMITS)
    assert alone.kind != "act" and alone.why.startswith("pocketsphinx did not hear")
    trailing, _ = agree(heard("quantize the keys"), wrote, scores, LIMITS)
    assert trailing.kind == "ask" and "Whisper heard 'quantize the bass line'" in trailing.why
