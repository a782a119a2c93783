"""Live's rule for a clip placed in the Arrangement over others: the new clip cuts them.

What lies under the new clip's span [start, end) is gone: a clip wholly under it is removed, one
that reaches into it keeps only the part outside (its end or its start cut back), and one that
spans it is split in two around it. A MIDI clip keeps the notes that start in the part it keeps
(a note that runs into the cut is shortened to end there), shifted so they sound where they did. An
audio clip wholly covered is removed; a partly covered one is not cut here (the in-memory Live does
not resample audio), which the tests that need audio cutting would show. A MIDI clip whose loop
repeats (laid longer than its loop) is cut as its notes lie, the repeats not unrolled: not modelled.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from livesim.notes import MidiNoteSpecification

Make = Callable[[float, float], Any]  # (start_time, length) -> a new arrangement MIDI clip, not yet placed


def cut(existing: list[Any], start: float, end: float, make: Make) -> tuple[list[Any], list[Any]]:
    """The clips to remove and the pieces to add so that nothing of ``existing`` lies in [start, end)."""
    removed: list[Any] = []
    added: list[Any] = []
    for clip in existing:
        c_start, c_end = clip.start_time, clip.end_time
        if c_end <= start or end <= c_start:
            continue
        if start <= c_start and c_end <= end:
            removed.append(clip)
            continue
        if clip.is_audio_clip:
            continue  # not modelled: see the module's docstring
        removed.append(clip)
        if c_start < start:
            added.append(_piece(clip, c_start, start, make))
        if end < c_end:
            added.append(_piece(clip, end, c_end, make))
    return removed, added


def _piece(clip: Any, lo: float, hi: float, make: Make) -> Any:
    """A new clip holding what ``clip`` plays between song times lo and hi."""
    piece = make(lo, hi - lo)
    piece.name = clip.name
    offset = lo - clip.start_time  # the clip's own time at the piece's start
    specs = []
    for note in clip.get_all_notes_extended():
        at = note.start_time - offset
        if 0.0 <= at < hi - lo:
            duration = min(note.duration, hi - lo - at)
            specs.append(MidiNoteSpecification(note.pitch, at, duration, note.velocity, note.mute))
    if specs:
        piece.add_new_notes(specs)
    return piece
