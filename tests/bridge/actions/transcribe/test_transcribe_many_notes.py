"""Issue 54: a long transcription (a piano piece of 10,000 notes, faked at the engine boundary: the
model worker runs ``many_notes.piano_of_many``) goes through the real daemon into the in-memory Live
whole, in one undo step, though its notes do not fit one datagram (/roo/live/part)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from bridge.actions.transcribe import job as transcribe_job
from tests.bridge.actions.transcribe.many_notes import NOTE_COUNT, STEP_S
from tests.bridge.actions.transcribe.test_transcribe_whole_path import (
    SET_TEMPO_BPM,
    live_with,
    names,
    transcribe,
)


def test_a_piano_piece_of_ten_thousand_notes_lands_whole_in_one_undo_step(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setattr(transcribe_job, "TARGET", "tests.bridge.actions.transcribe.many_notes:piano_of_many")
    sf.write(tmp_path / "piece.wav", np.zeros(8000 * 172, dtype=np.float32), 8000)  # 172 s, unwarped
    piece = {"slot": 0, "name": "Piece", "file": str(tmp_path / "piece.wav"), "warping": False}
    live = live_with([{"type": "audio", "name": "Piano", "clips": [piece]}])
    try:
        undo_before = live.call(lambda: live.song._doc.undo_steps)
        status, _result = transcribe(live, 0, 0, "kind", "piano")
        assert status[1] == "done", status
        assert names(live) == ["Piano", "Piece (piano MIDI)", "After"]
        notes = live.clip_notes(1, 0)
        assert len(notes) == NOTE_COUNT
        beats_per_s = SET_TEMPO_BPM / 60.0  # unwarped: real time at the Set's tempo
        assert notes[-1][1] == pytest.approx((NOTE_COUNT - 1) * STEP_S * beats_per_s, abs=1e-4)
        assert live.call(lambda: live.song._doc.undo_steps) == undo_before + 1
        live.call(live.song.undo)  # one undo takes back the track and all its notes
        assert names(live) == ["Piano", "After"]
    finally:
        live.stop()
