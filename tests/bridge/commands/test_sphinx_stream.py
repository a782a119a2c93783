"""Push-to-talk decoded while recording: SphinxStream, and the whole-utterance stream for Whisper."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bridge.commands import sphinx_stream
from bridge.commands.audio import read_speech_wav
from bridge.commands.learned import Learned, read_learned, write_learned
from bridge.commands.speech import WholeUtterance, hear_stream, open_stream
from bridge.commands.sphinx import SphinxRecognizer
from engines.errors import RooError
from tests.bridge.commands.test_speech import speak

BLOCK = 320  # 20 ms at 16 kHz, about what a sound card delivers per callback


def streamed(recognizer: SphinxRecognizer, audio: np.ndarray) -> tuple[str, bool]:
    stream = recognizer.stream()
    for i in range(0, len(audio), BLOCK):
        stream.feed(audio[i : i + BLOCK])
    return stream.finish(), stream.live


@pytest.fixture
def fresh() -> SphinxRecognizer:
    return SphinxRecognizer()


def test_the_first_utterance_is_decoded_whole_and_teaches_the_next(
    fresh: SphinxRecognizer, tmp_path: Path
) -> None:
    first = read_speech_wav(speak("make the drums busier", tmp_path))
    assert fresh.learned is None
    assert streamed(fresh, first) == ("make the drums busier", False)
    assert (
        fresh.learned is not None
        and fresh.learned.rms > 100
        and fresh.learned.peak_frame_rms > fresh.learned.rms
    )
    second = read_speech_wav(speak("four bars of jazz chords", tmp_path))
    assert streamed(fresh, second) == ("four bars of jazz chords", True)


def test_leading_silence_before_speech_is_skipped_live(fresh: SphinxRecognizer, tmp_path: Path) -> None:
    fresh.transcribe(read_speech_wav(speak("undo that", tmp_path)))
    speech = read_speech_wav(speak("tempo one hundred twenty", tmp_path, "en-us+f2"))
    hiss = (np.random.default_rng(3).standard_normal(16000) * 20).astype(np.int16)  # 1 s, about -64 dBFS
    transcript, live = streamed(fresh, np.concatenate([hiss, speech]))
    assert (transcript, live) == ("tempo one hundred twenty", True)
    stream = fresh.stream()
    stream.feed(hiss)
    assert stream.finish() == ""  # only silence: nothing was heard, nothing is done


def test_a_decoder_failure_mid_utterance_falls_back_to_the_whole_recording(
    fresh: SphinxRecognizer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh.transcribe(read_speech_wav(speak("stop", tmp_path)))
    audio = read_speech_wav(speak("vary the melody", tmp_path))
    calls = []

    def broken(self: sphinx_stream.SphinxStream, x: np.ndarray) -> None:
        calls.append(len(x))
        raise RuntimeError("decoder fell over")

    monkeypatch.setattr(sphinx_stream.SphinxStream, "_decode", broken)
    transcript, live = streamed(fresh, audio)
    assert calls and not live
    assert transcript == "vary the melody"


def test_one_stream_at_a_time_and_a_closed_stream_refuses_more(
    fresh: SphinxRecognizer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sphinx_stream, "LOCK_WAIT_S", 0.05)
    stream = fresh.stream()
    with pytest.raises(RooError, match="busy with another utterance"):
        fresh.stream()
    stream.cancel()
    stream.cancel()  # twice is harmless
    with pytest.raises(RooError, match="finished"):
        stream.feed(np.zeros(BLOCK, np.int16))
    again = fresh.stream()  # the lock was given back
    assert again.finish() == ""
    with pytest.raises(RooError, match="already finished"):
        again.finish()


class WholeOnly:
    def __init__(self) -> None:
        self.got: list[int] = []

    def transcribe(self, audio: np.ndarray) -> str:
        self.got.append(len(audio))
        return "undo that"


def test_a_recogniser_without_streams_gets_the_whole_utterance_on_release() -> None:
    model = WholeOnly()
    stream = open_stream(model)
    assert isinstance(stream, WholeUtterance)
    for _ in range(5):
        stream.feed(np.zeros(BLOCK, np.int16))
    heard = hear_stream(stream, 0.0, "whole")
    assert model.got == [5 * BLOCK]
    assert (heard.transcript, heard.intent.action, heard.backend) == ("undo that", "undo", "whole")


def test_what_was_learned_is_kept_across_restarts_when_asked(tmp_path: Path) -> None:
    state = tmp_path / "cache" / "voice-state.json"
    first = SphinxRecognizer(state_path=state)
    assert first.learned is None and not state.exists()
    first.transcribe((np.random.default_rng(1).standard_normal(16000) * 20).astype(np.int16))
    assert first.learned is None and not state.exists()  # hiss alone teaches nothing
    first.transcribe(read_speech_wav(speak("make the drums busier", tmp_path)))
    assert read_learned(state) == first.learned is not None
    restarted = SphinxRecognizer(state_path=state)
    assert restarted.learned == first.learned
    assert streamed(restarted, read_speech_wav(speak("vary the melody", tmp_path))) == (
        "vary the melody",
        True,
    )


@pytest.mark.parametrize(
    "text", ["not json", '{"cmn": "1,2,3", "rms": 900.0, "peak_frame_rms": 3000.0}', '{"rms": 1}']
)
def test_a_bad_state_file_is_ignored_with_a_warning(
    text: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    state = tmp_path / "voice-state.json"
    state.write_text(text)
    assert read_learned(state) is None
    assert "ignoring the voice state" in caplog.text and str(state) in caplog.text
    assert read_learned(tmp_path / "missing.json") is None
    write_learned(tmp_path / "new" / "voice-state.json", Learned("41,0,0,0,0,0,0,0,0,0,0,0,0", 900.0, 3000.0))
    assert read_learned(tmp_path / "new" / "voice-state.json") == Learned(
        "41,0,0,0,0,0,0,0,0,0,0,0,0", 900.0, 3000.0
    )


def test_a_failure_at_the_end_of_the_search_still_gives_the_words(
    fresh: SphinxRecognizer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh.transcribe(read_speech_wav(speak("stop", tmp_path)))
    audio = read_speech_wav(speak("vary the melody", tmp_path))
    stream = fresh.stream()
    for i in range(0, len(audio), BLOCK):
        stream.feed(audio[i : i + BLOCK])
    real_learn = fresh._learn

    def learn_once_broken(speech: np.ndarray, words: str) -> None:
        monkeypatch.setattr(fresh, "_learn", real_learn)
        raise RuntimeError("could not read the mean")

    monkeypatch.setattr(fresh, "_learn", learn_once_broken)
    assert stream.finish() == "vary the melody"  # decoded again, whole
    assert not stream.live
    again = fresh.stream()  # the decoder was given back
    again.cancel()
