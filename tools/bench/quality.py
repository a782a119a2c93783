"""Judge the Roo generators with independent readers of the MIDI files they write.

    .venv/bin/python tools/bench/quality.py [--sections key,fit,drums,meter,variety,density,speed]
        [--genres pop,rock] [--keys 24] [--seeds 5] [--workers 2] [--json OUT]

Every figure is computed from a written .mid file: music21 parses it for the key (Krumhansl-
Schmuckler, scored with mir_eval's weighted key score), pretty_midi reads it for the rest.
The chord at a moment is what the chords track sounds in that half bar (the whole bar in
3/4, 5/4, 7/8 and 9/8); strong beats are 1 and 3 in 4/4 (the dotted-quarter beats in 6/8).
Speed: generate_parts for 8 bars, pinned to one core, beside the same run's peers.
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
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import mir_eval  # noqa: E402
import music21  # noqa: E402
import pretty_midi  # noqa: E402

from engines.generators import generate_parts  # noqa: E402
from engines.midi_file import write_midi  # noqa: E402
from engines.music import NOTE_NAMES, Key, MusicalContext, Note  # noqa: E402
from engines.presets import load_genre, names  # noqa: E402

TOL = 0.07  # beats: humanised timing stays well inside this
KEYS = [Key(pc, mode) for mode in ("Major", "Minor") for pc in range(12)]
MAJOR = {0, 2, 4, 5, 7, 9, 11}
MINOR = {0, 2, 3, 5, 7, 8, 10}


def write(
    path: str, genre: str, key: Key, seed: int, *, density: float = 0.5, sig: tuple[int, int] = (4, 4)
) -> None:
    ctx = MusicalContext(tempo_bpm=load_genre(genre).tempo_bpm, signature=sig, key=key, genre=genre, bars=8)
    parts = generate_parts(ctx, density=density, complexity=0.5, seed=seed)
    write_midi(path, parts, tempo_bpm=ctx.tempo_bpm, signature=sig, key=key, length_beats=ctx.length_beats)


def read(path: str) -> tuple[dict[str, list[tuple[float, float, int]]], float, tuple[int, int]]:
    """pretty_midi's view of a file: per track (start, end, pitch) in beats, beats per bar, signature."""
    pm = pretty_midi.PrettyMIDI(path)
    bpm = float(pm.get_tempo_changes()[1][0])
    ts = pm.time_signature_changes[0]
    sig = (ts.numerator, ts.denominator)
    tracks = {
        inst.name: [(n.start * bpm / 60, n.end * bpm / 60, n.pitch) for n in inst.notes]
        for inst in pm.instruments
    }
    return tracks, sig[0] * 4 / sig[1], sig


def window_beats(sig: tuple[int, int], bar: float) -> float:
    return bar / 2 if sig in ((4, 4), (2, 4), (6, 8), (12, 8)) else bar


def strong(sig: tuple[int, int]) -> list[float]:
    return {(4, 4): [0.0, 2.0], (6, 8): [0.0, 1.5], (12, 8): [0.0, 3.0]}.get(sig, [0.0])


def key_score(args: tuple[str, str, int, int]) -> tuple[str, float]:
    """music21 key of chords+bass+melody in a written file, scored against the requested key."""
    genre, mode, pc, seed = args
    key = Key(pc, mode)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "k.mid")
        write(path, genre, key, seed)
        score = music21.converter.parse(path)
        assert isinstance(score, music21.stream.Score)
        for part in list(score.parts):
            if part.partName == "drums":
                score.remove(part)
        found = score.analyze("key")
    ref = f"{NOTE_NAMES[pc]} {mode.lower()}"
    est = f"{found.tonic.name.replace('-', 'b')} {found.mode}"
    return genre, float(mir_eval.key.weighted_score(ref, est))


def fit_checks(path: str, key: Key, chromatic: set[int]) -> dict[str, list[int]]:
    tracks, bar, sig = read(path)
    win = window_beats(sig, bar)
    chords = tracks.get("chords", [])
    length = max((e for t in tracks.values() for _s, e, _p in t), default=0.0)
    pcs_at = []
    for w in range(int(length / win + 0.5)):
        lo, hi = w * win, (w + 1) * win
        pcs_at.append({p % 12 for s, e, p in chords if s < hi - TOL and e > lo + TOL})
    out: dict[str, list[int]] = {"bass": [], "melody": [], "scale_raw": [], "scale_unlisted": []}
    prev: set[int] | None = None
    for w, pcs in enumerate(pcs_at):
        t = w * win + 0.05
        if pcs and pcs != prev:
            out["bass"] += [int(p % 12 in pcs) for s, e, p in tracks.get("bass", []) if s <= t + TOL < e]
        prev = pcs or prev
    for s, _e, p in tracks.get("melody", []):
        pos = s % bar
        pcs = pcs_at[min(int((s + TOL) / win), len(pcs_at) - 1)]  # an early onset still counts as on the beat
        if any(abs(pos - b) < TOL or abs(pos - bar) < TOL for b in strong(sig)) and pcs:
            out["melody"].append(int(p % 12 in pcs))
    scale = {(key.tonic + i) % 12 for i in (MAJOR if key.scale == "Major" else MINOR)}
    listed = {(key.tonic + d) % 12 for d in chromatic}
    for name in ("bass", "chords", "melody"):
        for _s, _e, p in tracks.get(name, []):
            out["scale_raw"].append(int(p % 12 not in scale))
            out["scale_unlisted"].append(int(p % 12 not in scale | listed))
    return out


def drum_bars(path: str, genre: str) -> list[int]:
    """Per bar 1/0: the genre's signature groove is there."""
    tracks, bar, _sig = read(path)
    kit = tracks.get("drums", [])
    bars = round(max(e for _s, e, _p in kit) / bar) if kit else 0
    result = []
    for b in range(bars):
        hits = [(s - b * bar, p) for s, _e, p in kit if b * bar - TOL <= s < (b + 1) * bar - TOL]

        def at(beat: float, pitches: tuple[int, ...], hits: list[tuple[float, int]] = hits) -> bool:
            return any(abs(t - beat) < TOL and p in pitches for t, p in hits)

        offs = [t % 1 for t, p in hits if p in (42, 51) and 0.3 < t % 1 < 0.85]
        if genre in ("rock", "pop", "country"):
            ok = at(1.0, (38,)) and at(3.0, (38,))
        elif genre == "electronic":
            ok = all(at(float(i), (36,)) for i in range(4))
        elif genre == "reggae":
            ok = at(2.0, (36,)) and at(2.0, (37, 38)) and not at(0.0, (36,))
        elif genre in ("jazz", "blues"):
            swung = [o for o in offs if abs(o - 2 / 3) < TOL]
            ok = len(swung) >= 1 and not any(abs(o - 0.5) < TOL for o in offs)
        else:
            continue
        result.append(int(ok))
    return result


def meter_bars(path: str, sig: tuple[int, int]) -> list[int]:
    tracks, bar, read_sig = read(path)
    kit = tracks.get("drums", [])
    backbeat = {(3, 4): (1.0, 2.0), (6, 8): (1.5,)}[sig]
    out = []
    for b in range(8):
        hits = [(round(s - b * bar, 3), p) for s, _e, p in kit if b * bar - TOL <= s < (b + 1) * bar - TOL]
        kick = any(abs(t) < TOL and p == 36 for t, p in hits)
        snare = any(abs(t - x) < TOL and p in (37, 38, 39) for t, p in hits for x in backbeat)
        out.append(int(read_sig == sig and kick and snare))
    return out


def pattern(path: str, part: str) -> tuple[tuple[int, int], ...]:
    tracks, _bar, _sig = read(path)
    return tuple(sorted((round(s * 12), p) for s, _e, p in tracks.get(part, [])))


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
        res[g] = {"notes": total, "generate_ms": round(gen, 3), "naive_random_ms": round(naive, 3),
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
        if "speed" in sections:
            report["speed"] = run_speed(tmp, args.runs)
    text = json.dumps(report, indent=1)
    print(text)
    if args.json:
        Path(args.json).write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
