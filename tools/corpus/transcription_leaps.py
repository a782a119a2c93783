"""A tune set for the one-note kinds (a83): bass lines leaping octaves and reed/brass lines with clear
attacks, drawn from a seed and rendered through FluidR3 by fluidsynth into the cache (never the repository).

The bass lines mix bars of octave leaps in eighths (up and down), repeated low notes, quarters and
steps, in several keys and tempos; the melodies move by steps, leaps (an octave among them) and
repeats, in eighths and quarters with rests. Every program is one that neither transcription set half,
the sung set nor ``transcription_pieces`` used, so a rule chosen here is read fresh on all of those.

    .venv/bin/python -m tools.corpus.transcription_leaps [--json F]

prints onset F / onset+offset F (mir_eval, 50 ms) per program and per kind for this tree's engine.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from engines.music import Note
from tools.corpus.transcription_set import write_part
from tools.eval.rendered import fluidsynth_or_exit, render_midi

SET_VERSION = 1
BARS = 8
SEEDS = (11, 12, 13)
TEMPOS_BPM = (84, 96, 108, 120, 132)
MAJOR = (0, 2, 4, 5, 7, 9, 11)
# GM programs (0-based) per kind; none in transcription_set, sung_set or transcription_pieces
PROGRAMS = {
    "bass": (37, 57, 70, 63, 87),  # slap bass 2, trombone, bassoon, synth brass 2, bass + lead
    "melody": (64, 67, 59, 61, 111),  # soprano sax, baritone sax, muted trumpet, brass section, shanai
}
# the lowest note a line's key starts from (FluidR3's baritone sax is silent above about E5)
ROOTS = {"bass": (28, 40), "melody": (55, 62), "melody 67": (43, 50)}
Row = tuple[int, float, float]  # pitch, start in beats, beats


def _scale(root: int, low: int, high: int) -> list[int]:
    return [p for p in range(low, high + 1) if (p - root) % 12 in MAJOR]


def bass_line(rng: random.Random) -> tuple[list[Row], int]:
    """BARS bars of 4/4 bass: octave leaps in eighths, repeated lows, quarters; (rows, key root)."""
    root = rng.randint(*ROOTS["bass"])
    lows = _scale(root, root, root + 7)
    rows: list[Row] = []
    for bar in range(BARS):
        low = rng.choice(lows)
        shape = rng.choice(("up", "down", "repeat", "quarters", "steps", "up"))
        at = bar * 4.0
        if shape == "up":  # low high low high
            beats = [(low + 12 * (i % 2), 0.5) for i in range(8)]
        elif shape == "down":  # high low high low
            beats = [(low + 12 * ((i + 1) % 2), 0.5) for i in range(8)]
        elif shape == "repeat":  # low low low high, twice
            beats = [(low + (12 if i % 4 == 3 else 0), 0.5) for i in range(8)]
        elif shape == "quarters":  # low, octave, low, a fifth
            beats = [(low, 1.0), (low + 12, 1.0), (low, 1.0), (low + 7, 1.0)]
        else:  # steps in eighths through the key, with one octave at the end
            i = lows.index(low)
            beats = [(lows[min(i + k, len(lows) - 1)], 0.5) for k in range(7)] + [(low + 12, 0.5)]
        for pitch, length in beats:
            rows.append((pitch, at, length))
            at += length
    return rows, root


def melody_line(rng: random.Random, program: int) -> tuple[list[Row], int]:
    """BARS bars of a reed or brass line: steps, leaps (octaves among them), repeats and rests."""
    root = rng.randint(*ROOTS.get(f"melody {program}", ROOTS["melody"]))
    keys = _scale(root, root, root + 17)
    rows: list[Row] = []
    i = rng.randrange(len(keys) // 2)
    at = 0.0
    while at < BARS * 4.0 - 0.01:
        length = rng.choice((0.5, 0.5, 1.0, 1.0, 1.5, 2.0))
        length = min(length, BARS * 4.0 - at)
        move = rng.choice((-1, 1, -2, 2, 0, 3, -3, 7, -7))
        i = min(max(i + move, 0), len(keys) - 1)
        if rng.random() < 0.08:  # a rest
            at += length
            continue
        rows.append((keys[i], at, length))
        at += length
    return rows, root


def default_out() -> Path:
    from engines.analysis.cache import cache_root

    return cache_root() / "eval" / f"transcription-leaps-v{SET_VERSION}"


def items(out: Path, kinds: tuple[str, ...] = tuple(PROGRAMS)) -> list[dict[str, Any]]:
    """Every program at every seed (tempo cycled): kind, program, seed, tempo, wav and truth in seconds."""
    out.mkdir(parents=True, exist_ok=True)
    made = []
    for kind in kinds:
        for n, (program, seed) in enumerate((p, s) for p in PROGRAMS[kind] for s in SEEDS):
            rng = random.Random(f"{kind}-{program}-{seed}")
            rows, _root = bass_line(rng) if kind == "bass" else melody_line(rng, program)
            bpm = TEMPOS_BPM[(n + (kind == "melody")) % len(TEMPOS_BPM)]
            made.append(rendered(out, kind, program, seed, bpm, rows, rng, "the leaps set"))
    return made


def bass_items(
    out: Path,
    line: Callable[[random.Random], list[Row]],
    named: str,
    programs: tuple[int, ...],
    seeds: tuple[int, ...],
    tempos_bpm: tuple[int, ...],
) -> list[dict[str, Any]]:
    """A bass tune set's items: ``line`` drawn at every program and seed (its rng seeded by the set's first word,
    ``named`` "the lows set" -> "lows", the program and the seed; the tempo cycled), each rendered once."""
    out.mkdir(parents=True, exist_ok=True)
    made = []
    word = named.split()[1]
    for n, (program, seed) in enumerate((p, s) for p in programs for s in seeds):
        rng = random.Random(f"{word}-{program}-{seed}")
        rows = line(rng)
        made.append(rendered(out, "bass", program, seed, tempos_bpm[n % len(tempos_bpm)], rows, rng, named))
    return made


def rendered(
    out: Path, kind: str, program: int, seed: int, bpm: float, rows: list[Row], rng: random.Random, named: str
) -> dict[str, Any]:
    """One tune item: ``rows`` (pitch, beat, beats) played for 85-95 % of each length (drawn from ``rng``),
    rendered on ``program`` at ``bpm`` once (the WAV cached by content), with its truth in seconds; the leaps
    set's and the lows set's one renderer."""
    played = rng.choice((0.85, 0.9, 0.95))
    s_per_beat = 60.0 / bpm
    truth = [(p, round(b * s_per_beat, 5), round((b + d * played) * s_per_beat, 5), 90) for p, b, d in rows]
    name = hashlib.sha256(json.dumps([program, bpm, truth]).encode()).hexdigest()[:12]
    wav = out / f"{kind}-{program}-{seed}-{name}.wav"  # cached by content
    if not wav.exists():
        midi = wav.with_suffix(".mid")
        notes = [Note(p, b, d * played, 90) for p, b, d in rows]
        write_part(midi, notes, tempo_bpm=bpm, program=program, drums=False)
        render_midi(fluidsynth_or_exit(named), midi, wav, gain=0.6)
    return {"kind": kind, "program": program, "seed": seed, "tempo_bpm": bpm, "wav": str(wav), "truth": truth}


def score(description: str, out: Path, made: Callable[[Path], list[dict[str, Any]]]) -> None:
    """Render (or reuse) a tune set's items, transcribe each as its kind and print onset F / onset+offset F
    per program and per kind (``--json F`` writes them): the leaps set's and the lows set's one scorer."""
    import soundfile as sf

    from engines.transcription import transcribe
    from tools.bench.transcription_score import note_f

    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--out", type=Path, default=out)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    per: dict[str, list[tuple[float, float]]] = {}
    for item in made(args.out):
        audio, rate = sf.read(item["wav"], dtype="float32")
        notes = [(n.pitch, n.start_s, n.end_s) for n in transcribe(audio, rate, kind=item["kind"]).notes]
        f = (note_f(item["truth"], notes, offsets=False)[2], note_f(item["truth"], notes, offsets=True)[2])
        per.setdefault(f"{item['kind']} {item['program']}", []).append(f)
        per.setdefault(item["kind"], []).append(f)
        print(
            item["kind"],
            item["program"],
            item["seed"],
            item["tempo_bpm"],
            [round(x, 3) for x in f],
            flush=True,
        )
    report = {name: [round(float(x), 3) for x in np.mean(fs, axis=0)] for name, fs in per.items()}
    print(json.dumps(report))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))


def main() -> None:
    score(__doc__.splitlines()[0], default_out(), items)


if __name__ == "__main__":
    main()
