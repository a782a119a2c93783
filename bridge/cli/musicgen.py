"""``roo musicgen PROMPT --bars N --tempo BPM --out FILE.wav [--variations N]``: tempo-locked loops from MusicGen."""

from __future__ import annotations

import argparse
import json
import sys
import time

from bridge.cli.progress import ProgressLine
from bridge.queue import add_broker_argument

HELP = "generate an audio loop of exactly N bars at a tempo with MusicGen (text, melody or continuation)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "prompt", metavar="PROMPT", help="what to play, e.g. 'lofi drum beat with warm piano'"
    )
    parser.add_argument("--bars", type=int, required=True, metavar="N", help="loop length in bars")
    parser.add_argument("--tempo", type=float, required=True, metavar="BPM", help="song tempo in BPM")
    parser.add_argument("--signature", default="4/4", help="time signature (default 4/4)")
    parser.add_argument(
        "--out", required=True, metavar="FILE.wav", help="where to write the loop (32-bit float WAV)"
    )
    parser.add_argument(
        "--model",
        default="small",
        metavar="NAME",
        help="small (default), medium, large, melody, stereo-small ..., a Hugging Face id or a model folder",
    )
    parser.add_argument(
        "--continue",
        dest="continue_file",
        metavar="FILE",
        help="audio file to continue (default: none, a new loop)",
    )
    parser.add_argument(
        "--melody",
        metavar="FILE",
        help="audio or MIDI file whose melody (chroma) guides a melody model (default: none)",
    )
    parser.add_argument(
        "--sample-rate", type=int, default=48000, metavar="HZ", help="output rate (default 48000)"
    )
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: a new one, printed)")
    parser.add_argument(
        "--variations",
        type=int,
        default=1,
        metavar="N",
        help="N takes (1..8) in one batch, seeds SEED, SEED+1 ...; take k goes to '<out stem> take k.wav'",
    )
    parser.add_argument(
        "--guidance", type=float, default=3.0, help="classifier-free guidance scale (default 3)"
    )
    parser.add_argument(
        "--precision",
        default="auto",
        choices=("auto", "fp32", "int8", "fp16"),
        help="auto: int8 decoder on CPU, fp16 on CUDA (see docs/BENCHMARKS.md)",
    )
    add_broker_argument(parser)


def run(args: argparse.Namespace) -> int:
    from bridge.queue import run_target
    from engines.errors import InvalidValue
    from engines.musicgen.pipeline import MAX_VARIATIONS

    if not 1 <= args.variations <= MAX_VARIATIONS:
        raise InvalidValue(f"--variations {args.variations} is out of range: expected 1..{MAX_VARIATIONS}")
    if args.bars < 1:
        raise InvalidValue(f"--bars {args.bars} is out of range: expected a whole number >= 1")
    if not 20.0 <= args.tempo <= 999.0:
        raise InvalidValue(f"--tempo {args.tempo:g} is out of range: expected 20..999 BPM (Live's range)")
    from bridge.jobs.weights import require_musicgen
    from bridge.queue import broker_url

    if broker_url(args.broker) is None:  # a queue worker checks its own cache
        require_musicgen(args.model)  # offline without weights: fail now, not after download retries
    started = time.monotonic()
    progress = ProgressLine()

    try:
        result = run_target(
            args.broker,
            "engines.musicgen.pipeline:render_loop",
            progress,
            prompt=args.prompt,
            out_path=args.out,
            bars=args.bars,
            tempo_bpm=args.tempo,
            signature=args.signature,
            model=args.model,
            precision=args.precision,
            seed=args.seed,
            sample_rate_hz=args.sample_rate,
            continue_path=args.continue_file,
            melody_path=args.melody,
            guidance_scale=args.guidance,
            variations=args.variations,
        )
    finally:
        progress.end()
    print(json.dumps(result))
    print(
        f"wrote {result['frames']} frames ({args.bars} bars at {args.tempo:g} BPM) to {result['path']} "
        f"in {time.monotonic() - started:.1f} s (seed {result['seed']})"
        + "".join(
            f"; take {k} (seed {t['seed']}) to {t['path']}"
            for k, t in enumerate(result.get("takes", [])[1:], 2)
        ),
        file=sys.stderr,
    )
    return 0
