"""Recorded takes for the warp tests: a small band played at known beat times, through fluidsynth.

``beat_times`` gives where each beat of a take falls: a steady tempo, or a live drummer whose
tempo drifts from one value to another with a little timing noise on every beat. ``band_take``
writes drums (kick on 1 and 3, snare on 2 and 4, hi-hats on the eighths, swung if asked), a
bass on every beat and a piano chord held through each bar to a MIDI file whose beat lasts one
second, so note times are the wanted seconds, and renders it with FluidR3_GM.
"""

from __future__ import annotations

import random
import subprocess
from collections.abc import Sequence
from pathlib import Path

from engines.analysis.result import parse_harte
from engines.midi_file import write_midi
from engines.music import Key, Note

SOUNDFONT = Path("/usr/share/sounds/sf2/FluidR3_GM.sf2")
RATE_HZ = 44100
PROGRAMS = {"bass": 33, "chords": 0}  # fingered bass, acoustic grand
KICK, SNARE, HAT = 36, 38, 42


def beat_times(
    bpm: float,
    beats: int,
    *,
    offset_s: float = 0.3,
    end_bpm: float | None = None,
    jitter_s: float = 0.0,
    seed: int = 0,
) -> list[float]:
    """Seconds of each beat: tempo going linearly from bpm to end_bpm (default: steady), plus
    uniform noise of +-jitter_s on every beat but the first."""
    rng = random.Random(seed)
    out, t = [], offset_s
    for i in range(beats):
        noise = rng.uniform(-jitter_s, jitter_s) if i else 0.0
        out.append(t + noise)
        tempo = bpm + ((end_bpm or bpm) - bpm) * i / max(1, beats - 1)
        t += 60.0 / tempo
    return out


def band_take(
    path: Path,
    beats: Sequence[float],
    labels: Sequence[str],
    fluidsynth: str,
    *,
    beats_per_bar: int = 4,
    swing: bool = False,
) -> Path:
    """Render the take to path (a 44.1 kHz WAV); labels are Harte chords, one a bar, repeated."""
    drums: list[Note] = []
    bass: list[Note] = []
    chords: list[Note] = []
    for i, t in enumerate(beats[:-1]):
        length = beats[i + 1] - t
        in_bar = i % beats_per_bar
        parsed = parse_harte(labels[(i // beats_per_bar) % len(labels)])
        assert parsed is not None
        root, quality = parsed
        drums.append(Note(KICK if in_bar in (0, 2) else SNARE, t, 0.1, 110 if in_bar == 0 else 95))
        off = t + length * (2 / 3 if swing else 1 / 2)
        drums += [Note(HAT, t, 0.05, 70), Note(HAT, off, 0.05, 55)]
        bass.append(Note(36 + root, t, length * 0.9, 100 if in_bar == 0 else 85))
        if in_bar == 0:
            end = beats[min(i + beats_per_bar, len(beats) - 1)]
            third = 3 if quality == "min" else 4
            chords += [Note(60 + (root + d) % 12, t, end - t - 0.05, 80) for d in (0, third, 7)]
    midi = path.with_suffix(".mid")
    parts = {"drums": drums, "bass": bass, "chords": chords}
    write_midi(midi, parts, tempo_bpm=60.0, signature=(4, 4), key=Key(0, "Major"), programs=PROGRAMS)
    cmd = ["-ni", "-q", "-g", "0.6", "-r", str(RATE_HZ), "-F", str(path), str(SOUNDFONT), str(midi)]
    subprocess.run([fluidsynth, *cmd], check=True, capture_output=True)
    return path
