"""``roo analyze FILE``: tempo, beats, downbeats, meter, key and chords of an audio file."""

from __future__ import annotations

import argparse
import json

from bridge.queue import add_broker_argument

HELP = "analyse an audio or MIDI file: tempo, beats, downbeats, time signature, key and chords"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="WAV, AIFF, FLAC, MP3 or OGG file, or a .mid file")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--backend", choices=("madmom", "librosa"), default="madmom", help="default: madmom")
    parser.add_argument(
        "--start", type=float, default=None, metavar="SECONDS", help="analyse from here (default: the start)"
    )
    parser.add_argument(
        "--end", type=float, default=None, metavar="SECONDS", help="analyse up to here (default: the end)"
    )
    parser.add_argument("--no-cache", action="store_true", help="ignore and do not write the result cache")
    parser.add_argument(
        "--allow-short", action="store_true", help="analyse a file cut short (an interrupted copy) as it is"
    )
    add_broker_argument(parser)


def run(args: argparse.Namespace) -> int:
    if args.file.lower().endswith((".mid", ".midi")):
        return run_midi(args)
    from bridge.cli.progress import terminal_bar
    from bridge.queue import run_target
    from engines.analysis.result import NO_KEY, AnalysisResult
    from engines.errors import FileCutShort

    try:
        with terminal_bar("analysing", enabled=not args.json) as progress:  # none when piped
            result: AnalysisResult = run_target(
                args.broker,
                "engines.analysis.cache:analyze_file",
                progress or (lambda fraction, message: None),
                path=args.file,
                backend=args.backend,
                start_s=args.start,
                end_s=args.end,
                use_cache=not args.no_cache,
                allow_short=args.allow_short,
            )
    except FileCutShort as exc:
        raise FileCutShort(f"{exc}; --allow-short analyses what it holds") from exc
    if args.json:
        print(json.dumps(result.to_dict()))
        return 0
    tempo = "none" if result.tempo_bpm is None else f"{result.tempo_bpm:.1f} BPM"
    meter = "no meter" if result.time_signature is None else "{}/{}".format(*result.time_signature)
    if result.time_signature is not None and result.meter_ambiguous:  # issue 45: held as unsure
        meter += result.rival_asked + " (unsure)"
    print(f"file:       {args.file} ({result.duration_s:.2f} s, {result.sample_rate} Hz)")
    print(f"tempo:      {tempo}, {len(result.beats_s)} beats, {len(result.downbeats_s)} downbeats, {meter}")
    if result.key == NO_KEY:
        print(f"key:        {NO_KEY} (no pitched sound: a drum loop or noise)")
    else:
        print(f"key:        {result.key} (confidence {result.key_confidence:.2f})")
    chords = " ".join(c.label for c in result.chords[:16])
    more = f" ... ({len(result.chords)} in all)" if len(result.chords) > 16 else ""
    print(f"chords:     {chords}{more}")
    print(f"backend:    {result.backend}")
    return 0


def run_midi(args: argparse.Namespace) -> int:
    """A MIDI file: tempo and signature from the file, key and chords from its pitched tracks."""
    from bridge.actions.analyze.apply import KEY_CONFIDENCE_MIN
    from engines.symbolic import SAID_RIVALS, analysis_dict, held_said, read_tracks

    data = analysis_dict(read_tracks(args.file))
    if args.json:
        print(json.dumps(data))
        return 0
    num, den = data["time_signature"]
    print(f"file:       {args.file} ({data['duration_s']:.2f} s at the file's tempo)")
    print(f"tempo:      {data['tempo_bpm']:g} BPM (from the file), {num}/{den}")
    rivals = [alt["key"] for alt in data["key_alternatives"][:SAID_RIVALS]]
    held = (
        held_said(KEY_CONFIDENCE_MIN, [data["key"], *rivals])
        if data["key_confidence"] < KEY_CONFIDENCE_MIN and rivals
        else ""
    )
    print(f"key:        {data['key']} (confidence {data['key_confidence']:.2f}{held})")
    labels = [c["label"] for c in data["chords_beats"]]
    more = f" ... ({len(labels)} in all)" if len(labels) > 16 else ""
    print(f"chords:     {' '.join(labels[:16])}{more}")
    print("backend:    midi")
    return 0
