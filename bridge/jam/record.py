"""``--record``: keeps every played phrase (a jam phrase hook) and writes them as one MIDI file.

The file is type 1 with a track per part named by the part, at the jam's starting tempo; the
notes are the ones the player actually sent, at their jam beats.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

from engines.errors import InvalidValue
from engines.midi_file import write_midi
from engines.music import Key, Note


def free_name(path: str | Path) -> Path:
    """``path`` if no file is there, else the first free ``NAME-2.mid``, ``NAME-3.mid``, ...: a
    recording never replaces another."""
    path = Path(path)
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


class Recorder:
    """A phrase hook: ``recorder(index, start_beat, notes)``; ``write`` saves what it has."""

    def __init__(self, parts: tuple[str, ...]) -> None:
        self.parts: dict[str, list[Note]] = {part: [] for part in parts}
        self.phrases: dict[int, dict[str, list[Note]]] = {}
        self.end_beats = 0.0
        self._lock = threading.Lock()

    def __call__(self, index: int, start_beats: float, notes: dict[str, list[Note]]) -> None:
        with self._lock:
            self.phrases[index] = notes
            for part, part_notes in notes.items():
                shifted = [replace(n, start_beats=round(n.start_beats + start_beats, 6)) for n in part_notes]
                self.parts.setdefault(part, []).extend(shifted)
                self.end_beats = max([self.end_beats] + [n.start_beats + n.duration_beats for n in shifted])

    def write(self, path: str | Path, *, tempo_bpm: float, signature: tuple[int, int], key: Key) -> None:
        if not str(path).lower().endswith((".mid", ".midi")):
            raise InvalidValue(
                f"record file {str(path)!r} is not a MIDI file name: expected a name ending in .mid"
            )
        with self._lock:
            parts = {part: list(notes) for part, notes in self.parts.items()}
        write_midi(
            path, parts, tempo_bpm=tempo_bpm, signature=signature, key=key, length_beats=self.end_beats
        )
