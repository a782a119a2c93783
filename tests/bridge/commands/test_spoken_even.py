"""v83: the second decode (v82's ``again_prompt``) also told its commands in reverse order, acted on only where
both decisions land on one command (``again_even``): a prompt that leads Whisper to whichever command it names
first is no evidence. And the second decision parses and scores only the sentences new to the press.
Sentences, transcripts and scores written here, not the studio benchmark's."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from bridge.commands.agreeing import Agreeing
from bridge.commands.confidence import Hearing, Reading
from bridge.commands.fast_whisper import Transcript
from bridge.commands.intent import Intent
from bridge.commands.spoken_again import agree_again
from bridge.commands.spoken_agree import agree, heard_as
from tests.bridge.commands.test_spoken_again import GUESSED, ON, SPHINX, TABLE, Told, _Sphinx, _Whisper
from tests.bridge.commands.test_spoken_agree import scorer
from tests.bridge.commands.test_spoken_check import wrote
from tests.bridge.commands.test_spoken_heard import _dictionary  # noqa: F401 (the autouse fixture)

EVEN = replace(ON, again_even=True)


class FirstNamed(Told):
    """A second decode that writes the command it was told first when that is ``led``, else its own words."""

    def __init__(self, led: str) -> None:
        super().__init__()
        self.led = led

    def __call__(self, prompt: tuple[str, ...]) -> list[Transcript]:
        self.prompts.append(prompt)
        return [Transcript(f" {self.led}.", -0.4)] if prompt[0] == self.led else wrote(GUESSED)


def test_a_command_whisper_writes_only_when_told_it_first_is_asked_about() -> None:
    first, _ = agree(SPHINX, wrote(GUESSED), scorer(TABLE), EVEN)
    assert first.kind == "ask"
    led = FirstNamed("humanize the bass")
    d, _ = agree_again(SPHINX, wrote(GUESSED), scorer(TABLE), EVEN, led)
    assert d == first
    assert led.prompts == [
        ("humanize the bass", "humanize the keys"),
        ("humanize the keys", "humanize the bass"),
    ]
    d, said = agree_again(SPHINX, wrote(GUESSED), scorer(TABLE), ON, FirstNamed("humanize the bass"))
    assert (d.kind, said) == ("act", "humanize the bass")  # v82's rule alone takes it


def test_a_command_whisper_writes_in_both_orders_is_acted_on() -> None:
    rehear = Told("humanize the bass")
    d, said = agree_again(SPHINX, wrote(GUESSED), scorer(TABLE), EVEN, rehear)
    assert (d.kind, said) == ("act", "humanize the bass")
    assert rehear.prompts == [
        ("humanize the bass", "humanize the keys"),
        ("humanize the keys", "humanize the bass"),
    ]


def test_the_second_decision_scores_only_sentences_new_to_the_press() -> None:
    asked: list[str] = []
    table = {**TABLE, "mute the bass": -5.0}

    def score(sentences: list[str]) -> list[float]:
        asked.extend(sentences)
        return list(scorer(table)(sentences))

    agree_again(SPHINX, wrote(GUESSED), score, EVEN, Told("humanize the bass", "mute the bass"))
    assert " Mute the bass." in asked and len(asked) == len(
        set(asked)
    )  # each scored once over three decisions


def test_the_second_decision_parses_only_sentences_new_to_the_press(monkeypatch: pytest.MonkeyPatch) -> None:
    import bridge.commands.spoken_again as spoken_again

    read: list[str] = []

    def counted(text: str, voiced: bool = True) -> Intent:
        read.append(text)
        return heard_as(text, voiced)

    monkeypatch.setattr(spoken_again, "heard_as", counted)
    d, _ = agree_again(SPHINX, wrote(GUESSED), scorer(TABLE), EVEN, Told("humanize the bass"))
    assert d.kind == "act" and "humanize the keys" in read and len(read) == len(set(read))


def test_pocketsphinxs_lone_command_is_not_handed_to_whisper() -> None:
    """pocketsphinx read one command only: told it, Whisper writes it back; with no rival to name, no second decode."""
    lone = Hearing((Reading("humanize the bass", -3000.0),), 100)
    first, _ = agree(lone, wrote(GUESSED), scorer({**TABLE, "humanize the bass": -3.0}), EVEN)
    assert first.kind == "ask"
    rehear = Told("humanize the bass")
    d, _ = agree_again(lone, wrote(GUESSED), scorer({**TABLE, "humanize the bass": -3.0}), EVEN, rehear)
    assert d == first and rehear.prompts == []
    d, _ = agree_again(
        lone, wrote(GUESSED), scorer({**TABLE, "humanize the bass": -3.0}), ON, Told("humanize the bass")
    )
    assert d.kind in ("act", "confirm")  # v82's rule alone takes it


def test_a_prompted_transcript_whisper_is_less_sure_of_than_its_own_words_is_no_evidence() -> None:
    """Told the commands, Whisper writes "humanize the bass" in both orders, but less sure of it (-0.9) than of
    its own words (-0.5): the first question stays."""
    first, _ = agree(SPHINX, wrote(GUESSED), scorer(TABLE), EVEN)
    d, _ = agree_again(SPHINX, wrote(GUESSED), scorer(TABLE), EVEN, Told("humanize the bass", logprob=-0.9))
    assert d == first and first.kind == "ask"
    d, _ = agree_again(SPHINX, wrote(GUESSED), scorer(TABLE), ON, Told("humanize the bass", logprob=-0.9))
    assert d.kind == "act"  # v82's rule alone takes it


def test_the_daemons_pair_decodes_again_in_both_orders() -> None:
    """The daemon's own limits (``agreeing.LIMITS``): the second decode on, with v83's checks."""
    fake = _Whisper()
    pair = Agreeing(_Sphinx(), fake)  # type: ignore[arg-type]
    decision = pair.decide(pair._judge(np.zeros(16000, np.int16), "humanize the bass"))
    assert decision is not None and decision.kind == "act"
    assert fake.again.prompts == [
        ("humanize the bass", "humanize the keys"),
        ("humanize the keys", "humanize the bass"),
    ]
