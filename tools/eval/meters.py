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
from collections.abc import Callable
from pathlib import Path
from typing import Any

from engines.music import Key, Note
from tools.eval.rendered import SOUNDFONT, render_midi

SET_VERSION = 1  # part of the folder name: bump when the rendering or the truth changes
PIECE_S = 20.0  # about this long (whole bars, at least MIN_BARS)
MIN_BARS = 6
KICK, SNARE, HAT, RIDE = 36, 38, 42, 51
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

Bar = Callable[[float, list[int], int, bool], dict[str, list[Note]]]


def default_out() -> Path:
    from engines.analysis.cache import cache_root

    return cache_root() / "eval" / f"meters-v{SET_VERSION}"


def _chord(at: float, tones: list[int], length: float, velocity: int) -> list[Note]:
    return [Note(p, at, length, velocity) for p in tones]


def _hits(drum: int, times: list[float], velocity: int) -> list[Note]:
    return [Note(drum, t, 0.25, velocity) for t in times]


def waltz(at: float, tones: list[int], bass: int, band: bool) -> dict[str, list[Note]]:
    """Oom-pah-pah: the bass on one, the chord on two and three, a melody of a half and a quarter."""
    parts = {
        "bass": [Note(bass, at, 0.95, 100)],
        "chords": _chord(at + 1, tones, 0.9, 64) + _chord(at + 2, tones, 0.9, 60),
        "melody": [Note(tones[2] + 12, at, 2.0, 84), Note(tones[1] + 12, at + 2, 1.0, 76)],
    }
    if band:
        parts["drums"] = _hits(KICK, [at], 100) + _hits(HAT, [at + 1, at + 2], 60)
    return parts


def triplets34(at: float, tones: list[int], bass: int, band: bool) -> dict[str, list[Note]]:
    """3/4 over a running triplet-eighth arpeggio (nine a bar), bass on one, melody in quarters."""
    arpeggio = [tones[i % 3] + (12 if i % 6 >= 3 else 0) for i in range(9)]
    parts = {
        "bass": [Note(bass, at, 2.9, 100)],
        "chords": [Note(p, at + i / 3, 1 / 3, 72 if i % 3 == 0 else 56) for i, p in enumerate(arpeggio)],
        "melody": [Note(tones[(2 - i) % 3] + 24, at + i, 0.95, 84) for i in range(3)],
    }
    if band:
        parts["drums"] = _hits(KICK, [at], 100) + _hits(RIDE, [at + i for i in range(3)], 70)
    return parts


def compound68(at: float, tones: list[int], bass: int, band: bool) -> dict[str, list[Note]]:
    """6/8: bass on the two dotted quarters, eighths in threes (accent on each group), melody in
    dotted quarters; the band adds kick on one, snare on four, hats on every eighth."""
    eighths = [tones[0], tones[1], tones[2], tones[0] + 12, tones[2], tones[1]]
    parts = {
        "bass": [Note(bass, at, 1.4, 100), Note(bass + 7, at + 1.5, 1.4, 92)],
        "chords": [Note(p, at + i / 2, 0.5, 80 if i % 3 == 0 else 54) for i, p in enumerate(eighths)],
        "melody": [Note(tones[2] + 12, at, 1.5, 84), Note(tones[1] + 12, at + 1.5, 1.5, 80)],
    }
    if band:
        parts["drums"] = (
            _hits(KICK, [at], 100)
            + _hits(SNARE, [at + 1.5], 92)
            + _hits(HAT, [at + i / 2 for i in range(6)], 56)
        )
    return parts


def shuffle128(at: float, tones: list[int], bass: int, band: bool) -> dict[str, list[Note]]:
    """12/8 shuffle: bass on the four dotted quarters, chord stabs on every triplet eighth (the
    beats louder), melody in dotted halves; the band: kick on 1 and 3, snare on 2 and 4, ride eighths."""
    parts = {
        "bass": [Note(bass + (7 if b % 2 else 0), at + 1.5 * b, 1.4, 100) for b in range(4)],
        "chords": [n for i in range(12) for n in _chord(at + i / 2, tones, 0.45, 78 if i % 3 == 0 else 48)],
        "melody": [Note(tones[2] + 12, at, 3.0, 84), Note(tones[1] + 12, at + 3, 3.0, 80)],
    }
    if band:
        parts["drums"] = (
            _hits(KICK, [at, at + 3], 100)
            + _hits(SNARE, [at + 1.5, at + 4.5], 96)
            + _hits(RIDE, [at + i / 2 for i in range(12)], 60)
        )
    return parts


def polka24(at: float, tones: list[int], bass: int, band: bool) -> dict[str, list[Note]]:
    """2/4: bass on one, the chord on two, a melody in eighths."""
    parts = {
        "bass": [Note(bass, at, 0.95, 100)],
        "chords": _chord(at + 1, tones, 0.9, 66),
        "melody": [Note(tones[i % 3] + 12, at + i / 2, 0.45, 80) for i in range(4)],
    }
    if band:
        parts["drums"] = (
            _hits(KICK, [at], 100)
            + _hits(SNARE, [at + 1], 90)
            + _hits(HAT, [at, at + 0.5, at + 1, at + 1.5], 56)
        )
    return parts


def common44(at: float, tones: list[int], bass: int, band: bool) -> dict[str, list[Note]]:
    """4/4: bass on one and three, the chord on every beat, melody in quarters and a half."""
    parts = {
        "bass": [Note(bass, at, 1.9, 100), Note(bass + 7, at + 2, 1.9, 92)],
        "chords": [n for b in range(4) for n in _chord(at + b, tones, 0.9, 66 if b else 74)],
        "melody": [
            Note(tones[2] + 12, at, 1.0, 84),
            Note(tones[1] + 12, at + 1, 1.0, 78),
            Note(tones[0] + 12, at + 2, 2.0, 80),
        ],
    }
    if band:
        parts["drums"] = (
            _hits(KICK, [at, at + 2], 100)
            + _hits(SNARE, [at + 1, at + 3], 92)
            + _hits(HAT, [at + i / 2 for i in range(8)], 56)
        )
    return parts


def odd54(at: float, tones: list[int], bass: int, band: bool) -> dict[str, list[Note]]:
    """5/4 as 3 + 2: bass on one and four, the chord on the other beats, melody in quarters."""
    parts = {
        "bass": [Note(bass, at, 2.9, 100), Note(bass + 7, at + 3, 1.9, 92)],
        "chords": [n for b in (1, 2, 4) for n in _chord(at + b, tones, 0.9, 64)],
        "melody": [Note(tones[(b * 2) % 3] + 12, at + b, 0.95, 80) for b in range(5)],
    }
    if band:
        parts["drums"] = (
            _hits(KICK, [at, at + 3], 100)
            + _hits(SNARE, [at + 2, at + 4], 90)
            + _hits(HAT, [at + b for b in range(5)], 56)
        )
    return parts


def odd78(at: float, tones: list[int], bass: int, band: bool) -> dict[str, list[Note]]:
    """7/8 as 2 + 2 + 3 eighths: bass on each group, the chord on every eighth (group starts louder)."""
    starts = (0, 2, 4)
    parts = {
        "bass": [
            Note(bass + (7 if g == 1 else 0), at + s / 2, 0.9 if g < 2 else 1.4, 100)
            for g, s in enumerate(starts)
        ],
        "chords": [n for i in range(7) for n in _chord(at + i / 2, tones, 0.45, 76 if i in starts else 50)],
        "melody": [
            Note(tones[g] + 12, at + s / 2, 0.95 if g < 2 else 1.45, 80) for g, s in enumerate(starts)
        ],
    }
    if band:
        parts["drums"] = (
            _hits(KICK, [at, at + 2], 100)
            + _hits(SNARE, [at + 1], 92)
            + _hits(HAT, [at + i / 2 for i in range(7)], 56)
        )
    return parts


BARS: dict[str, Bar] = {
    "waltz": waltz,
    "triplets34": triplets34,
    "compound68": compound68,
    "shuffle128": shuffle128,
    "polka24": polka24,
    "common44": common44,
    "odd54": odd54,
    "odd78": odd78,
}


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
