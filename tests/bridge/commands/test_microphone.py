"""The microphone path for real: `jackd -d dummy`, PortAudio's JACK input through sounddevice,
espeak-ng speech played into that input with jack-play. Each test runs a child process whose
JACK_DEFAULT_SERVER names a server started here under a unique name (tests/.../mic_child.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, require_tool

SENTENCE = "set the tempo to one hundred forty"


@pytest.fixture
def jack_env() -> Iterator[dict[str, str]]:
    for tool in ("jackd", "jack_wait", "jack_lsp", "jack_connect", "jack-play"):
        require_tool(tool)
    env = {**os.environ, "JACK_DEFAULT_SERVER": f"roo-test-{os.getpid()}", "JACK_NO_AUDIO_RESERVATION": "1"}
    server = subprocess.Popen(
        ["jackd", "-n", env["JACK_DEFAULT_SERVER"], "-d", "dummy", "-r", "48000", "-p", "1024"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        subprocess.run(["jack_wait", "-w", "-t", "10"], env=env, check=True, capture_output=True, timeout=15)
        yield env
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def spoken_wav(tmp_path: Path) -> Path:
    """The sentence spoken by espeak-ng at JACK's rate, with silence either side."""
    require_tool("espeak-ng")
    require_tool("sox")
    raw, wav = tmp_path / "raw.wav", tmp_path / "spoken.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-w", str(raw), SENTENCE], check=True)
    subprocess.run(["sox", str(raw), "-r", "48000", str(wav), "pad", "0.5", "0.3"], check=True)
    return wav


def child(mode: str, wav: Path, env: dict[str, str]) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "tests.bridge.commands.mic_child", mode, str(wav)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_sounddevice_records_jack_input_and_the_words_come_through(
    jack_env: dict[str, str], spoken_wav: Path
) -> None:
    got = child("record", spoken_wav, jack_env)
    assert (got["device"], got["hostapi"], got["rate_hz"]) == ("system", "JACK Audio Connection Kit", 48000)
    assert got["samples_16k"] >= 16000 * 2  # the whole played file (about 3 s) was recorded
    assert got["peak"] > 3000  # the speech arrived, not the dummy driver's silence
    assert got["heard"] == SENTENCE
    assert got["intent"] == {"action": "set_tempo", "part": None, "params": {"tempo_bpm": 140}}


def test_push_to_talk_through_the_daemon_changes_live(jack_env: dict[str, str], spoken_wav: Path) -> None:
    got = child("voice", spoken_wav, jack_env)
    assert got["started"][1] == "done" and "listening on the default input (48000 Hz)" in got["started"][3]
    assert got["stopped"][1:3] == ["done", 1.0]
    assert got["stopped"][3] == f'heard "{SENTENCE}": tempo set to 140 bpm'
    assert got["intent"]["source"] == "voice" and got["intent"]["action"] == "set_tempo"
    assert got["tempo"] == 140.0
