"""Parts that follow a MIDI chord file: chord tones judged by a second parser (music21).

    PYTHONPATH=. .venv/bin/python tools/bench/midi_follow.py [--romans N] [--json OUT]

Chord files: our chords part for every genre (3 seeds, 8 bars, keys around the circle) and the
first N RomanText analyses of music21's corpus rendered as block chords (first 8 bars). For each,
``roo generate bass --chords-from`` and ``roo generate melody --chords-from`` write a part (the
real command, our parser reads the chords). The judge never sees our parser: music21 reads the
chord file and the part file, chordifies the chords, takes the pitch classes sounding in each
beat as that beat's chord (so an arpeggio counts whole), and checks the bass note sounding at
every beat where that chord changes, and every melody note that starts on a strong beat (beats 1
and 3 of 4/4), against it.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

EPS = 1e-3


def chord_files(folder: Path, romans: int) -> list[tuple[str, Path]]:
    from engines.generators import generate
    from engines.music import Key, MusicalContext
    from engines.presets import names
    from engines.symbolic.midi_in import MidiTrack, MidiTracks, write_tracks
    from tools.bench.midi_chords import roman_set

    out = []
    for genre in names("genres"):
        for seed in range(3):
            key = Key((seed * 7 + len(genre)) % 12, "Minor" if seed == 1 else "Major")
            ctx = MusicalContext(genre=genre, bars=8, key=key, tempo_bpm=100.0)
            notes = generate("chords", ctx, seed=seed)
            path = folder / f"{genre}-{seed}.mid"
            write_tracks(path, MidiTracks(100.0, (4, 4), key, (MidiTrack("chords", 1, tuple(notes)),), 32.0))
            out.append((f"{genre} s{seed}", path))
    for name, tracks, _truth, _end in roman_set(romans):
        first = tuple(n for n in tracks[0] if n.start_beats < 32.0)
        path = folder / f"{name}.mid"
        write_tracks(path, MidiTracks(100.0, (4, 4), None, (MidiTrack("chords", 1, first),), 32.0))
        out.append((name, path))
    return out


def sounding(path: Path) -> list[tuple[float, float, frozenset[int]]]:
    """(start, end, pitch classes) of every chordified slice of a file, read by music21."""
    from music21 import converter

    flat = converter.parse(str(path), quantizePost=False).chordify().flatten()
    out = []
    for c in flat.getElementsByClass("Chord"):
        start = float(c.offset)
        out.append((start, start + float(c.quarterLength), frozenset(p.pitchClass for p in c.pitches)))
    return sorted(out)


def part_notes(path: Path) -> list[tuple[float, int]]:
    """(start, pitch) of every note of a one-part file, read by music21."""
    from music21 import converter, note

    flat = converter.parse(str(path), quantizePost=False).flatten()
    return sorted((float(n.offset), n.pitch.midi) for n in flat.getElementsByClass(note.Note))


def beat_chords(slices: list[tuple[float, float, frozenset[int]]], beats: int) -> list[frozenset[int]]:
    """The pitch classes the chord file sounds anywhere in each beat (an arpeggio's whole chord)."""
    out = []
    for b in range(beats):
        pcs: set[int] = set()
        for start, end, chord in slices:
            if start < b + 1 - EPS and end > b + EPS:
                pcs |= chord
        out.append(frozenset(pcs))
    return out


def judge(chord_path: Path, bass_path: Path, melody_path: Path, beats: int = 32) -> dict[str, int]:
    chords = beat_chords(sounding(chord_path), beats)
    bass = part_notes(bass_path)
    counts = {
        "changes": 0,
        "bass_at_change": 0,
        "bass_chord_tone": 0,
        "melody_strong": 0,
        "melody_chord_tone": 0,
    }
    for b, pcs in enumerate(chords):
        if not pcs or (b > 0 and pcs == chords[b - 1]):
            continue  # silence, or no change
        counts["changes"] += 1
        playing = [p for s, p in bass if s <= b + 0.05]
        if playing:
            counts["bass_at_change"] += 1
            counts["bass_chord_tone"] += int(playing[-1] % 12 in pcs)
    for start, pitch in part_notes(melody_path):
        if abs(start % 2.0) < 0.05 or abs(start % 2.0 - 2.0) < 0.05:
            b = round(start) % beats
            if chords[b]:
                counts["melody_strong"] += 1
                counts["melody_chord_tone"] += int(pitch % 12 in chords[b])
    return counts


def main() -> int:
    from bridge.cli import main as roo

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--romans", type=int, default=20, help="how many RomanText pieces")
    parser.add_argument("--json", default=None, help="also write the figures here")
    args = parser.parse_args()
    totals: dict[str, dict[str, int]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, path in chord_files(folder, args.romans):
            parts = {}
            for part in ("bass", "melody"):
                out = folder / f"{path.stem}-{part}.mid"
                code = roo(
                    [
                        "generate",
                        part,
                        "--chords-from",
                        str(path),
                        "--bars",
                        "8",
                        "--seed",
                        "1",
                        "--out",
                        str(out),
                    ]
                )
                assert code == 0, name
                parts[part] = out
            counts = judge(path, parts["bass"], parts["melody"])
            group = "roman" if name.endswith(".rntxt") else "own"
            for k, v in counts.items():
                totals.setdefault(group, {}).setdefault(k, 0)
                totals[group][k] += v
    figures: dict[str, Any] = {}
    for group, c in totals.items():
        figures[group] = {
            "bass chord tone at changes": round(c["bass_chord_tone"] / max(1, c["bass_at_change"]), 4),
            "bass sounding at changes": round(c["bass_at_change"] / max(1, c["changes"]), 4),
            "melody chord tone on strong beats": round(
                c["melody_chord_tone"] / max(1, c["melody_strong"]), 4
            ),
            **c,
        }
        print(group, figures[group])
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
