"""A stand-in for the transcription engine in the model worker (imported there by name): a long piano
piece's transcription, more notes than one datagram to Live holds, whatever the audio (the engine
itself is tested in tests/engines/transcription)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

NOTE_COUNT = 10_000
STEP_S = 0.017  # 10,000 notes over 170 s, two or three sounding at once


def piano_of_many(progress: Callable[[float, str], None], **asked: Any) -> dict[str, Any]:
    """NOTE_COUNT piano notes as ``engines.transcription.files.transcribe_file`` answers."""
    progress(0.5, "transcribing (piano)")
    notes = [
        (36 + i * 7 % 48, round(i * STEP_S, 6), round(i * STEP_S + 0.04, 6), 40 + i % 80)
        for i in range(NOTE_COUNT)
    ]
    return {"kind": "piano", "chosen_because": "", "duration_s": NOTE_COUNT * STEP_S + 1.0, "notes": notes}
