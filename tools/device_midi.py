"""The device's Convert to MIDI column (issue 54): what the audio is, how far to quantize, and the button
that sends /roo/transcribe for the selected audio clip (the script's ``midikind``, ``quantize``, ``tomidi``)."""

from __future__ import annotations

from collections.abc import Callable

from bridge import protocol
from tools.maxpatch import Patch, button, menu, ranged

COLUMN_X = 668  # right of the history column


def midi_column(patch: Patch, node: str, sends: Callable[[str, str], None]) -> None:
    """MIDI kind (auto, melody, bass, piano, chords, drums), Quantize (0..1, default 0), Convert to MIDI."""
    patch.label("Audio to MIDI", (COLUMN_X, 4, 100, 16))
    kinds = menu(patch, "MIDI kind", protocol.TRANSCRIBE_KINDS, (COLUMN_X, 22, 100, 17))
    patch.connect(kinds, 0, prepend := patch.obj("prepend midikind"))
    patch.connect(prepend, 0, node)
    dial = ranged(
        patch, "live.dial", "Quantize", 0, (0.0, 1.0, 0.0), (COLUMN_X, 42, 52, 48), parameter_unitstyle=1
    )
    patch.connect(dial, 0, prepend := patch.obj("prepend quantize"))
    patch.connect(prepend, 0, node)
    sends(button(patch, "Convert to MIDI", (COLUMN_X, 94, 100, 18)), "tomidi")
