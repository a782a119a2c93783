"""Judge the Roo generators with independent readers of the MIDI files they write.

    .venv/bin/python tools/bench/quality.py [--sections key,fit,drums,meter,variety,density,speed,scales]
        [--genres pop,rock] [--keys 24] [--seeds 5] [--workers 2] [--json OUT]

Every figure is computed from a written .mid file: music21 parses it for the key (Krumhansl-
Schmuckler, scored with mir_eval's weighted key score), pretty_midi reads it for the rest.
The chord at a moment is what the chords track sounds in that half bar (the whole bar in
3/4, 5/4, 7/8 and 9/8); strong beats are 1 and 3 in 4/4 (the dotted-quarter beats in 6/8).
Scales: every Live 12 scale at 4 roots, bass and melody notes on strong beats outside the scale,
and whether the generators refuse the scale (with the reason). Speed: generate_parts for 8
bars, pinned to one core, beside the same run's peers (also with every groove control set and
in E Hirajoshi). The
measures themselves are in tools/bench/quality_checks.py; this file runs them and reports.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import music21  # noqa: E402
import pretty_midi  # noqa: E402

from engines.errors import InvalidValue  # noqa: E402
from engines.generators import generate_parts  # noqa: E402
from engines.midi_file import write_midi  # noqa: E402
from engines.music import SCALES, Feel, Key, MusicalContext, Note, parse_key  # noqa: E402
from engines.presets import load_genre, names  # noqa: E402
from tools.bench.quality_checks import (  # noqa: E402
    drum_bars,
    fit_checks,
    key_score,
    meter_bars,
    pattern,
    scale_strong_out,
    write,
)

KEYS = [Key(pc, mode) for mode in ("Major", "Minor") for pc in range(12)]


def mean(values: list[int] | list[float]) -> float:
    return sum(values) / len(values) if values else float("nan")


def run_fit_drums(genres: list[str], keys: list[Key], seeds: int, tmp: str) -> dict[str, Any]:
    res: dict[str, Any] = {}
    for g in genres:
        genre = load_genre(g)
        acc: dict[str, list[int]] = {
            "bass": [],
            "melody": [],
            "scale_raw": [],
            "scale_unlisted": [],
            "drums": [],
        }
        for key in keys:
            chromatic = set(genre.chromatic["major" if key.scale == "Major" else "minor"])
            for seed in range(seeds):
                path = os.path.join(tmp, f"{g}-{key.tonic}{key.scale}-{seed}.mid")
                write(path, g, key, seed)
                for name, vals in fit_checks(path, key, chromatic).items():
                    acc[name] += vals
                acc["drums"] += drum_bars(path, g)
        res[g] = {name: round(mean(v), 4) for name, v in acc.items()}
    return res


def run_meter(tmp: str, seeds: int) -> dict[str, float]:
    res = {}
    for sig in ((3, 4), (6, 8)):
        for g in ("pop", "rock", "country", "hip-hop", "reggae"):
            vals: list[int] = []
            for seed in range(seeds):
                path = os.path.join(tmp, f"m-{g}-{sig[0]}{sig[1]}-{seed}.mid")
                write(path, g, Key(9, "Minor"), seed, sig=sig)
                vals += meter_bars(path, sig)
            res[f"{g} {sig[0]}/{sig[1]}"] = round(mean(vals), 3)
    return res


def run_variety_density(genres: list[str], tmp: str) -> tuple[dict[str, Any], dict[str, Any]]:
    variety: dict[str, Any] = {}
    density: dict[str, Any] = {}
    parts = ("drums", "bass", "chords", "melody")
    for g in genres:
        seen: dict[str, set[Any]] = {p: set() for p in parts}
        for seed in range(10):
            path = os.path.join(tmp, f"v-{g}-{seed}.mid")
            write(path, g, Key(2, "Major"), seed)
            for p in parts:
                seen[p].add(pattern(path, p))
        variety[g] = {p: len(seen[p]) for p in parts}
        ok = {p: 0 for p in parts}
        subset = 0
        for seed in range(5):
            counts: dict[str, list[int]] = {p: [] for p in parts}
            drum_sets = []
            for d in (0.0, 0.25, 0.5, 0.75, 1.0):
                path = os.path.join(tmp, f"d-{g}-{seed}-{d}.mid")
                write(path, g, Key(7, "Minor"), seed, density=d)
                for p in parts:
                    counts[p].append(len(pattern(path, p)))
                drum_sets.append(set(pattern(path, "drums")))
            for p in parts:
                ok[p] += int(all(a <= b for a, b in zip(counts[p], counts[p][1:], strict=False)))
            subset += int(all(a <= b for a, b in itertools.pairwise(drum_sets)))
        density[g] = {**{p: f"{ok[p]}/5" for p in parts}, "drums subset": f"{subset}/5"}
    return variety, density


SCALE_ROOTS = (0, 4, 7, 10)  # C, E, G, Bb


def run_scales(genres: list[str], seeds: int, tmp: str) -> dict[str, Any]:
    """Per scale: strong-beat notes of bass and melody outside it (out/total over genres, roots
    and seeds, read from the written files), and the refusal message if the generators refuse it."""
    res: dict[str, Any] = {}
    for scale in SCALES:
        out = total = 0
        for g in genres:
            for root in SCALE_ROOTS:
                for seed in range(seeds):
                    path = os.path.join(tmp, f"s-{g}-{root}-{seed}.mid")
                    write(path, g, Key(root, scale), seed)
                    o, t = scale_strong_out(path, Key(root, scale))
                    out, total = out + o, total + t
        res[scale] = {"strong_out": out, "strong_notes": total, "refused": ""}
    try:
        generate_parts(MusicalContext(key=Key(0, "Chromatic"), bars=1))
    except InvalidValue as exc:
        res["Chromatic (not a Live 12 scale)"] = {
            "strong_out": 0,
            "strong_notes": 0,
            "refused": str(exc)[:90],
        }
    return res


def naive_notes(count: int, rng: random.Random) -> list[Note]:
    """The floor a generator cannot beat: ``count`` random notes, nothing musical about them."""
    return [
        Note(rng.randrange(36, 84), rng.randrange(128) / 4, 0.25, rng.randrange(40, 110))
        for _ in range(count)
    ]


def median_ms(fn: Any, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def run_speed(tmp: str, runs: int) -> dict[str, Any]:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    res: dict[str, Any] = {}
    for g in names("genres"):
        ctx = MusicalContext(tempo_bpm=100, key=Key(9, "Minor"), genre=g, bars=8)
        gen = median_ms(lambda ctx=ctx: generate_parts(ctx, seed=1), runs)
        parts = generate_parts(ctx, seed=1)
        total = sum(len(v) for v in parts.values())
        naive = median_ms(lambda total=total: naive_notes(total, random.Random(0)), runs)
        path = os.path.join(tmp, f"speed-{g}.mid")
        write_midi(path, parts, tempo_bpm=100, signature=(4, 4), key=ctx.key)
        pm = median_ms(lambda path=path: pretty_midi.PrettyMIDI(path), max(3, runs // 10))
        m21 = median_ms(lambda path=path: music21.converter.parse(path, forceSource=True), 3)
        feel = Feel(swing=0.3, humanize=0.2, accent=0.7, intensity=0.6, fills="4")
        grooved_ctx = replace(ctx, feel=feel)
        grooved = median_ms(lambda ctx=grooved_ctx: generate_parts(ctx, seed=1), runs)
        exotic = replace(ctx, key=parse_key("E Hirajoshi"))
        hirajoshi = median_ms(lambda ctx=exotic: generate_parts(ctx, seed=1), runs)
        res[g] = {"notes": total, "generate_ms": round(gen, 3), "naive_random_ms": round(naive, 3),
                  "groove_controls_ms": round(grooved, 3), "e_hirajoshi_ms": round(hirajoshi, 3),
                  "pretty_midi_read_ms": round(pm, 2), "music21_parse_ms": round(m21, 1)}  # fmt: skip
    return res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sections", default="key,fit,drums,meter,variety,density,speed")
    ap.add_argument("--genres", default=",".join(names("genres")))
    ap.add_argument("--keys", type=int, default=24, help="how many of the 24 keys (evenly spread)")
    ap.add_argument("--seeds", type=int, default=5)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--runs", type=int, default=200, help="timing repeats for speed")
    ap.add_argument("--json", default="")
    args = ap.parse_args()
    sections = set(args.sections.split(","))
    genres = args.genres.split(",")
    keys = KEYS[:: max(1, 24 // args.keys)][: args.keys]
    report: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        if "key" in sections:
            jobs = [(g, k.scale, k.tonic, s) for g in genres for k in keys for s in range(args.seeds)]
            scores: dict[str, list[float]] = {g: [] for g in genres}
            with ProcessPoolExecutor(args.workers) as pool:
                for g, score in pool.map(key_score, jobs, chunksize=8):
                    scores[g].append(score)
            report["key"] = {g: round(mean(v), 4) for g, v in scores.items()}
            report["key"]["all"] = round(mean([x for v in scores.values() for x in v]), 4)
        if sections & {"fit", "drums"}:
            report["fit"] = run_fit_drums(genres, keys, args.seeds, tmp)
        if "meter" in sections:
            report["meter"] = run_meter(tmp, args.seeds)
        if sections & {"variety", "density"}:
            report["variety"], report["density"] = run_variety_density(genres, tmp)
        if "scales" in sections:
            report["scales"] = run_scales(genres, max(1, args.seeds // 5), tmp)
        if "speed" in sections:
            report["speed"] = run_speed(tmp, args.runs)
    text = json.dumps(report, indent=1)
    print(text)
    if args.json:
        Path(args.json).write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
