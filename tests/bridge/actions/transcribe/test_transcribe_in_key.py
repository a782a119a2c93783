"""Issue 54: a sung take that sits near +-50 cents off the grid is read in the song's key where someone
chose one, and as the audio says where no one did. Through the real daemon and the in-memory Live: a line
sung 55 cents flat (the audio alone: the line a semitone lower, 45 cents sharp) lands on its written notes
in a Set keyed C major (Scale Mode on, or a key set away from Live's default); in a Set nobody keyed
(Live's default C Major, Scale Mode off) the same audio, a B major line sung 45 cents sharp, is read as
that line, not pulled into C major."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
import soundfile as sf

from livesim.host import LiveHost
from livesim.live_set import parse_set
from tests.bridge.actions.transcribe.test_transcribe_whole_path import transcribe
from tests.engines.transcription.test_sung import LINE  # in C major
from tools.corpus.singer import RATE_HZ, sing

LOWER = [dataclasses.replace(n, pitch=n.pitch - 1) for n in LINE]  # the line a semitone lower (B major)


def _read(tmp_path: Path, audio: Any, **song: Any) -> list[int]:
    """The pitches /roo/transcribe (melody) writes for ``audio`` in a Set with ``song``'s settings."""
    wav = tmp_path / "take.wav"
    sf.write(wav, audio, RATE_HZ)
    hum = {"slot": 0, "name": "Hum", "file": str(wav), "warping": False}
    desc = parse_set({"tempo": 90.0, **song, "tracks": [{"type": "audio", "name": "Vox", "clips": [hum]}]})
    live = LiveHost(desc, port=0).start_in_thread()
    try:
        status, result = transcribe(live, 0, 0, "kind", "melody")
        assert status[1] == "done", status
        got = [n[0] for n in live.clip_notes(1, 0)]
        assert result is not None and [row["pitch"] for row in result["notes"]] == got
        return got
    finally:
        live.stop()


@pytest.mark.parametrize(
    "song",
    [{"root": "C", "scale": "Major", "scale_mode": True}, {"root": "A", "scale": "Minor"}],
    ids=["c-major-scale-mode-on", "a-minor-set"],
)
def test_a_take_sung_55_cents_flat_lands_on_its_notes_in_the_key_the_producer_chose(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, song: dict[str, Any]
) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    got = _read(tmp_path, sing(LINE, 6, drift_cents=-55.0), **song)
    assert got == [n.pitch for n in LINE]  # not each a semitone low


def test_a_set_nobody_keyed_reads_the_take_as_the_audio_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    got = _read(tmp_path, sing(LOWER, 6, drift_cents=45.0))  # Live's default: C Major, Scale Mode off
    assert got == [n.pitch for n in LOWER]  # not pulled a semitone up into Live's default C major
