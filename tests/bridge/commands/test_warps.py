"""The warp search (bridge/commands/warps.py): each utterance decoded at several frequency warps,
the best fitting kept, the next best as the second opinion; streams decode at the factor found last."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import numpy as np
import pytest

from bridge.commands.audio import read_speech_wav
from bridge.commands.learned import read_learned
from bridge.commands.sphinx import SphinxRecognizer
from bridge.commands.warps import NOTHING_FIT, WARPS, WarpHearing, options, ranked
from tests.bridge.commands.test_speech import speak
from tests.bridge.commands.test_sphinx_stream import streamed
from tests.conftest import require_tool


def test_the_best_fitting_decode_leads_and_nothing_heard_comes_last() -> None:
    heard = [WarpHearing(0.88, "", -10.0), WarpHearing(1.0, "stop", -45.0), WarpHearing(1.16, "play", -41.0)]
    assert [h.warp for h in ranked(heard)] == [1.16, 1.0, 0.88]
    assert ranked(heard)[-1].fit == NOTHING_FIT  # a decode that heard nothing never wins on its score
    tie = [
        WarpHearing(1.16, "play", -41.0),
        WarpHearing(0.88, "play", -41.0),
        WarpHearing(1.0, "play", -41.0),
    ]
    assert [h.warp for h in ranked(tie)] == [
        1.0,
        0.88,
        1.16,
    ]  # an even contest: nearest to the audio as it is


def test_warp_options_name_a_bad_factor() -> None:
    assert options(1.0) == {}
    assert options(1.16) == {"warp_type": "inverse_linear", "warp_params": "1.16"}
    with pytest.raises(ValueError, match=r"warp factor 3\.0 is outside 0\.5\.\.2\.0"):
        options(3.0)
    with pytest.raises(ValueError, match=r"must include 1\.0"):
        SphinxRecognizer(warps=(0.9, 1.1))
    assert SphinxRecognizer().warps == (1.0,)  # the search is asked for, not the default


@pytest.fixture(scope="module")
def sphinx() -> SphinxRecognizer:
    return SphinxRecognizer(warps=WARPS)


def test_every_factor_is_decoded_and_the_next_best_is_the_second_opinion(
    sphinx: SphinxRecognizer, tmp_path: Path
) -> None:
    words = sphinx.transcribe(read_speech_wav(speak("make the drums busier", tmp_path, "en-us+f3")))
    tried = sphinx.last_warps
    assert sorted(h.warp for h in tried) == sorted(WARPS)
    assert [h.fit for h in tried] == sorted((h.fit for h in tried), reverse=True)
    assert (words, sphinx.warp) == (tried[0].words, tried[0].warp)
    assert sphinx.last_hearing is not None and sphinx.last_hearing.transcript == words
    assert (
        sphinx.last_hearing.phones > 0 and 0 < sphinx.last_hearing.word_frames <= sphinx.last_hearing.frames
    )
    assert sphinx.recheck() == tried[1].words  # no third decode: the search already made it


def spoken_at(text: str, voice: str, wpm: int, folder: Path) -> np.ndarray:
    require_tool("espeak-ng")
    path = folder / f"{voice}_{wpm}.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(wpm), "-w", str(path), text], check=True)
    return read_speech_wav(path)


def test_a_high_voice_is_heard_best_warped_down_and_a_low_one_up(
    sphinx: SphinxRecognizer, tmp_path: Path
) -> None:
    sphinx.transcribe(spoken_at("generate a funk bass line", "en-us+f3", 185, tmp_path))
    high = sphinx.warp
    sphinx.transcribe(spoken_at("generate a funk bass line", "en-us+m3", 140, tmp_path))
    assert high > 1.0 > sphinx.warp


def test_one_factor_keeps_the_louder_floor_recheck(tmp_path: Path) -> None:
    plain = SphinxRecognizer(warps=(1.0,))
    assert plain.transcribe(read_speech_wav(speak("undo that", tmp_path))) == "undo that"
    assert [h.warp for h in plain.last_warps] == [1.0]
    assert plain.recheck() == "undo that"  # decoded again over the -30 dB floor


def test_the_factor_found_is_kept_and_streams_decode_at_it(tmp_path: Path) -> None:
    state = tmp_path / "voice-state.json"
    first = SphinxRecognizer(state_path=state, warps=WARPS)
    first.transcribe(read_speech_wav(speak("make the drums busier", tmp_path, "en-us+f3")))
    assert json.loads(state.read_text())["warp"] == first.warp
    learned = read_learned(state)
    assert learned is not None and learned.warp == first.warp
    restarted = SphinxRecognizer(state_path=state, warps=WARPS)
    assert restarted.warp == first.warp and restarted._decoder is restarted._decoders[first.warp]
    transcript, live = streamed(restarted, read_speech_wav(speak("vary the melody", tmp_path, "en-us+f3")))
    assert (transcript, live) == ("vary the melody", True)
    assert [h.warp for h in restarted.last_warps] == [first.warp]
    second = restarted.recheck()  # after a stream: the other factors decoded now
    assert sorted(h.warp for h in restarted.last_warps) == sorted(WARPS)
    assert second in {h.words for h in restarted.last_warps}


def test_silence_is_still_nothing_at_every_factor(sphinx: SphinxRecognizer) -> None:
    assert sphinx.transcribe(np.zeros(16000, np.int16)) == ""
