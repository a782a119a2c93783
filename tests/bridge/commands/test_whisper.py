"""The Whisper backend through the same loader real weights use, with a tiny model built here."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from bridge.cli import main
from bridge.commands.speech import WHISPER_ENV, hear, load_recognizer
from engines.errors import ModelUnavailable

from .tiny_whisper import SAYS, build


@pytest.fixture(scope="module")
def whisper_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("whisper") / "tiny-whisper")


@pytest.fixture
def wav(tmp_path: Path) -> Path:
    noise = np.random.default_rng(3).standard_normal(24000).astype(np.float32) * 0.1
    sf.write(tmp_path / "utterance.wav", noise, 24000)
    return tmp_path / "utterance.wav"


def test_roo_listen_with_whisper_transcribes_and_parses(
    whisper_dir: Path, wav: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["listen", str(wav), "--whisper", str(whisper_dir), "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert {k: got[k] for k in ("action", "part", "params", "heard")} == {
        "action": "stop",
        "part": None,
        "params": {},
        "heard": SAYS,
    }
    assert got["decision"] in ("act", "read back", "ask") and got["says"].startswith(f'heard "{SAYS}"')


def test_the_environment_variable_selects_whisper(whisper_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(WHISPER_ENV, str(whisper_dir))
    backend, recognizer = load_recognizer()
    assert backend == f"whisper ({whisper_dir})"
    heard = hear(np.zeros(8000, np.int16), recognizer, backend)
    assert (heard.transcript, heard.intent.action) == (SAYS, "stop")


def test_whisper_off_is_pocketsphinx_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the variable the default is Whisper and pocketsphinx agreeing (issue 56, test_spoken_agree.py)."""
    monkeypatch.setenv(WHISPER_ENV, "off")
    assert load_recognizer()[0] == "pocketsphinx (grammar)"


@pytest.mark.parametrize("name", ["openai/whisper-base.en", "/nonexistent/whisper-folder"])
def test_missing_weights_say_how_to_get_them(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelUnavailable, match="MUSEAROO_WHISPER") as info:
        load_recognizer(name)
    assert repr(name) in str(info.value)


@pytest.mark.parametrize(("sureness", "kind"), [(5.0, "confirm"), (1.0, "ask")])
def test_whisper_goes_through_the_confidence_and_read_back_rules(
    sureness: float, kind: str, tmp_path: Path
) -> None:
    """Issue 35: a sure Whisper reading that sets the tempo is said back before it runs; an unsure
    one (token probabilities about 0.1) is asked about, never acted on."""
    from bridge.commands.whisper import WhisperRecognizer

    said = "set the tempo to ninety"
    recognizer = WhisperRecognizer(str(build(tmp_path / "w", says=said, sureness=sureness)))
    heard = hear(np.zeros(8000, np.int16), recognizer, "whisper")
    hearing = recognizer.last_hearing
    assert hearing is not None and hearing.readings[0].text == said
    assert set(hearing.posteriors) == set(said.split())
    assert heard.decision.kind == kind, heard.decision
    assert heard.decision.choices[0].params == {"tempo_bpm": 90}
