"""`roo listen --json` says what /roo/voice/stop would do (issue 44): act, read back, ask or refuse, and
the line said back, from one function (``commands.reply``) the daemon answers with too."""

from __future__ import annotations

import asyncio
import json
import subprocess
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from bridge.actions.intents import voice
from bridge.cli import main
from bridge.commands.confidence import Decision, Hearing, Limits, Reading, decide
from bridge.commands.parser import parse
from bridge.commands.reply import reply
from bridge.commands.safety import spoken
from bridge.commands.speech import Heard
from bridge.commands.trust import TRUST_AFTER, TRUST_FILE, Trust
from tests.bridge.commands.test_confidence import _App, _Job
from tests.conftest import require_tool

LIMITS = Limits(margin=2.0, fit=-50.0, posterior=0.5)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The folder the voice state and trust are kept in, this test's own."""
    monkeypatch.setenv("MUSEAROO_CACHE_DIR", str(tmp_path / "cache" / "analysis"))
    return tmp_path / "cache"


def listen(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict]:
    rc = main(["listen", str(path), "--json"])
    return rc, json.loads(capsys.readouterr().out)


def test_listen_says_a_new_voice_is_read_back_and_a_trusted_one_acted_on(
    cache: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    require_tool("espeak-ng")
    wav = tmp_path / "said.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-w", str(wav), "undo that"], check=True)
    rc, got = listen(wav, capsys)
    assert rc == 0 and got["action"] == "undo" and got["heard"] == "undo that"
    assert got["decision"] == "read back" and got["choices"] == ["undo that"]
    assert got["says"].startswith('heard "undo that": undo that: say yes to do it')
    assert "(0 so far)" in got["why"]

    cache.mkdir(parents=True, exist_ok=True)
    (cache / TRUST_FILE).write_text(json.dumps({"streak": TRUST_AFTER}))
    rc, got = listen(wav, capsys)
    assert got["decision"] == "act" and got["why"] == ""
    assert got["says"] == 'heard "undo that": undo'
    assert json.loads((cache / TRUST_FILE).read_text()) == {"streak": TRUST_AFTER}  # listening moves nothing


def test_listen_refuses_silence_with_suggestions(
    cache: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sf.write(tmp_path / "quiet.wav", np.zeros(16000, np.int16), 16000)
    rc, got = listen(tmp_path / "quiet.wav", capsys)
    assert rc == 1 and got["decision"] == "refuse" and got["choices"] == []
    assert got["says"].startswith('heard "": not understood (nothing was heard); nothing was done. Try "')


@pytest.mark.parametrize(
    ("readings", "streak"),
    [
        ((("double time the drums", -1000.0), ("tone down the drums", -1100.0)), TRUST_AFTER),  # ask
        ((("make the drums busier", -1000.0),), 0),  # read back until trusted
        ((("set the key to e minor", -1000.0),), TRUST_AFTER),  # read back, trusted or not
    ],
)
def test_the_daemon_answers_with_the_reply_listen_prints(
    executed: list[tuple[str, str]], readings: tuple[tuple[str, float], ...], streak: int
) -> None:
    h = Hearing(tuple(Reading(t, s) for t, s in readings), frames=100, fit=-30.0)
    d = decide(h, LIMITS)
    expected = reply(d, Trust(streak)).says
    app = _App()
    voice.trust(app).streak = streak
    said = asyncio.run(voice.respond(app, _Job(), Heard(h.transcript, d.intent, 1.0, "test", d)))  # type: ignore[arg-type]
    assert said == expected and executed == []


def test_a_long_job_and_a_replace_are_read_back_in_the_words_roo_command_holds_them_with() -> None:
    trusted = Trust(TRUST_AFTER)
    heavy = spoken(parse("split this into stems"))
    said = reply(Decision("confirm", heavy, (heavy,)), trusted)
    assert said.what == "read back" and "this starts a long job" in said.says
    replace = parse("replace the drums")  # held by /roo/command, whatever the decision
    said = reply(Decision("act", replace), trusted)
    assert said.what == "read back" and "this replaces the existing clip" in said.says
    sure = parse("make the bass busier")
    assert reply(Decision("act", sure), trusted).what == "act"
    assert reply(Decision("act", sure), Trust(0)).what == "read back"
