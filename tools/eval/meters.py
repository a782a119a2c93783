"""Build the meter evaluation set: short pieces in 3/4 (plain and over triplets), 6/8, 12/8 shuffle,
2/4, 4/4, 5/4 and 7/8, piano alone and a band (bass, piano, drums), rendered with fluidsynth.

Each piece is written here note by note (no generator's randomness), one chord a bar over a
I-vi-IV-V or i-VI-iv-V loop, at a tempo between 60 and 180 counted beats a minute. Truth per piece:
- ``time_signature`` as written,
- ``tempo_bpm``: the counted pulse as the analysis reports it (quarters in 2/4, 3/4, 4/4 and 5/4;
  dotted quarters in 6/8 and 12/8; eighths in 7/8) and ``live_tempo_bpm``: quarter notes a minute,
- ``beats_s`` at that pulse and ``downbeats_s``.

The set goes into a cache folder (never into git), with ``manifest.json`` beside the WAVs:
    .venv/bin/python -m tools.eval.meters [--out DIR]   (from the project root)
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path
from typing import Any

from engines.music import Key, Note
from tools.eval.meter_bars import (
    BARS,
)
from tools.eval.rendered import SOUNDFONT, render_midi

SET_VERSION = 1  # part of the folder name: bump when the rendering or the truth changes
PIECE_S = 20.0  # about this long (whole bars, at least MIN_BARS)
MIN_BARS = 6
PROGRAMS = {"bass": 33, "chords": 0, "melody": 0}  # finger bass, piano, piano
PIANO_PROGRAMS = {"bass": 0, "chords": 0, "melody": 0}
# (style, signature, quarter notes per counted beat, counted tempos in BPM)
STYLES: tuple[tuple[str, tuple[int, int], float, tuple[int, ...]], ...] = (
    ("waltz", (3, 4), 1.0, (66, 92, 120, 160)),
    ("triplets34", (3, 4), 1.0, (60, 84, 108, 132)),
    ("compound68", (6, 8), 1.5, (60, 76, 96, 120)),
    ("shuffle128", (12, 8), 1.5, (60, 80, 100)),
    ("polka24", (2, 4), 1.0, (80, 120, 160)),
    ("common44", (4, 4), 1.0, (70, 110, 150)),
    ("odd54", (5, 4), 1.0, (80, 110, 140)),
    ("odd78", (7, 8), 0.5, (140, 160, 180)),
)
TEXTURES = ("piano", "band")
LOOP_MAJOR, LOOP_MINOR = (
    ((0, "maj"), (9, "min"), (5, "maj"), (7, "maj")),
    ((0, "min"), (8, "maj"), (5, "min"), (7, "maj")),
)
NOTE_NAMES = ("C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B")


def default_out() -> Path:
    from engines.analysis.cache import cache_root

    return cache_root() / "eval" / f"meters-v{SET_VERSION}"


def plan() -> list[dict[str, Any]]:
    """Every piece's style, signature, texture, tempo and key (tonics and modes spread over the set)."""
    out: list[dict[str, Any]] = []
    for style, signature, quarters_per_beat, tempos in STYLES:
        for tempo in tempos:
            for texture in TEXTURES:
                n = len(out)
                out.append(
                    {
                        "style": style,
                        "time_signature": list(signature),
                        "texture": texture,
                        "tempo_bpm": float(tempo),
                        "live_tempo_bpm": tempo * quarters_per_beat,
                        "tonic": (n * 5) % 12,
                        "scale": "Major" if n % 3 else "Minor",
                    }
                )
    return out


def render_piece(spec: dict[str, Any], out: Path, fluidsynth: str) -> dict[str, Any]:
    """Write and render one planned piece; return its manifest entry."""
    from engines.midi_file import write_midi

    num, den = spec["time_signature"]
    bar_q = num * 4 / den
    quarter_s = 60.0 / spec["live_tempo_bpm"]
    bars = max(MIN_BARS, round(PIECE_S / (bar_q * quarter_s)))
    loop = LOOP_MAJOR if spec["scale"] == "Major" else LOOP_MINOR
    parts: dict[str, list[Note]] = {"drums": [], "bass": [], "chords": [], "melody": []}
    for bar in range(bars):
        step, quality = loop[bar % 4]
        root = (spec["tonic"] + step) % 12
        third = 4 if quality == "maj" else 3
        tones = [55 + (root - 7) % 12 + i for i in (0, third, 7)]  # root position, G3 up to F#4
        for part, notes in BARS[spec["style"]](
            bar * bar_q, tones, 36 + root, spec["texture"] == "band"
        ).items():
            parts[part].extend(notes)
    if spec["texture"] == "piano":
        del parts["drums"]
    name = f"{spec['style']}_{spec['texture']}_{int(spec['tempo_bpm'])}bpm_{NOTE_NAMES[spec['tonic']]}{spec['scale'][:3].lower()}"
    midi, wav = out / f"{name}.mid", out / f"{name}.wav"
    programs = PROGRAMS if spec["texture"] == "band" else PIANO_PROGRAMS
    write_midi(midi, parts, tempo_bpm=spec["live_tempo_bpm"], signature=(num, den),
               key=Key(spec["tonic"], spec["scale"]), programs=programs, length_beats=bars * bar_q)  # fmt: skip
    render_midi(fluidsynth, midi, wav, gain=0.5)
    beat_s = 60.0 / spec["tempo_bpm"]
    beats_per_bar = round(bar_q * quarter_s / beat_s)
    return {
        **spec,
        "name": name,
        "wav": wav.name,
        "key": f"{NOTE_NAMES[spec['tonic']]} {spec['scale'].lower()}",
        "beats_s": [i * beat_s for i in range(bars * beats_per_bar)],
        "downbeats_s": [bar * bar_q * quarter_s for bar in range(bars)],
        "duration_s": bars * bar_q * quarter_s,
    }


def build(out: Path) -> list[dict[str, Any]]:
    """Render the set into ``out`` (reusing a complete earlier build) and return the manifest."""
    wanted = plan()
    manifest_path = out / "manifest.json"
    if manifest_path.exists():
        pieces: list[dict[str, Any]] = json.loads(manifest_path.read_text())
        if len(pieces) == len(wanted) and all((out / p["wav"]).exists() for p in pieces):
            return pieces
    fluidsynth = shutil.which("fluidsynth")
    if fluidsynth is None or not SOUNDFONT.exists():
        raise SystemExit(
            f"the meter set needs fluidsynth and {SOUNDFONT} (Debian: fluidsynth fluid-soundfont-gm)"
        )
    out.mkdir(parents=True, exist_ok=True)
    pieces = [render_piece(spec, out, fluidsynth) for spec in wanted]
    manifest_path.write_text(json.dumps(pieces, indent=1))
    return pieces


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help=f"default: {default_out()}")
    args = parser.parse_args()
    out = args.out or default_out()
    print(f"{len(build(out))} pieces in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
