"""A MIDI clip's chords are spelled as its detected key spells them (docs/protocol.md)."""

from __future__ import annotations

from engines.music import Note
from engines.symbolic import describe

# Dm - Bb - F - C, a bar each, in F major: Bb must not come back as A#
PROGRESSION = ((62, 65, 69), (58, 62, 65), (53, 57, 60), (48, 52, 55))


def test_a_flat_key_spells_its_chords_with_flats() -> None:
    notes = [
        Note(pitch, bar * 4.0 + beat, 1.0, 90)
        for bar, chord in enumerate(PROGRESSION * 2)
        for beat in range(4)
        for pitch in chord
    ]
    ctx = describe(notes, 32.0)
    # vi-IV-I-V opening on Dm: F major or D minor (held, issue 47), both spelled with flats
    assert {str(ctx.key), str(ctx.key_alternatives[0][0])} == {"F major", "D minor"}, ctx
    labels = [c.label for c in ctx.chords]
    assert labels[:4] == ["D:min", "Bb:maj", "F:maj", "C:maj"], labels
    assert not any(label.startswith("A#") for label in labels)


def test_a_sharp_key_spells_its_chords_with_sharps() -> None:
    # A - F#m - D - E in A major
    chords = ((57, 61, 64), (54, 57, 61), (50, 54, 57), (52, 56, 59))
    notes = [
        Note(p, bar * 4.0 + beat, 1.0, 90)
        for bar, ch in enumerate(chords * 2)
        for beat in range(4)
        for p in ch
    ]
    labels = [c.label for c in describe(notes, 32.0).chords]
    assert labels[:4] == ["A:maj", "F#:min", "D:maj", "E:maj"], labels
