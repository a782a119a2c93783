"""Issue 54's words through the daemon: "turn this into midi" transcribes the selected audio clip, and
"give me the bass of this sample as midi" splits the clip's region into stems then transcribes the bass
stem, in one job whose progress covers both steps, the notes on a new MIDI track after the clip."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile as sf

from bridge import protocol
from bridge.actions.intents import transcribe as words_job
from livesim.host import LiveHost
from livesim.live_set import parse_set
from tests.bridge.actions.transcribe.rendered import BASS, TEMPO_BPM, render
from tests.bridge.harness import Client, daemon_client


@pytest.fixture(scope="module")
def audio(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("rendered")
    bass, rate = sf.read(render("bass", folder), always_2d=True)
    drums, _ = sf.read(render("drums", folder), always_2d=True)
    frames = max(len(bass), len(drums))
    mix = np.zeros((frames, 2))
    mix[: len(bass)] += bass
    mix[: len(drums)] += drums
    sf.write(folder / "mix.wav", mix, rate)
    return folder


def command(client: Client, text: str) -> tuple[list[Any], list[list[Any]]]:
    """Send /roo/command; its final status and every status on the way."""
    client.send(protocol.COMMAND, text)
    seen: list[list[Any]] = []
    while True:
        status = client.wait_for(protocol.STATUS, timeout=120.0)
        seen.append(status)
        if status[1] in protocol.FINAL_STATES:
            return status, seen


def live_with(clip: dict[str, Any]) -> LiveHost:
    desc = parse_set({"tempo": TEMPO_BPM, "selected_track": 0, "selected_scene": 0,
                      "tracks": [{"type": "audio", "name": "Loops", "clips": [clip]}, {"type": "midi", "name": "Keys"}]})  # fmt: skip
    return LiveHost(desc, port=0).start_in_thread()


def names(live: LiveHost) -> list[str]:
    return live.call(lambda: [t.name for t in live.song.tracks])


def test_turn_this_into_midi_transcribes_the_selected_clip(
    audio: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    live = live_with({"slot": 0, "name": "Riff", "file": str(audio / "bass.wav"), "warping": False})
    try:
        with daemon_client(live.port) as client:
            status, _ = command(client, "turn this bass line into midi")
        assert status[1] == "done" and "as bass" in status[3], status
        assert names(live) == ["Loops", "Riff (bass MIDI)", "Keys"]
        assert live.clip_notes(1, 0)
    finally:
        live.stop()


def test_the_bass_of_this_sample_as_midi_splits_then_transcribes_the_bass_stem_in_one_job(
    audio: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("MUSEAROO_STEMS_DIR", str(tmp_path / "stems"))
    monkeypatch.setattr(words_job, "SEPARATE_TARGET", "tests.bridge.actions.transcribe.stand_in:split_known")
    monkeypatch.setattr(words_job, "stem_model", lambda stem: "demucs_unittest")
    sample = {"slot": 0, "name": "Sample", "file": str(audio / "mix.wav"), "warping": False,
              "start_marker": 0.5, "end_marker": 4.0}  # fmt: skip
    live = live_with(sample)
    try:
        with daemon_client(live.port) as client:
            status, seen = command(client, "give me the bass of this sample as midi")
        assert status[1] == "done" and "'Sample')'s bass stem as bass" in status[3], status
        assert {s[0] for s in seen} == {status[0]}  # one job from the words to the track (progress coalesces)
        asked = json.loads((audio / "asked.json").read_text())
        assert (asked["start_s"], asked["end_s"]) == (0.5, 4.0)  # the clip's region, in seconds of the file
        assert names(live) == ["Loops", "Sample bass (bass MIDI)", "Keys"]
        got = [(n[0], n[1]) for n in live.clip_notes(1, 0)]
        # the bass's notes from 0.5 s on, at the Set's tempo (unwarped: real time), from the clip's start
        expected = [(n.pitch, n.start_beats - 1.0) for n in BASS if 1.0 <= n.start_beats < 8.0]
        hits = sum(any(p == q and abs(b - c) <= 0.1 for q, c in got) for p, b in expected)
        assert hits >= 0.7 * len(expected), (expected, got)
        assert all(p < 60 for p, _ in got), got
    finally:
        live.stop()


@pytest.mark.parametrize("text", ["convert the loops track to midi", "turn the bass on track 2 into midi"])
def test_a_track_said_is_the_clip_transcribed_not_the_selected_one(
    audio: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    """Round 35: "convert the guitar track to midi" had transcribed the selected clip whatever track it was on;
    the track said (by name or by Live's count) is the one whose clip is heard. The MIDI track is selected."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    desc = parse_set({"tempo": TEMPO_BPM, "selected_track": 0, "selected_scene": 0,
                      "tracks": [{"type": "midi", "name": "Keys"},
                                 {"type": "audio", "name": "Loops", "clips": [
                                     {"slot": 0, "name": "Riff", "file": str(audio / "bass.wav"), "warping": False}]}]})  # fmt: skip
    live = LiveHost(desc, port=0).start_in_thread()
    try:
        with daemon_client(live.port) as client:
            status, _ = command(client, text)
        assert status[1] == "done", status
        assert names(live) == ["Keys", "Loops", "Riff (bass MIDI)"], names(live)
        assert "transcribed track 2, scene 1 ('Riff')" in status[3], (
            status
        )  # the Loops track's clip, not Keys'
        assert live.clip_notes(2, 0)
    finally:
        live.stop()
