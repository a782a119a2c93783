"""Knowing when a spoken command is unsure (issue 35): decisions from a recogniser's scores, and the
question flow of /roo/voice/stop (act on "yes", "the first", "the second"; nothing on "no")."""

from __future__ import annotations

import asyncio
from typing import Any, cast

import pytest

from bridge.actions.intents import voice
from bridge.commands.confidence import Hearing, Limits, Reading, answer, decide, needs_read_back
from bridge.commands.parser import parse
from bridge.commands.speech import Heard
from bridge.commands.trust import TRUST_AFTER

LIMITS = Limits(margin=2.0, fit=-50.0, posterior=0.5)


def hearing(*readings: tuple[str, float], fit: float = -30.0, **kw: Any) -> Hearing:
    return Hearing(tuple(Reading(t, s) for t, s in readings), frames=100, fit=fit, **kw)


def test_a_reading_clearly_ahead_is_acted_on() -> None:
    d = decide(hearing(("double time the drums", -1000.0), ("tone down the drums", -1500.0)), LIMITS)
    assert (d.kind, d.intent.params["kind"], d.question) == ("act", "double_time", "")


def test_two_close_readings_are_offered_in_order() -> None:
    d = decide(hearing(("double time the drums", -1000.0), ("a little tone down drums", -1100.0)), LIMITS)
    assert d.kind == "ask"
    assert [c.heard for c in d.choices] == ["double time the drums", "a little tone down drums"]
    assert d.question.startswith("did you mean 'double time the drums' or 'a little tone down drums'?")


def test_readings_of_one_intent_count_once_and_the_margin_is_to_the_next_intent() -> None:
    # "the drums" / "drums" are one intent: the margin is measured to "tone down", far behind
    d = decide(
        hearing(
            ("double time the drums", -1000.0),
            ("double time drums", -1010.0),
            ("tone down the drums", -1600.0),
        ),
        LIMITS,
    )
    assert d.kind == "act"


@pytest.mark.parametrize(
    "sentence",
    [
        "set the key to f sharp minor",
        "tempo one hundred twenty",
        "split the stems",
        "start a jam in a minor",
        "make a bass line in d minor",
        "transpose to d",
        "replace the drums",  # overwrites a clip: said back however sure the reading
    ],
)
def test_key_tempo_scale_and_long_jobs_are_said_back_before_they_run(sentence: str) -> None:
    d = decide(hearing((sentence, -1000.0)), LIMITS)
    assert (d.kind, d.choices[0].heard) == ("confirm", sentence)
    assert d.question == f"{sentence}: say yes to do it, or no"
    assert needs_read_back(parse(sentence))
    assert not needs_read_back(parse("make the drums busier"))


def test_an_unsure_deciding_word_asks_even_when_ahead() -> None:
    h = hearing(("generate some ambient bass line", -1000.0), ("generate some reggae bass line", -1900.0),
                posteriors={"generate": 0.9, "ambient": 0.3, "bass": 0.9, "line": 0.9})  # fmt: skip
    d = decide(h, LIMITS)
    assert d.kind == "ask" and "unsure of 'ambient'" in d.why
    assert [c.params.get("genre") for c in d.choices] == ["ambient", "reggae"]
    filler_unsure = hearing(("generate some ambient bass line", -1000.0), posteriors={"some": 0.1})
    assert decide(filler_unsure, LIMITS).kind == "act"  # "some" decides nothing


def test_a_poor_fit_or_disagreeing_searches_ask() -> None:
    assert decide(hearing(("make the drums busier", -1000.0), fit=-60.0), LIMITS).kind == "ask"
    disagree = hearing(("undo", -1000.0), ("flute and a flute", -1300.0), searches_agree=False)
    d = decide(disagree, LIMITS)
    assert d.kind == "ask" and [c.heard for c in d.choices] == ["undo"]  # the other is no command
    assert d.question == "did you mean 'undo'? Say yes or no"


def test_no_command_among_the_readings_is_refused_and_sound_words_never_reach_musicgen() -> None:
    d = decide(hearing(("flute and a flute", -1000.0), ("dark ambient drone", -1100.0)), LIMITS)
    assert d.kind == "refuse" and not d.intent.understood and d.choices == ()
    assert decide(hearing(), LIMITS).kind == "refuse"


def test_a_recogniser_without_scores_acts_as_before() -> None:
    assert decide(Hearing.plain("make the drums busier"), LIMITS).kind == "act"
    assert decide(Hearing.plain("tempo ninety"), LIMITS).kind == "confirm"


@pytest.mark.parametrize(
    ("said", "count", "picked"),
    [("yes", 2, 0), ("the first", 2, 0), ("the second", 2, 1), ("second", 2, 1), ("the second", 1, None),
     ("no", 2, None), ("make the drums busier", 2, None), ("okay", 1, 0)],
)  # fmt: skip
def test_answers_pick_a_reading(said: str, count: int, picked: int | None) -> None:
    assert answer(said, count) == picked


class _App:
    def __init__(self) -> None:
        self.results: list[tuple[str, dict[str, Any]]] = []

    def result(self, client: Any, job_id: int, kind: str, payload: dict[str, Any]) -> None:
        self.results.append((kind, payload))


class _Job:
    client = None
    id = 1


@pytest.fixture
def executed(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> list[tuple[str, str]]:
    done: list[tuple[str, str]] = []
    # the voice's trust is kept beside the voice state: a folder of this test's own
    monkeypatch.setattr(voice, "default_state_path", lambda: tmp_path / "voice-state.json")

    async def execute(app: Any, job: Any, intent: Any, *, source: str) -> str:
        done.append((intent.heard, source))
        return f'heard "{intent.heard}": done'

    monkeypatch.setattr(voice.command, "execute", execute)
    return done


def press(app: _App, h: Hearing) -> str:
    d = decide(h, LIMITS)
    return asyncio.run(voice.respond(app, _Job(), Heard(h.transcript, d.intent, 1.0, "test", d)))  # type: ignore[arg-type]


def test_a_question_waits_and_the_second_reading_is_done_on_the_second(
    executed: list[tuple[str, str]],
) -> None:
    app = _App()
    said = press(app, hearing(("double time the drums", -1000.0), ("tone down the drums", -1100.0)))
    assert "did you mean 'double time the drums' or 'tone down the drums'" in said and executed == []
    assert app.results[-1][0] == "intent"  # every press reports what it heard
    press(app, hearing(("the second", -100.0)))
    assert executed == [("tone down the drums", "voice (answered)")]


def test_a_read_back_runs_on_yes_and_no_drops_it(executed: list[tuple[str, str]]) -> None:
    app = _App()
    assert "set the key to e minor: say yes" in press(app, hearing(("set the key to e minor", -1000.0)))
    press(app, hearing(("yes", -100.0)))
    assert executed == [("set the key to e minor", "voice (answered)")]
    press(app, hearing(("tempo ninety", -1000.0)))
    said = press(app, hearing(("no", -100.0)))
    assert "'tempo ninety' was not done" in said and len(executed) == 1


def test_a_new_command_instead_of_an_answer_drops_the_question(executed: list[tuple[str, str]]) -> None:
    app = _App()
    voice.trust(cast(Any, app)).streak = TRUST_AFTER + 1  # a voice heard right before: sure commands are done
    press(app, hearing(("double time the drums", -1000.0), ("tone down the drums", -1100.0)))
    press(app, hearing(("make the bass busier", -1000.0)))
    assert voice.trust(cast(Any, app)).streak == 0  # the question's readings were not it
    assert executed == []  # so the new command is said back, not done
    press(app, hearing(("yes", -100.0)))
    assert executed == [("make the bass busier", "voice (answered)")]
    voice.trust(cast(Any, app)).streak = TRUST_AFTER  # nothing waiting, a voice heard right: done at once
    press(app, hearing(("make the bass busier", -1000.0)))
    assert executed[-1] == ("make the bass busier", "voice")
    press(app, hearing(("yes", -100.0)))  # nothing is waiting here now: /roo/command answers it
    assert executed[-1] == ("yes", "voice")


def test_a_second_decode_that_disagrees_turns_a_sure_reading_into_a_question() -> None:
    sure = hearing(("generate some ambient bass line", -1000.0))
    assert decide(sure, LIMITS, "generate some ambient bass line").kind == "act"
    d = decide(sure, LIMITS, "generate some reggae bassline")
    assert d.kind == "ask" and [c.params.get("genre") for c in d.choices] == ["ambient", "reggae"]
    assert "decoded again" in d.why
    # the second decode finds a command where the first found none: offered alone
    d = decide(hearing(("flute and a flute", -1000.0)), LIMITS, "split the stems")
    assert d.kind == "ask" and [c.heard for c in d.choices] == ["split the stems"]
    # a second decode that is no command still makes a sure reading unsure
    assert decide(sure, LIMITS, "flute and a flute").kind == "ask"
