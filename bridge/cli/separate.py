"""``roo separate FILE --out DIR``: one 32-bit float WAV per stem, the input's rate and length."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from bridge.cli.progress import ProgressLine
from bridge.queue import add_broker_argument

HELP = "separate an audio file into stems (drums, bass, other, vocals) with demucs"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="WAV, AIFF, FLAC, MP3 or OGG file")
    parser.add_argument("--out", required=True, metavar="DIR", help="folder for drums.wav, bass.wav, ...")
    parser.add_argument(
        "--model",
        default="htdemucs",
        metavar="NAME",
        help="htdemucs (default), htdemucs_ft, htdemucs_6s (six stems), mdx_extra, or a model folder",
    )
    parser.add_argument(
        "--exact-sum",
        action="store_true",
        help="spread the residual so the stems sum to the input (null test)",
    )
    parser.add_argument(
        "--start", type=float, default=None, metavar="SECONDS", help="separate from here (default: the start)"
    )
    parser.add_argument(
        "--end", type=float, default=None, metavar="SECONDS", help="separate up to here (default: the end)"
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of demucs's random time shift (default 0)")
    parser.add_argument("--device", default=None, help="cpu, cuda or mps (default: the fastest present)")
    add_broker_argument(parser)


def run(args: argparse.Namespace) -> int:
    from bridge.jobs.weights import known_demucs, require_demucs
    from bridge.queue import broker_url, run_target
    from engines.errors import AudioFileError
    from engines.separation import best_device

    source = Path(args.file)
    if not source.is_file():  # the input first: both checks are instant, the missing file is the news
        what = "a folder" if source.is_dir() else "no such file"
        raise AudioFileError(f"{args.file}: {what}: expected an audio file (WAV, AIFF, FLAC, MP3 or OGG)")
    known_demucs(args.model)
    broker = broker_url(args.broker)
    if broker is None:  # a queue worker checks its own cache
        require_demucs(args.model)  # offline without weights: fail now, not after download retries
    device = args.device or ("the queue worker's device" if broker else best_device())
    started = time.monotonic()
    progress = ProgressLine(10)
    cancelled: str | None = None
    kwargs = {} if broker else {"device": device}  # a queue worker uses its own device
    paths: dict[str, str] = {}
    try:
        paths = run_target(
            broker,
            "engines.separation.files:separate_file",
            progress,
            path=args.file,
            out_dir=args.out,
            model=args.model,
            exact_sum=args.exact_sum,
            start_s=args.start,
            end_s=args.end,
            seed=args.seed,
            **kwargs,
        )
    except KeyboardInterrupt as exc:  # Ctrl-C or SIGINT: said, not a silent exit 130
        cancelled = f": {exc}" if str(exc) else ""
    finally:
        progress.end()  # end the progress line before any error message
    if cancelled is not None:
        print(f"roo separate: cancelled{cancelled}; no stems written", file=sys.stderr, flush=True)
        return 130
    for path in paths.values():
        print(path)
    print(f"separated {args.file} on {device} in {time.monotonic() - started:.1f} s", file=sys.stderr)
    return 0
