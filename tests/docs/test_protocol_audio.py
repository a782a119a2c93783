"""docs/protocol.md's `/roo/analyze` examples (warp and apply), run as the other examples are
(tests/docs/test_protocol_examples.py) on takes rendered with fluidsynth: a band at 76 BPM on
track 5 'Take' and one at 60 BPM on track 6 'Slow', in a 120 BPM Set."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile
import yaml

from livesim.host import LiveHost
from livesim.live_set import parse_set
from tests.bridge.takes import band_take, beat_times
from tests.conftest import require_tool
from tests.docs.examples import blocks
from tests.docs.test_protocol_examples import ANALYZED, DOC, ROOT, TRANSCRIBED, run_block

SR = 44100
LABELS = ["A:min", "F:maj", "C:maj", "G:maj"]


def take(folder: Path, name: str, bpm: float, beats: int, fluidsynth: str) -> dict[str, Any]:
    path = band_take(folder / f"{name}.wav", beat_times(bpm, beats), LABELS, fluidsynth)
    return {"type": "audio", "name": name, "clips": [{"slot": 0, "name": name, "file": str(path)}]}


def test_the_docs_analysis_answers_are_the_daemons(
    tmp_path: Path, history: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    fluidsynth = require_tool("fluidsynth")
    block = next(b for b in blocks(DOC.read_text()) if b.key == ANALYZED)
    midi = [{"type": "midi", "name": f"{n}-MIDI"} for n in range(1, 5)]
    audio = [take(tmp_path, "Take", 76.0, 33, fluidsynth), take(tmp_path, "Slow", 60.0, 25, fluidsynth)]
    live = LiveHost(parse_set({"tempo": 120, "tracks": midi + audio}), port=0).start_in_thread()
    try:
        wrong = run_block(block, live, history, [], capsys)
    finally:
        live.stop()
    assert wrong == [], "\n\n".join(wrong)


def bass_line(path: Path) -> Path:
    """docs/examples/try.yaml's loop.wav as the example has it: a plucked bass line, 8 notes of a
    half bar at its 100 BPM (1.2 s each), A1 C2 E2 C2 A1 G1 A1 C2 (harmonics decaying)."""
    seconds = np.arange(int(1.2 * SR)) / SR
    notes = []
    for pitch in [33, 36, 40, 36, 33, 31, 33, 36]:
        hz = 440.0 * 2 ** ((pitch - 69) / 12)
        tone = sum(np.sin(2 * np.pi * hz * k * seconds) / k for k in (1, 2, 3, 4))
        notes.append(0.3 * tone * np.exp(-3.0 * seconds))
    soundfile.write(path, np.concatenate(notes), SR)
    return path


def test_the_docs_transcription_answers_are_the_daemons(
    tmp_path: Path, history: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    block = next(b for b in blocks(DOC.read_text()) if b.key == TRANSCRIBED)
    shutil.copy(ROOT / "docs" / "examples" / "try.yaml", tmp_path)
    bass_line(tmp_path / "loop.wav")
    desc = parse_set(yaml.safe_load((tmp_path / "try.yaml").read_text()), tmp_path)
    live = LiveHost(desc, port=0).start_in_thread()
    try:
        wrong = run_block(block, live, history, [], capsys)
    finally:
        live.stop()
    assert wrong == [], "\n\n".join(wrong)
