"""The project's generated songs (tools/eval/generated: drums, bass, chords, melody in every genre
preset) in the meter corpus' format, so the meter model trains on band textures too (issue 45).

Without ``--signatures``: every genre in its own 4/4 at its own tempo, three keys a genre, 8 bars (the
first set). With ``--signatures``: every genre in each signature named (no odd meters: the model does
not read them), ``--tonics`` keys a genre and signature (both modes, alternating), each at a tempo
drawn per piece (seeded) and at least MIN_S seconds long (whole 4-bar phrases, 8 bars or more).

Tempo: the generators' ``tempo_bpm`` is Live's (quarter notes a minute, whatever the signature:
``write_midi`` writes it as the MIDI quarter-note tempo), so ``live_tempo_bpm`` is the context's
tempo and ``bar_s`` its quarter notes a bar over it. Drawn in 0.8x..1.2x the genre's tempo; in
compound meters the range is lifted so the dotted quarter, the counted beat, is at least
MIN_COMPOUND_BEAT_BPM (an ambient 6/8 at 56 quarters would count 37 a minute). Swing: the presets'
swing as the generators play it (in x/8 meters they never swing the eighths: the triplet eighths
are the swing there; sixteenth swing is kept everywhere).

    nice -n 10 .venv/bin/python -m tools.corpus.project_songs [--out .cache/meter_corpus/songs]
    nice -n 10 .venv/bin/python -m tools.corpus.project_songs --signatures 2/4,3/4,4/4,6/8,9/8,12/8 \\
        --tonics 2 --out /work/cache/songs3
    nice -n 10 .venv/bin/python -m tools.corpus.meter_heard --corpus .cache/meter_corpus/songs
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from pathlib import Path
from typing import Any

from engines.analysis.result import quarters_per_beat
from engines.music import Feel, parse_signature
from tools.eval import generated
from tools.eval.rendered import fluidsynth_or_exit

TONICS = (0, 4, 8)  # the first set's keys (no --signatures)
TEMPO_RANGE = (0.8, 1.2)  # times the genre's tempo
MIN_COMPOUND_BEAT_BPM = 48.0  # dotted quarters a minute, at the least
MIN_S = 20.0  # a piece lasts at least this long (with --signatures)
PHRASE_BARS = 4
ODD = ((5, 4), (7, 8))


def signatures_of(text: str) -> tuple[tuple[int, int], ...]:
    """'3/4,6/8' -> ((3, 4), (6, 8)); an argparse error naming a bad or odd signature."""
    out = []
    for part in text.split(","):
        try:
            sig = parse_signature(part.strip())
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from exc
        if sig in ODD:
            raise argparse.ArgumentTypeError(
                f"{part.strip()} is an odd meter (the model does not read them): expected 2/4, 3/4, 4/4, 6/8, 9/8 or 12/8"
            )
        out.append(sig)
    return tuple(out)


def live_tempo(genre_bpm: float, signature: tuple[int, int], rng: random.Random) -> float:
    """Live's tempo for one piece: a draw in TEMPO_RANGE of the genre's, lifted in compound meters."""
    low, high = (genre_bpm * f for f in TEMPO_RANGE)
    qpb = quarters_per_beat(signature)
    if qpb > 1:  # compound: the counted beat is the dotted quarter
        floor = MIN_COMPOUND_BEAT_BPM * qpb
        low, high = max(low, floor), max(high, floor * TEMPO_RANGE[1] / TEMPO_RANGE[0])
    return round(rng.uniform(low, high), 1)


def plan(
    signatures: tuple[tuple[int, int], ...] | None, tonics: int, genres: tuple[str, ...], seed: int
) -> list[dict[str, Any]]:
    """Every piece: genre, tonic, scale and (with signatures) its context overrides and name tag."""
    from engines.presets import load_genre

    if signatures is None:
        keep = {i * 12 // tonics for i in range(tonics)}  # 3: TONICS
        return [{"genre": g, "tonic": t, "scale": s, "context": None, "tag": ""}
                for g, t, s in generated.plan() if g in genres and t in keep]  # fmt: skip
    out = []
    for g, genre in enumerate(genres):
        preset = load_genre(genre)
        for s, sig in enumerate(signatures):
            for i in range(tonics):
                tonic = (5 * s + 7 * g + i * 12 // tonics) % 12
                rng = random.Random(f"{seed}:{genre}:{sig[0]}/{sig[1]}:{tonic}")
                live = live_tempo(preset.tempo_bpm, sig, rng)
                bar_s = sig[0] * 4 / sig[1] * 60.0 / live
                bars = max(generated.BARS, PHRASE_BARS * math.ceil(MIN_S / bar_s / PHRASE_BARS))
                context = {"tempo_bpm": live, "signature": sig, "bars": bars, "feel": Feel()}
                out.append({"genre": genre, "tonic": tonic, "scale": generated.MODES[(i + g + s) % 2],
                            "context": context, "tag": f"_{sig[0]}-{sig[1]}_{live:.0f}bpm"})  # fmt: skip
    return out


def entry(p: dict[str, Any], spec: dict[str, Any]) -> dict[str, Any]:
    """The corpus manifest entry of a rendered piece."""
    num, den = p["time_signature"]
    live = p["tempo_bpm"]  # the generators' tempo is Live's: quarter notes a minute
    out = {"name": f"project_song_{p['name']}", "wav": p["wav"], "time_signature": [num, den],
           "bar_s": num * 4 / den * 60.0 / live, "live_tempo_bpm": live, "collection": "songs"}  # fmt: skip
    if spec["context"] is not None:
        out |= {"genre": spec["genre"], "key": p["key"], "bars": spec["context"]["bars"]}
    return out


def main(argv: list[str] | None = None) -> int:
    from engines.preset_files import names

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(".cache/meter_corpus/songs"))
    parser.add_argument(
        "--signatures", type=signatures_of, default=None, help="e.g. 2/4,3/4,4/4,6/8,9/8,12/8"
    )
    parser.add_argument("--tonics", type=int, default=len(TONICS), help="keys a genre (and signature)")
    parser.add_argument("--genres", default=None, help="comma-separated presets (default: all)")
    parser.add_argument("--seed", type=int, default=1, help="of the tempo draws")
    parser.add_argument("--keep-midi", action="store_true", help="keep each piece's MIDI beside its WAV")
    args = parser.parse_args(argv)
    known = tuple(names("genres"))
    genres = known if args.genres is None else tuple(g.strip() for g in args.genres.split(","))
    for g in genres:
        if g not in known:
            raise SystemExit(f"--genres: {g!r} is not a genre preset: expected some of {', '.join(known)}")
    if not 1 <= args.tonics <= 12:
        raise SystemExit(f"--tonics {args.tonics} is out of range: expected 1..12")
    fluidsynth = fluidsynth_or_exit("the generated songs")
    args.out.mkdir(parents=True, exist_ok=True)
    pieces = []
    for spec in plan(args.signatures, args.tonics, genres, args.seed):
        p = generated.render_piece(spec["genre"], spec["tonic"], spec["scale"], args.out, fluidsynth,
                                   context=spec["context"], tag=spec["tag"])  # fmt: skip
        if not args.keep_midi:
            (args.out / f"{p['name']}.mid").unlink(missing_ok=True)
        pieces.append(entry(p, spec))
        print(pieces[-1]["name"], *p["time_signature"], p["tempo_bpm"], file=sys.stderr)
    (args.out / "manifest.json").write_text(json.dumps({"version": 1, "pieces": pieces}, indent=1))
    print(len(pieces), "pieces")
    return 0


if __name__ == "__main__":
    sys.exit(main())
