"""v82: where the pair asks and Whisper wrote no command, Whisper decodes the same audio again told the grammar's
best candidates, and the pair decides on those transcripts: acted on only where the forced scores (decoded
without the prompt) win clearly; a second question or refusal keeps the first question; Whisper's confidence
in a sentence it was handed (part H) does not count. Sentences, transcripts and scores written here, not the
studio benchmark's; the real tiny.en decodes again in the last test."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from bridge.commands.agreeing import LIMITS, Agreeing
from bridge.commands.audio import read_speech_wav
from bridge.commands.confidence import Hearing, Reading
from bridge.commands.fast_whisper import Transcript, clean
from bridge.commands.spoken_again import agree_again, second_limits, told
from bridge.commands.spoken_agree import Candidate, agree, heard_as
from tests.bridge.commands.test_speech import speak
from tests.bridge.commands.test_spoken_agree import scorer, whisper  # noqa: F401 (the model fixture)
from tests.bridge.commands.test_spoken_check import wrote
from tests.bridge.commands.test_spoken_heard import _dictionary  # noqa: F401 (the autouse fixture)

ON = replace(LIMITS, again_prompt=2, again_even=False)  # v82's rule alone (v83's checks: test_spoken_even.py)
SPHINX = Hearing((Reading("humanize the bass", -3000.0), Reading("humanize the keys", -3100.0)), 100)
GUESSED = "soon man nice the place"  # Whisper's words: no command, far in sound from pocketsphinx's
TABLE = {GUESSED: -0.6, "humanize the bass": -1.8, "humanize the keys": -4.0}


class Told:
    """A second decode that writes ``texts`` and keeps each prompt it was given."""

    def __init__(self, *texts: str, logprob: float = -0.5) -> None:
        self.texts, self.logprob, self.prompts = texts, logprob, list[tuple[str, ...]]()

    def __call__(self, prompt: tuple[str, ...]) -> list[Transcript]:
        self.prompts.append(prompt)
        return [
            Transcript(f" {t[:1].upper()}{t[1:]}.", self.logprob - 0.1 * n) for n, t in enumerate(self.texts)
        ]


def test_the_question_is_decoded_again_and_acted_on_where_the_scores_win() -> None:
    assert not heard_as(GUESSED).understood
    first, _ = agree(SPHINX, wrote(GUESSED), scorer(TABLE), ON)
    assert first.kind == "ask" and "Whisper hears no command well" in first.why
    rehear = Told("humanize the bass")
    d, said = agree_again(SPHINX, wrote(GUESSED), scorer(TABLE), ON, rehear)
    assert (d.kind, said) == ("act", "humanize the bass")
    assert rehear.prompts == [("humanize the bass", "humanize the keys")]  # pocketsphinx's n-best, its order
    off = Told("humanize the bass")
    d, _ = agree_again(SPHINX, wrote(GUESSED), scorer(TABLE), replace(LIMITS, again_prompt=0), off)
    assert d == first and off.prompts == []  # off: no second decode, the question as before


def test_the_first_question_stays_where_the_forced_scores_still_prefer_whispers_own_words() -> None:
    """The prompted decode writes the command, but also its first words again, which score higher."""
    first, _ = agree(SPHINX, wrote(GUESSED), scorer(TABLE), ON)
    d, _ = agree_again(SPHINX, wrote(GUESSED), scorer(TABLE), ON, Told("humanize the bass", GUESSED))
    assert d == first
    d, _ = agree_again(SPHINX, wrote(GUESSED), scorer(TABLE), ON, Told(GUESSED))  # nothing new: asked
    assert d == first


def test_not_decoded_again_where_whisper_wrote_a_command_or_the_pair_acts() -> None:
    rehear = Told("humanize the bass")
    table = {**TABLE, "humanize the keys": -0.3}
    d, _ = agree_again(SPHINX, wrote("humanize the keys"), scorer(table), ON, rehear)
    assert d.kind == "ask" and rehear.prompts == []  # Whisper wrote a command: its disagreement stands
    d, _ = agree_again(SPHINX, wrote("humanize the bass"), scorer({**TABLE, "humanize the bass": -0.4}), ON, rehear)  # fmt: skip
    assert d.kind == "act" and rehear.prompts == []


def test_whispers_confidence_in_a_sentence_it_was_handed_acts_on_nothing() -> None:
    """Told "humanize the keys", Whisper writes it with a high log-probability: part H would act on it
    (the pair as it decides a first decode does: the keys read back); the second decision leaves part H out, and asks."""
    table = {**TABLE, "humanize the keys": -1.7}
    prompted = Told("humanize the keys", logprob=-0.05)
    as_first, _ = agree(SPHINX, prompted(()), scorer(table), replace(ON, again_prompt=0))
    assert (
        as_first.kind in ("act", "confirm") and as_first.intent.part == "chords"
    )  # the keys, done or read back
    assert second_limits(ON).whisper_sure > 0 and second_limits(ON).sounds_within < 0
    first, _ = agree(SPHINX, wrote(GUESSED), scorer(table), ON)
    d, _ = agree_again(SPHINX, wrote(GUESSED), scorer(table), ON, prompted)
    assert d == first and first.kind == "ask" and prompted.prompts


def test_the_prompt_is_pocketsphinxs_commands_by_its_score_then_the_learned_readings_suggestions() -> None:
    def c(text: str, scored: float, sphinx: float | None = None, guess: bool = False) -> Candidate:
        return Candidate(heard_as(text), text, scored, sphinx, guess=guess)

    found = [  # as ``candidates`` sorts them: Whisper's likeliest first
        c("mute the keys", -0.2, -2100.0),
        c("mute the drums", -1.0, guess=True),
        c(GUESSED, -1.1),  # no command
        c("mute the bass", -2.0, guess=True),
        c("humanize the bass", -2.5),  # Whisper's snapped words: neither pocketsphinx's nor a suggestion
        c("mute the chords", -3.0, -2000.0),
    ]
    assert told(found, 4) == ("mute the chords", "mute the keys", "mute the drums", "mute the bass")
    assert told(found, 2) == ("mute the chords", "mute the keys") and told(found, 0) == ()


class _Sphinx:
    last_hearing = SPHINX


class _Whisper:
    """What the daemon's pair asks of Whisper, answered from ``TABLE``; the second decode writes the command."""

    def __init__(self) -> None:
        self.again = Told("humanize the bass")

    def hear(self, audio: Any, prompt: tuple[str, ...]) -> list[Transcript]:
        return wrote(GUESSED)

    def score(self, sentences: list[str]) -> list[float]:
        return list(scorer(TABLE)(sentences))

    def hear_again(self, words: tuple[str, ...]) -> list[Transcript]:
        return self.again(words)


def test_the_daemons_pair_decodes_again_through_its_whisper() -> None:
    fake = _Whisper()
    pair = Agreeing(_Sphinx(), fake, ON)  # type: ignore[arg-type]
    said = pair._judge(np.zeros(16000, np.int16), "humanize the bass")
    decision = pair.decide(said)
    assert decision is not None and decision.kind == "act" and fake.again.prompts


def test_tiny_en_decodes_the_last_utterance_again_with_another_prompt(whisper: Any, tmp_path: Path) -> None:  # noqa: F811
    """``hear_again`` keeps the encoding: the same transcripts as ``hear`` told the same words."""
    audio = read_speech_wav(speak("humanize the bass", tmp_path))
    told_words = ("humanize the bass", "humanize the keys")
    whisper.hear(audio, ("drums, chords",))
    again = whisper.hear_again(told_words)
    assert again == whisper.hear(audio, told_words)
    assert "humanize" in clean(again[0].text) or "bass" in clean(again[0].text)
