"""Transcribe an audio file (or a region of it): the file-level wrapper that ``roo transcribe`` runs
in-process and the daemon runs in the model worker (``"engines.transcription.files:transcribe_file"``).

The notes themselves come from the pure ``engines.transcription.transcribe``; this reads the file
(``engines.audio_io``: an unreadable file is an AudioFileError naming it) and hands back plain
values that cross a process boundary.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from engines.audio_io import read_frames
from engines.transcription import Transcription, transcribe

READ_SHARE = 0.05  # progress given to reading the file


def transcription_of(
    path: str,
    *,
    start_s: float | None = None,
    end_s: float | None = None,
    kind: str = "auto",
    tempo_bpm: float | None = None,
    quantize: float = 0.0,
    key: str | None = None,
    progress: Callable[[float, str], None] | None = None,
) -> Transcription:
    """The file's (region's) notes, times in seconds from ``start_s`` (the file's start when None)."""
    report = progress or (lambda fraction, message: None)
    report(0.0, "reading audio")
    audio, sample_rate_hz = read_frames(path, start_s=start_s, end_s=end_s)

    def heard(fraction: float) -> None:
        report(READ_SHARE + fraction * (1.0 - READ_SHARE), f"transcribing ({kind})")

    return transcribe(audio, sample_rate_hz, kind=kind, tempo_bpm=tempo_bpm, quantize=quantize, key=key,
                      progress=heard)  # fmt: skip


def transcribe_file(**kwargs: Any) -> dict[str, Any]:
    """``transcription_of`` as plain values: kind, why auto chose it, duration_s, and the notes as
    (pitch, start_s, end_s, velocity) rows."""
    done = transcription_of(**kwargs)
    return {
        "kind": done.kind,
        "chosen_because": done.chosen_because,
        "duration_s": done.duration_s,
        "notes": [(n.pitch, n.start_s, n.end_s, n.velocity) for n in done.notes],
    }
