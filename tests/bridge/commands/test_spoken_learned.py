"""Issue 56 part I: on a recogniser's transcript the learned reading may stop a command, never start one.

pocketsphinx heard Flite's "mute the bass" as "new the bass" (a grammar sentence), and Whisper wrote the
same; the rules read "new the bass" as a new bass line, the retrained learned reading as "vary the bass"
(sure enough to overrule the rules on typed text), and the pair acted on "vary". Read as spoken
(``parse(..., voiced=True)``), only the rules' own op acts, and only where the learned reading does not
call the sentence "none" or "ask"; what the learned reading alone would give is asked about. Typed
sentences are read as before. The learned reading is given here as the head would give it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bridge.commands import parse, reader
from bridge.commands.agree import agreed, op_of
from bridge.commands.agreeing import LIMITS
from bridge.commands.confidence import Hearing, Reading
from bridge.commands.fast_whisper import Transcript
from bridge.commands.parser import parse as rules
from bridge.commands.spoken_agree import agree, heard_as
from bridge.commands.spoken_sure import whisper_sure
from tests.bridge.commands.test_spoken_agree import scorer

VARY = reader.Reading((("vary", 0.93), ("make", 0.03)))  # the head's reading of "new the bass"
UNSURE = reader.Reading((("ask", 0.34), ("unknown", 0.34), ("make", 0.1)))  # of "lead" (said: "play")


def _head(readings: dict[str, reader.Reading]) -> object:
    """The learned reading of each sentence: as given, else sure of the rules' own op."""

    def reading_of(text: str) -> reader.Reading:
        ours = op_of(rules(text)) or "none"
        return readings.get(text, reader.Reading(((ours, 0.95), ("ask", 0.02))))

    return reading_of


@pytest.fixture
def head(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "reading_of", _head({"new the bass": VARY, "lead": UNSURE}))


def test_a_transcript_the_learned_reading_alone_reads_as_a_command_is_asked_about() -> None:
    text = "new the bass"
    assert op_of(rules(text)) == "make"  # the rules: a new bass line; the learned reading: vary it
    typed = agreed(text, rules(text), VARY)
    assert (typed.action, typed.part) == ("vary", "bass")  # typed text as before
    said = agreed(text, rules(text), VARY, voiced=True)
    assert not said.understood
    assert any("vary" in tip for tip in said.params["suggestions"])  # still offered, as a question


def test_a_bare_part_the_learned_reading_calls_a_question_is_not_acted_on_when_heard() -> None:
    assert op_of(agreed("lead", rules("lead"), UNSURE)) == "make"  # typed: a melody is made
    said = agreed("lead", rules("lead"), UNSURE, voiced=True)
    assert not said.understood


def test_the_rules_op_the_learned_reading_finds_plausible_still_acts_when_heard() -> None:
    text = "make the hats busier"
    plausible = reader.Reading((("add", 0.4), ("busier", 0.35), ("make", 0.1)))
    assert op_of(agreed(text, rules(text), plausible, voiced=True)) == "busier"
    agreeing = reader.Reading((("mute", 0.99), ("solo", 0.01)))
    said = agreed("mute the bass", rules("mute the bass"), agreeing, voiced=True)
    assert (said.action, said.params) == ("mixer", {"do": "mute"})


@pytest.mark.usefixtures("head")
def test_the_pair_asks_where_both_recognisers_wrote_the_mishearing() -> None:
    sphinx = Hearing((Reading("new the bass", -2799.0), Reading("mute the bass", -3017.0)), frames=100)
    whisper = [Transcript(" new the bass,", -1.41), Transcript(" mute the bass,", -1.19)]
    scores = scorer({"new the bass": -1.08, "mute the bass": -1.24, "vary the bass line": -3.0})
    d, _ = agree(sphinx, whisper, scores, LIMITS)
    assert d.kind == "ask"
    assert {"do": "mute"} in [c.params for c in d.choices]
    main = replace(LIMITS, learned_starts=True, confirm_edits="off")  # before parts I and J
    before, _ = agree(sphinx, whisper, scores, main)
    assert (before.kind, before.intent.action) == ("act", "vary")  # main's decision acted on the mishearing
    checked, _ = agree(sphinx, whisper, scores, replace(main, confirm_edits="all"))  # part J alone
    assert (checked.kind, checked.intent.action) == ("confirm", "vary")  # said back: Whisper wrote "mute"


@pytest.mark.usefixtures("head")
def test_whispers_sure_gate_reads_its_transcripts_as_spoken() -> None:
    assert whisper_sure(["new the bass"], -0.1, -0.3) is None
    assert whisper_sure(["new the bass"], -0.1, -0.3, voiced=False) == {
        "action": "vary",
        "part": "bass",
        "params": {},
    }
    assert heard_as("new the bass", voiced=False).action == "vary"
    assert not heard_as("new the bass").understood
    assert parse("new the bass").action == "vary"  # typed


@pytest.mark.usefixtures("learned_reading")
def test_the_real_learned_reading_does_not_act_on_new_the_bass_when_heard() -> None:
    assert not heard_as("new the bass").understood
    assert heard_as("mute the bass").params == {"do": "mute"}
