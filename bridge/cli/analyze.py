"""``roo analyze FILE``: tempo, beats, downbeats, meter, key and chords of an audio file."""

from __future__ import annotations

import argparse
import json

from bridge.queue import add_broker_argument

HELP = "analyse an audio file: tempo, beats, downbeats, time signature, key and chords"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="WAV, AIFF, FLAC, MP3 or OGG file")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--backend", choices=("madmom", "librosa"), default="madmom", help="default: madmom")
    parser.add_argument("--start", type=float, default=None, metavar="SECONDS", help="analyse from here")
    parser.add_argument("--end", type=float, default=None, metavar="SECONDS", help="analyse up to here")
    parser.add_argument("--no-cache", action="store_true", help="ignore and do not write the result cache")
    add_broker_argument(parser)


def run(args: argparse.Namespace) -> int:
    from bridge.queue import run_target
    from engines.analysis.result import NO_KEY, AnalysisResult

    result: AnalysisResult = run_target(
        args.broker,
        "engines.analysis.cache:analyze_file",
        lambda fraction, message: None,
        path=args.file,
        backend=args.backend,
        start_s=args.start,
        end_s=args.end,
        use_cache=not args.no_cache,
    )
    if args.json:
        print(json.dumps(result.to_dict()))
        return 0
    tempo = "none" if result.tempo_bpm is None else f"{result.tempo_bpm:.1f} BPM"
    num, den = result.time_signature
    print(f"file:       {args.file} ({result.duration_s:.2f} s, {result.sample_rate} Hz)")
    print(
        f"tempo:      {tempo}, {len(result.beats_s)} beats, {len(result.downbeats_s)} downbeats, {num}/{den}"
    )
    if result.key == NO_KEY:
        print(f"key:        {NO_KEY} (no pitched sound: a drum loop or noise)")
    else:
        print(f"key:        {result.key} (confidence {result.key_confidence:.2f})")
    chords = " ".join(c.label for c in result.chords[:16])
    more = f" ... ({len(result.chords)} in all)" if len(result.chords) > 16 else ""
    print(f"chords:     {chords}{more}")
    print(f"backend:    {result.backend}")
    return 0
