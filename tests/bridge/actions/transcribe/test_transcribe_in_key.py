"""Issue 54: a sung take that sits near +-50 cents off the grid is read in the Set's key. Through the real
daemon and the in-memory Live: the Set's root and scale reach the engine, so a line sung 55 cents flat
(the audio alone: the line a semitone lower, 45 cents sharp) lands on its written notes."""

from __future__ import annotations

from pathlib import Path

import pytest
import soundfile as sf

from livesim.host import LiveHost
from livesim.live_set import parse_set
from tests.bridge.actions.transcribe.test_transcribe_whole_path import transcribe
from tests.engines.transcription.test_sung import LINE  # in C major
from tools.corpus.singer import RATE_HZ, sing


def test_a_take_sung_55_cents_flat_lands_on_its_notes_in_the_sets_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    wav = tmp_path / "flat.wav"
    sf.write(wav, sing(LINE, 6, drift_cents=-55.0), RATE_HZ)
    hum = {"slot": 0, "name": "Hum", "file": str(wav), "warping": False}
    desc = parse_set({"tempo": 90.0, "root": "C", "scale": "Major",
                      "tracks": [{"type": "audio", "name": "Vox", "clips": [hum]}]})  # fmt: skip
    live = LiveHost(desc, port=0).start_in_thread()
    try:
        status, result = transcribe(live, 0, 0, "kind", "melody")
        assert status[1] == "done", status
        got = [n[0] for n in live.clip_notes(1, 0)]
        assert got == [n.pitch for n in LINE]  # not each a semitone low
        assert result is not None and [row["pitch"] for row in result["notes"]] == got
    finally:
        live.stop()
