from __future__ import annotations

import json
import subprocess
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from bridge.cli import main
from bridge.commands.audio import read_speech_wav, to_speech_int16, trim_silence
from bridge.commands.sphinx import SphinxRecognizer, with_noise_floor
from engines.errors import AudioFileError
from tests.conftest import require_tool


@pytest.fixture(scope="module")
def sphinx() -> SphinxRecognizer:
    return SphinxRecognizer()


def speak(text: str, folder: Path, voice: str = "en-us") -> Path:
    require_tool("espeak-ng")
    path = folder / f"{abs(hash((text, voice)))}.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-w", str(path), text], check=True)
    return path


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        (
            "make the drums busier",
            {"action": "adjust", "part": "drums", "params": {"what": "density", "direction": "up"}},
        ),
        ("undo that", {"action": "undo", "part": None, "params": {}}),
        (
            "four bars of jazz chords",
            {"action": "generate", "part": "chords", "params": {"bars": 4, "genre": "jazz"}},
        ),
    ],
)
def test_roo_listen_transcribes_espeak_and_prints_the_intent(
    text: str, intent: dict, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["listen", str(speak(text, tmp_path)), "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert {k: got[k] for k in (*intent, "heard")} == {**intent, "heard": text}


def test_silence_is_heard_as_nothing_and_does_nothing(sphinx: SphinxRecognizer) -> None:
    transcript = sphinx.transcribe(np.zeros(16000, np.int16))
    assert transcript == ""
    from bridge.commands import parse

    assert parse(transcript).params["reason"] == "nothing was heard"


def test_a_result_does_not_depend_on_the_previous_utterance(sphinx: SphinxRecognizer, tmp_path: Path) -> None:
    a = read_speech_wav(speak("split the stems", tmp_path, "en+f3"))
    b = read_speech_wav(speak("tempo one hundred twenty", tmp_path))
    first = sphinx.transcribe(a)
    sphinx.transcribe(b)
    assert sphinx.transcribe(a) == first


def test_free_decoding_peer_loads_and_transcribes(tmp_path: Path) -> None:
    free = SphinxRecognizer(grammar=False)
    assert isinstance(free.transcribe(read_speech_wav(speak("stop", tmp_path))), str)


def test_audio_is_brought_to_16k_mono_int16(tmp_path: Path) -> None:
    t = np.arange(48000) / 48000
    stereo = np.stack([np.sin(2 * np.pi * 440 * t), np.zeros_like(t)], axis=1).astype(np.float32) * 0.5
    sf.write(tmp_path / "s.wav", stereo, 48000)
    audio = read_speech_wav(tmp_path / "s.wav")
    assert audio.dtype == np.int16 and audio.shape == (16000,)
    assert 0.2 < np.abs(audio).max() / 32767 < 0.3  # the two channels averaged
    assert to_speech_int16(np.zeros((800, 1), np.int16), 8000).shape == (1600,)


def test_bad_files_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(AudioFileError, match="does not exist"):
        read_speech_wav(tmp_path / "missing.wav")
    (tmp_path / "junk.wav").write_bytes(b"not a wav file")
    with pytest.raises(AudioFileError, match="cannot be read"):
        read_speech_wav(tmp_path / "junk.wav")


def test_trim_keeps_the_speech_and_a_margin() -> None:
    audio = np.zeros(48000, np.int16)
    audio[16000:24000] = 10000
    trimmed = trim_silence(audio, margin_s=0.1)
    assert len(trimmed) == 8000 + 2 * 1600 and np.abs(trimmed).max() == 10000
    silent = np.zeros(1000, np.int16)
    assert trim_silence(silent) is not None and len(trim_silence(silent)) == 1000


def test_noise_floor_is_40_db_down_and_seeded() -> None:
    rng = np.random.default_rng(1)
    audio = (rng.standard_normal(16000) * 3000).astype(np.int16)
    noisy = with_noise_floor(audio)
    added = noisy.astype(np.float64) - audio
    ratio_db = 10 * np.log10(np.mean(added**2) / np.mean(audio.astype(np.float64) ** 2))
    assert -41.5 < ratio_db < -38.5
    assert np.array_equal(noisy, with_noise_floor(audio))
