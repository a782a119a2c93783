"""roo transform KIND IN.mid --out OUT.mid: a transform of every track of a MIDI file, offline.

Pitch transforms (transpose, invert, revoice, vary keeping the rhythm) leave drum tracks (MIDI
channel 10) alone; drums_keep and drums_remove touch only drum tracks (or, in a file without
one, the tracks whose notes look like drums). The clip length is the file's, rounded up to
whole bars; the key for diatonic moves is ``--key``, else the one all pitched tracks suggest.
"""

from __future__ import annotations

import argparse

HELP = "transform a MIDI file: vary, humanize, quantize, swing, half_time, transpose, drums_remove ..."
PITCH_KINDS = ("transpose", "invert", "revoice")
CASTS = {"int": int, "float": float, "str": str}


HELPS = {
    "amount": "0..1 (default 0.5); humanize 0 is an exact copy; density 0.5 keeps, less thins, more adds",
    "strength": "quantize: 0..1 (default 1)",
    "grid": "quantize, vary, density: grid in beats (default 0.25)",
    "subdivision": "swing: 8th or 16th",
    "semitones": "transpose: chromatic shift",
    "steps": "transpose: diatonic shift in scale steps",
    "to": "transpose to this tonic, e.g. E",
    "voices": "drums_keep/drums_remove: kick,snare,clap,hats,closed,pedal,open,ride,toms,cymbals,percussion",
    "keep": "vary: rhythm (new pitches) or pitches (new rhythm)",
    "style": "revoice: smooth, close, open or drop2",
    "key": "the key for diatonic moves, e.g. 'A minor' (default: the file's)",
    "pivot": "invert: the mirror pitch (default: the first note)",
    "beats": "fill: its length from the end (default 2)",
}


def own_default(text: str) -> str:
    """One default per help line: the help's own, else "the transform's own"."""
    return text if "default" in text else f"{text} (default: the transform's own)"


def configure(parser: argparse.ArgumentParser) -> None:
    from bridge import protocol

    parser.add_argument("kind", metavar="KIND", help=f"one of: {', '.join(protocol.TRANSFORM_KINDS)}")
    parser.add_argument("file", metavar="IN.mid", help="the MIDI file to read")
    parser.add_argument("--out", required=True, help="the MIDI file to write")
    parser.add_argument("--seed", type=int, default=0, help="same seed, same result")
    for name, kind in protocol.TRANSFORM_OPTIONS.items():
        if name not in ("track", "slot", "replace", "seed"):
            parser.add_argument(
                f"--{name}",
                type=CASTS[kind],
                default=None,
                help=own_default(HELPS.get(name, kind)),
            )


def run(args: argparse.Namespace) -> int:
    import math
    from dataclasses import replace

    from engines.errors import InvalidValue
    from engines.symbolic import is_drum_part, read_tracks, write_tracks
    from engines.symbolic.keys import detect_key
    from engines.transforms import KINDS, OPTION_TYPES, make_options, transform

    if args.kind not in KINDS:
        raise InvalidValue(f"transform {args.kind!r} is not known: expected one of {', '.join(KINDS)}")
    if not args.out.lower().endswith((".mid", ".midi")):
        raise InvalidValue(f"output {args.out!r} is not a MIDI file name: expected a name ending in .mid")
    song = read_tracks(args.file)
    num, den = song.signature
    bar = num * 4.0 / den
    length = max(bar, math.ceil(song.length_beats / bar - 1e-6) * bar)
    given = {name: getattr(args, name) for name in OPTION_TYPES if getattr(args, name) is not None}
    if args.kind.startswith("drums_") and "voices" not in given:
        raise InvalidValue(f"{args.kind} needs --voices: expected e.g. --voices hats or --voices kick,snare")
    if "key" not in given:
        key = song.key or detect_key(song.pitched_notes())[0]
        if key is not None:
            given["key"] = str(key)
    options = make_options(length, bar, **given)
    drum_tracks = {i for i, t in enumerate(song.tracks) if t.is_drums}
    if not drum_tracks:
        drum_tracks = {i for i, t in enumerate(song.tracks) if is_drum_part(t.notes)}
    pitch_only = args.kind in PITCH_KINDS or (args.kind == "vary" and options.keep == "rhythm")
    tracks, new_length, touched = [], length, 0
    for i, track in enumerate(song.tracks):
        drums = i in drum_tracks
        if (args.kind.startswith("drums_") and not drums) or (pitch_only and drums):
            tracks.append(track)
            continue
        result = transform(args.kind, list(track.notes), options, args.seed)
        tracks.append(replace(track, notes=tuple(result.notes)))
        new_length, touched = result.length_beats, touched + 1
    if args.kind.startswith("drums_") and not drum_tracks:
        raise InvalidValue(
            f"{args.file!r} has no drum track (MIDI channel 10): {args.kind} changes drum voices only"
        )
    write_tracks(args.out, replace(song.with_tracks(tracks), length_beats=new_length))
    counts = ", ".join(f"{t.name} {len(t.notes)}" for t in tracks)
    print(
        f"wrote {args.out}: {args.kind} of {touched} of {len(tracks)} tracks, {new_length:g} beats ({counts} notes)"
    )
    return 0
