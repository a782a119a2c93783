"""``roo infill|continue|accompany FILE.mid ...``: MIDI-GPT on a MIDI file, offline.

    roo infill FILE.mid --bars 5-8 --track N --out OUT.mid      rewrite bars 5 to 8 of track N
    roo continue FILE.mid --bars N [--track N] --out OUT.mid    add N bars to a track
    roo accompany FILE.mid --part bass --out OUT.mid            a new part that plays with the file

One module serves the three commands (registered once each in bridge/cli/__init__.py); the
command's name picks its options. Tracks are the file's tracks that hold notes, counted from 1,
or named; a track on MIDI channel 10 is a drum track. The other tracks are the context, and the
output file holds them unchanged plus the result.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

HELP = "MIDI-GPT on a MIDI file: infill bars of a track, continue a track, or accompany with a new part"


def _command(parser: argparse.ArgumentParser) -> str:
    return parser.prog.split()[-1]


def configure(parser: argparse.ArgumentParser) -> None:
    command = _command(parser)
    parser.add_argument("file", metavar="FILE.mid", help="the MIDI file to work on")
    if command == "infill":
        parser.add_argument(
            "--bars", required=True, metavar="FROM-TO", help="bars to rewrite, from 1, e.g. 5-8"
        )
    if command == "continue":
        parser.add_argument("--bars", required=True, type=int, metavar="N", help="how many bars to add")
    if command in ("infill", "continue"):
        parser.add_argument(
            "--track",
            default="1",
            metavar="N",
            help="the track: its number among the tracks with notes, or its name",
        )
    if command == "accompany":
        parser.add_argument("--part", required=True, help="the new part: drums, bass, chords or melody")
    parser.add_argument("--out", required=True, metavar="OUT.mid", help="where to write the result")
    parser.add_argument(
        "--model",
        default=None,
        metavar="NAME|PATH",
        help="yellow_small (default), yellow_medium, prism_medium, expressive_medium, or a checkpoint file",
    )
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: a new one, printed)")
    parser.add_argument("--density", type=float, default=None, help="0..1 (default: the model's choice)")
    parser.add_argument("--complexity", type=float, default=None, help="0..1 (default: the model's choice)")
    parser.add_argument("--key", default=None, help='restrict to a key, e.g. "D minor" (default: none)')


def _track(parts: dict[str, Any], spec: str) -> str:
    from engines.errors import InvalidValue

    names = list(parts)
    if spec in parts:
        return spec
    if spec.isdigit() and 1 <= int(spec) <= len(names):
        return names[int(spec) - 1]
    listed = ", ".join(f"{i} ({n})" for i, n in enumerate(names, 1))
    raise InvalidValue(f"--track {spec!r} is not a track of this file: expected one of {listed or 'none'}")


def _kinds(path: str) -> dict[str, tuple[bool, int]]:
    """Per track name: (plays on channel 10, first program change)."""
    import mido

    out: dict[str, tuple[bool, int]] = {}
    for index, track in enumerate(mido.MidiFile(path).tracks):
        name, drums, program = f"track{index}", False, 0
        for msg in track:
            if msg.type == "track_name":
                name = msg.name
            elif msg.type == "note_on":
                drums = drums or msg.channel == 9
            elif msg.type == "program_change" and program == 0:
                program = msg.program
        out[name] = (drums or name.lower() == "drums", program)
    return out


def run(args: argparse.Namespace) -> int:
    from bridge.cli.progress import ProgressLine
    from engines.errors import InvalidValue
    from engines.infill import DEFAULT_MODEL, Controls, Part, accompany, continue_part, infill
    from engines.infill.score import bar_beats
    from engines.midi_file import read_midi, write_midi
    from engines.music import Key, parse_key

    if not Path(args.file).is_file():
        raise InvalidValue(f"MIDI file {args.file!r} does not exist")
    song = read_midi(args.file)
    kinds = _kinds(args.file)
    parts = {
        name: Part(tuple(notes), None, *kinds.get(name, (False, 0)), name=name)
        for name, notes in song.parts.items()
        if notes
    }
    controls = Controls(args.density, args.complexity, parse_key(args.key) if args.key else None)
    common: dict[str, Any] = {
        "signature": song.signature,
        "model": args.model or DEFAULT_MODEL,
        "controls": controls,
        "seed": args.seed,
    }
    progress = ProgressLine()
    started = time.monotonic()
    try:
        if args.command == "accompany":
            name = args.part.strip().lower()
            if name in parts:
                raise InvalidValue(f"the file already has a track named {name!r}: accompany adds a new one")
            result = accompany(list(parts.values()), name, progress=progress, **common)
        else:
            name = _track(parts, args.track)
            context = [p for n, p in parts.items() if n != name]
            if args.command == "infill":
                first, last = _bars(args.bars)
                result = infill(
                    parts[name], context, first_bar=first, last_bar=last, progress=progress, **common
                )
            else:
                result = continue_part(parts[name], context, bars=args.bars, progress=progress, **common)
    finally:
        progress.end()
    out_parts = {n: list(p.notes) for n, p in parts.items()}
    out_parts[name] = list(result.notes)
    drum_names = [n for n, p in parts.items() if p.drums and n != "drums"]
    if (
        len(drum_names) == 1 and "drums" not in out_parts
    ):  # write_midi puts the part named drums on channel 10
        out_parts = {("drums" if n == drum_names[0] else n): v for n, v in out_parts.items()}
    programs = {n: p.program for n, p in parts.items() if not p.drums}
    if args.command == "accompany" and name != "drums":
        from engines.infill.score import part_for

        programs[name] = part_for(name)[1]
    length = max(result.length_beats, max((n.start_beats + n.duration_beats for p in parts.values()
                                               for n in p.notes), default=0.0))  # fmt: skip
    bars_total = -(-length // bar_beats(song.signature))
    write_midi(
        args.out,
        out_parts,
        tempo_bpm=song.tempo_bpm,
        signature=song.signature,
        key=song.key or Key(0),
        programs=programs,
        length_beats=bars_total * bar_beats(song.signature),
    )
    summary = {
        "path": str(args.out),
        "track": name,
        "first_bar": result.first_bar,
        "last_bar": result.last_bar,
        "notes": len(result.notes),
        "length_beats": result.length_beats,
        "seed": result.seeds[0],
        "tokens": result.tokens,
    }
    print(json.dumps(summary))
    print(
        f"wrote {args.out}: {name} bars {result.first_bar}-{result.last_bar} by MIDI-GPT in "
        f"{time.monotonic() - started:.1f} s (seed {result.seeds[0]})",
        file=sys.stderr,
    )
    return 0


def _bars(text: str) -> tuple[int, int]:
    from engines.errors import InvalidValue

    first, sep, last = text.partition("-")
    if not (first.strip().isdigit() and (not sep or last.strip().isdigit())):
        raise InvalidValue(f"--bars {text!r} is not a bar range: expected FROM-TO counted from 1, e.g. 5-8")
    return int(first), int(last if sep else first)
