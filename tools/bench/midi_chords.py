"""Chord recognition from MIDI (engines.symbolic) against Roman-numeral analyses and our own chords.

    PYTHONPATH=. .venv/bin/python tools/bench/midi_chords.py [--limit N] [--json OUT]

Set 1: every RomanText analysis in music21's corpus (Bach chorales, Monteverdi madrigals), each
numeral rendered as a block chord (its bass an octave down, the other tones close above middle C)
into a chord track; truth is the numeral's own chord as a Harte label with its inversion.
Set 2: the project's chords part (engines.generators) for every genre, 3 seeds, 8 bars; truth is
the progression the part was written from, as its voicing sounds it (a triad voicing of a
seventh chord is a triad). Scores are mir_eval's duration-weighted majmin and
sevenths (and majmin_inv), over segments whose truth the vocabulary can name. Set 3 (own_mix):
the same songs with bass, chords and melody read together, as ``--chords-from`` reads a song
(each track weighted by its role, ``engines.symbolic.ROLE_WEIGHTS``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

QUALITY_OF = {
    (0, 4, 7): "maj", (0, 3, 7): "min", (0, 3, 6): "dim", (0, 4, 8): "aug",
    (0, 4, 7, 10): "7", (0, 4, 7, 11): "maj7", (0, 3, 7, 10): "min7", (0, 3, 6, 10): "hdim7",
    (0, 3, 6, 9): "dim7", (0, 3, 7, 11): "minmaj7",
}  # fmt: skip
NAMES = ("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B")
DEGREES = ("1", "b2", "2", "b3", "3", "4", "b5", "5", "#5", "6", "b7", "7")
Segments = list[tuple[float, float, str]]


def harte(root: int, intervals: tuple[int, ...], bass: int) -> str:
    quality = QUALITY_OF.get(intervals)
    if quality is None:
        return "X"
    text = f"{NAMES[root]}:{quality}"
    return text + ("" if bass == root else "/" + DEGREES[(bass - root) % 12])


def roman_set(limit: int) -> list[tuple[str, list[Any], Segments, float]]:
    from music21 import converter, corpus, roman

    from engines.music import Note

    out = []
    for path in corpus.getCorePaths(fileExtensions=("rntxt",))[:limit]:
        score = converter.parse(path)
        notes: list[Note] = []
        truth: Segments = []
        end = 0.0
        for rn in score.recurse().getElementsByClass(roman.RomanNumeral):
            start, dur = float(rn.getOffsetInHierarchy(score)), float(rn.quarterLength)
            if dur <= 0:
                continue
            root, bass = rn.root().pitchClass, rn.bass().pitchClass
            intervals = tuple(sorted({(p.pitchClass - root) % 12 for p in rn.pitches}))
            truth.append((start, start + dur, harte(root, intervals, bass)))
            notes.append(Note(36 + bass, start, dur, 90))
            for pc in sorted({p.pitchClass for p in rn.pitches}):
                notes.append(Note(60 + pc, start, dur, 80))
            end = max(end, start + dur)
        out.append((Path(path).name, [notes], truth, end))
    return out


def own_set(mix: bool = False) -> list[tuple[str, list[Any], Segments, float]]:
    """Our chords part (``mix``: bass, chords and melody together, as --chords-from reads a song)."""
    from engines.generators import chords, generate_parts
    from engines.generators.harmony import progression
    from engines.generators.theory import voiced_tones
    from engines.music import Key, MusicalContext
    from engines.presets import load_genre, names

    out = []
    for genre in names("genres"):
        for seed in range(3):
            ctx = MusicalContext(
                genre=genre, bars=8, key=Key(seed * 5 % 12, "Minor" if seed % 2 else "Major")
            )
            prog = progression(ctx, complexity=0.5, seed=seed)
            notes = chords.generate(ctx, complexity=0.5, seed=seed, chords=prog)
            tracks: list[Any] = [notes]
            if mix:
                parts = generate_parts(ctx, complexity=0.5, seed=seed)
                tracks = [parts["bass"], parts["chords"], parts["melody"]]
            truth: Segments = []
            for c in prog:
                voiced = voiced_tones(c, load_genre(genre).chords["voicing"])[:4]  # what the part sounds
                intervals = tuple(sorted({(pc - c.root) % 12 for pc in voiced}))
                label = harte(c.root, intervals, c.root).split("/")[0]
                truth.append((c.start_beats, c.start_beats + c.duration_beats, label))
            out.append((f"{genre} s{seed}", tracks, truth, ctx.length_beats))
    return out


def score(
    pieces: list[tuple[str, list[Any], Segments, float]], change_cost: float | None = None
) -> dict[str, float]:
    """Duration-weighted mir_eval comparisons over all pieces together (``change_cost``: the
    recogniser's smoothing, default its own)."""
    import mir_eval

    from engines.symbolic import weighted_notes
    from engines.symbolic.chords import CHANGE_COST, recognise

    names = ("majmin", "majmin_inv", "sevenths", "sevenths_inv")
    hits = dict.fromkeys(names, 0.0)
    weight = dict.fromkeys(names, 0.0)
    for _name, tracks, truth, length in pieces:
        notes, note_weights = weighted_notes(tracks, length)  # as `--chords-from` reads a file
        cost = CHANGE_COST if change_cost is None else change_cost
        spans = recognise(notes, length, change_cost=cost, note_weights=note_weights)
        ri = np.array([[a, b] for a, b, _ in truth])
        rl = [lab for _, _, lab in truth]
        ei = np.array([[c.start_beats, c.start_beats + c.duration_beats] for c in spans])
        el = [c.label for c in spans]
        nc = mir_eval.chord.NO_CHORD
        ei, el = mir_eval.util.adjust_intervals(ei, el, ri.min(), ri.max(), nc, nc)
        ints, ref, est = mir_eval.util.merge_labeled_intervals(ri, rl, ei, el)
        durations = mir_eval.util.intervals_to_durations(ints)
        for name in names:
            comp = np.array(getattr(mir_eval.chord, name)(ref, est), dtype=float)
            ok = comp >= 0  # -1: a truth the vocabulary cannot name
            hits[name] += float(np.sum(comp[ok] * durations[ok]))
            weight[name] += float(np.sum(durations[ok]))
    result: dict[str, float] = {n: round(hits[n] / weight[n], 4) if weight[n] else 0.0 for n in names}
    result["pieces"] = len(pieces)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=1000, help="at most this many RomanText pieces")
    parser.add_argument("--json", default=None, help="also write the figures here")
    parser.add_argument("--change-costs", default="", help="e.g. 0,0.2,0.35,0.5: also score these smoothings")
    args = parser.parse_args()
    roman, own, own_mix = roman_set(args.limit), own_set(), own_set(mix=True)
    figures = {"roman": score(roman), "own": score(own), "own_mix": score(own_mix)}
    for cost in [float(c) for c in args.change_costs.split(",") if c]:
        for name, pieces in (("roman", roman), ("own_mix", own_mix)):
            figures[f"{name} change_cost {cost:g}"] = score(pieces, change_cost=cost)
    for name, f in figures.items():
        print(f"{name:6s} " + "  ".join(f"{k} {v}" for k, v in f.items()))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
