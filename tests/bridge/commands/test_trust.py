"""A voice earns trust (issue 35): sure readings are said back until readings were confirmed as heard
``TRUST_AFTER`` times in a row; a correction starts the count again; the count survives a restart."""

from __future__ import annotations

import asyncio
import json
import logging
from pathlib import Path

import pytest

from bridge.actions.intents import voice
from bridge.commands.confidence import Decision, Hearing, Limits, Reading, decide
from bridge.commands.parser import parse
from bridge.commands.speech import Heard
from bridge.commands.trust import TRUST_AFTER, TRUST_FILE, UNDO_WINDOW_S, Trust, read_trust
from tests.bridge.commands.test_confidence import _App, _Job

LIMITS = Limits(margin=2.0, fit=-50.0, posterior=0.5)


def say(app: _App, *readings: tuple[str, float]) -> str:
    h = Hearing(tuple(Reading(t, s) for t, s in readings), frames=100, fit=-30.0)
    d = decide(h, LIMITS)
    return asyncio.run(voice.respond(app, _Job(), Heard(h.transcript, d.intent, 1.0, "test", d)))  # type: ignore[arg-type]


def test_a_new_voice_has_sure_commands_said_back_until_it_is_heard_right_enough(
    executed: list[tuple[str, str]], tmp_path: Path
) -> None:
    app = _App()
    for n in range(TRUST_AFTER):
        said = say(app, ("make the drums busier", -1000.0))
        assert said.startswith('heard "make the drums busier": make the drums busier: say yes to do it')
        assert f"({n} so far)" in said and len(executed) == n
        say(app, ("yes", -100.0))
        assert executed[-1] == ("make the drums busier", "voice (answered)")
    assert voice.trust(app).trusted
    assert json.loads((tmp_path / TRUST_FILE).read_text()) == {"streak": TRUST_AFTER}
    say(app, ("make the drums busier", -1000.0))  # now done at once
    assert executed[-1] == ("make the drums busier", "voice") and len(executed) == TRUST_AFTER + 1
    # a key change is still said back, however trusted the voice
    assert "say yes" in say(app, ("set the key to e minor", -1000.0))


def test_trust_takes_eight_confirmed_readings_not_fewer(executed: list[tuple[str, str]]) -> None:
    # the number itself is the rule (docs/benchmarks/voice.md): seven are not enough
    app = _App()
    for _ in range(7):
        say(app, ("make the drums busier", -1000.0))
        say(app, ("yes", -100.0))
    said = say(app, ("make the drums busier", -1000.0))
    assert "said back until this voice is heard right 8 times in a row (7 so far)" in said, said
    assert len(executed) == 7 and not voice.trust(app).trusted
    say(app, ("yes", -100.0))
    assert voice.trust(app).trusted


@pytest.mark.parametrize(
    ("answer", "streak"), [("yes", 4), ("the first", 4), ("the second", 0), ("no", 0), ("make it calmer", 0)]
)
def test_answers_move_the_count(executed: list[tuple[str, str]], answer: str, streak: int) -> None:
    app = _App()
    voice.trust(app).streak = 3
    said = say(app, ("double time the drums", -1000.0), ("tone down the drums", -1100.0))
    assert "did you mean" in said
    say(app, (answer, -100.0))
    assert voice.trust(app).streak == streak


def test_an_undo_soon_after_a_command_done_by_voice_starts_the_count_again(
    executed: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = _App()
    voice.trust(app).streak = TRUST_AFTER + 2
    say(app, ("make the bass busier", -1000.0))
    assert executed == [("make the bass busier", "voice")]
    clock = voice.time.monotonic()
    monkeypatch.setattr(voice.time, "monotonic", lambda: clock + UNDO_WINDOW_S + 1)
    say(app, ("undo", -1000.0))  # long after: an undo of the producer's own choosing
    assert voice.trust(app).streak == TRUST_AFTER + 2
    say(app, ("make the bass busier", -1000.0))
    say(app, ("undo", -1000.0))  # at once: the command done was not the one said
    assert voice.trust(app).streak == 0
    say(app, ("make the bass busier", -1000.0))
    assert executed[-1] == ("undo", "voice") and len(executed) == 4  # said back now, not done


def test_the_count_survives_a_restart_and_a_bad_file_is_a_new_voice(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "deep" / TRUST_FILE
    assert read_trust(path) == Trust(0, path)  # no file: a new voice
    trust = Trust(TRUST_AFTER - 1, path)
    trust.heard_right()
    assert read_trust(path).streak == TRUST_AFTER and read_trust(path).trusted
    for bad in ('{"streak": -1}', '{"streak": true}', '{"streak": 2.5}', "{", '{"count": 3}', "[1]"):
        path.write_text(bad)
        with caplog.at_level(logging.WARNING):
            assert read_trust(path).streak == 0
        assert f"ignoring the voice trust in {path}" in caplog.text
        caplog.clear()
    path.write_text('{"streak": -1}')
    with caplog.at_level(logging.WARNING):
        read_trust(path)
    assert "streak -1 is not a count (expected an integer >= 0)" in caplog.text


def test_a_folder_that_cannot_be_written_costs_a_question_not_an_error(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    trust = Trust(0, blocker / TRUST_FILE)  # its folder is a file
    with caplog.at_level(logging.WARNING):
        trust.heard_right()
    assert trust.streak == 1 and "cannot keep the voice trust" in caplog.text


def test_only_a_sure_command_is_gated() -> None:
    new = Trust()
    intent = parse("make the drums busier")
    assert new.gate(Decision("act", intent)).kind == "confirm"
    for kind in ("ask", "refuse", "confirm"):
        d = Decision(kind, intent, (intent,))
        assert new.gate(d) is d
    assert Trust(TRUST_AFTER).gate(Decision("act", intent)).kind == "act"
    assert not Trust(TRUST_AFTER - 1).trusted
