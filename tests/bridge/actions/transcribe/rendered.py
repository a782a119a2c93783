"""Short clips rendered with fluidsynth from notes the tests know: a melody, a bass line, piano chords
and a drum loop at 120 BPM (beat b sounds at b/2 seconds), for the transcription doors' tests."""

from __future__ import annotations

from pathlib import Path

from engines.midi_file import write_midi
from engines.music import Key, Note
from tests.conftest import require_tool
from tools.eval.rendered import SOUNDFONT, render_midi

TEMPO_BPM = 120.0
MELODY = [Note(p, i * 0.5, 0.45, 100) for i, p in enumerate([72, 74, 76, 77, 79, 77, 76, 74, 72, 79, 76, 72])]
BASS = [Note(p, i * 1.0, 0.9, 110) for i, p in enumerate([36, 36, 43, 41, 38, 43, 36, 36])]
CHORDS = [
    Note(p, bar * 2.0, 1.8, 90) for bar, chord in enumerate([(60, 64, 67), (57, 60, 64), (53, 57, 60), (55, 59, 62)])
    for p in chord
]  # fmt: skip
DRUMS = [
    Note(p, i * 0.5, 0.1, 110)
    for i in range(16)
    for p in ((36,) if i % 4 == 0 else (38,) if i % 4 == 2 else ()) + ((42,) if i % 2 == 0 else (46,))
]
PARTS = {
    "melody": ("melody", MELODY, 73),  # flute
    "bass": ("bass", BASS, 33),  # fingered bass
    "piano": ("chords", CHORDS, 0),
    "drums": ("drums", DRUMS, 0),
}


def render(kind: str, folder: Path) -> Path:
    """The ``kind`` clip as a 44.1 kHz WAV in ``folder`` (rendered once per folder)."""
    fluidsynth = require_tool("fluidsynth")
    wav = folder / f"{kind}.wav"
    if not wav.exists():
        part, notes, program = PARTS[kind]
        mid = folder / f"{kind}.mid"
        end = max(n.start_beats + n.duration_beats for n in notes) + 1.0
        write_midi(mid, {part: notes}, tempo_bpm=TEMPO_BPM, signature=(4, 4), key=Key(0, "Major"),
                   programs={part: program}, length_beats=end)  # fmt: skip
        assert SOUNDFONT.exists(), SOUNDFONT
        render_midi(fluidsynth, mid, wav, gain=0.8)
    return wav
