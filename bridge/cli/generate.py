"""roo generate: write a part, all four parts, or a whole song form to a MIDI file."""

from __future__ import annotations

import argparse
import json
import secrets
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from engines.music import MusicalContext

HELP = "write drums, bass, chords, melody, all four, or a song form to a MIDI file"
PART_CHOICES = ("drums", "bass", "chords", "melody", "all", "song")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "part", metavar="PART", nargs="?", help=f"one of: {', '.join(PART_CHOICES)} (needed unless --genre ?)"
    )
    parser.add_argument("--bars", type=int, default=8, help="length in bars, 1..256 (song: the verse length)")
    parser.add_argument(
        "--key",
        default=None,
        help='a root and major, minor or any Live 12 scale: "A minor", "E Hirajoshi" (default: C major, or the --chords-from file\'s key)',
    )
    parser.add_argument("--tempo", type=float, default=None, help="BPM, 20..999 (default: the genre's)")
    parser.add_argument("--genre", default="pop", help="e.g. pop, rock, jazz (roo generate --genre ? lists)")
    parser.add_argument(
        "--seed", type=int, default=None, help="same seed, same notes (default: a new one each time, printed)"
    )
    parser.add_argument("--density", type=float, default=0.5, help="0..1: fewer to more notes")
    parser.add_argument("--complexity", type=float, default=0.5, help="0..1: plainer to richer")
    parser.add_argument("--signature", default="4/4", help="time signature, e.g. 4/4, 3/4, 6/8, 7/8")
    parser.add_argument(
        "--out", default=None, help="the MIDI file to write (no default: needed unless --genre ?)"
    )
    parser.add_argument("--json", action="store_true", help="print what was written as one JSON object")
    groove = parser.add_argument_group("groove controls (each overrides the genre's default)")
    groove.add_argument(
        "--swing", type=float, default=None, help="0..1: straight to triplet swing (default: the genre's)"
    )
    groove.add_argument(
        "--humanize",
        type=float,
        default=None,
        help="0..1: 0 puts every onset on the grid (default: the genre's)",
    )
    groove.add_argument(
        "--accent",
        type=float,
        default=None,
        help="0..1: velocity range, 0 flat, 1 wide (default: the genre's)",
    )
    groove.add_argument(
        "--intensity",
        type=float,
        default=None,
        help="0..1: energy, fewer/softer to more/louder (default: the genre's)",
    )
    groove.add_argument(
        "--fills",
        default=None,
        help="none, phrase (every 8 bars and the end) or 4 (every 4 bars) (default: the genre's)",
    )
    parser.add_argument(
        "--chords-from",
        default=None,
        metavar="FILE.mid",
        help="follow this MIDI file's chords (all pitched tracks; default: the genre's progression)",
    )


def run(args: argparse.Namespace) -> int:
    from bridge.actions.generate.job import refuse_empty
    from engines.errors import InvalidValue
    from engines.generators import generate, generate_parts
    from engines.generators.arrangement import flatten, plan_song
    from engines.genre_names import genre_name
    from engines.midi_file import key_signature_name, write_midi
    from engines.music import Feel, MusicalContext, parse_key, parse_signature
    from engines.presets import load_genre, names

    if args.genre == "?":
        print("\n".join(names("genres")))
        return 0
    if args.part is None:
        raise InvalidValue(f"PART is missing: expected one of {', '.join(PART_CHOICES)}")
    args.key_given = args.key is not None
    if args.part not in PART_CHOICES:
        raise InvalidValue(f"part {args.part!r} is not known: expected one of {', '.join(PART_CHOICES)}")
    if args.out is None:
        raise InvalidValue("--out is missing: expected the MIDI file to write, e.g. --out part.mid")
    args.genre = genre_name(args.genre)  # "hiphop", "dnb", "lo fi": the preset's own name
    genre = load_genre(args.genre)
    tempo = genre.tempo_bpm if args.tempo is None else args.tempo
    if not 20.0 <= tempo <= 999.0:
        raise InvalidValue(f"tempo {tempo} BPM is out of range: expected 20..999")
    if not args.out.lower().endswith((".mid", ".midi")):
        raise InvalidValue(f"output {args.out!r} is not a MIDI file name: expected a name ending in .mid")
    ctx = MusicalContext(
        tempo_bpm=tempo,
        signature=parse_signature(args.signature),
        key=parse_key(args.key or "C major"),
        genre=args.genre,
        bars=args.bars,
        feel=Feel(args.swing, args.humanize, args.accent, args.intensity, args.fills),
    )
    seed = secrets.randbelow(1_000_000) if args.seed is None else args.seed
    controls = {"density": args.density, "complexity": args.complexity, "seed": seed}
    if args.chords_from is not None:
        ctx = chords_from(ctx, args.chords_from, key_given=args.key_given, tempo_given=args.tempo is not None)
        tempo = ctx.tempo_bpm
    markers: list[tuple[float, str]] = []
    length = ctx.length_beats
    if args.part == "song":
        parts, markers, length = flatten(plan_song(ctx, **controls), ctx.beats_per_bar)
    elif args.part == "all":
        parts = generate_parts(ctx, **controls)
        for name in (name for name, notes in parts.items() if not notes):
            print(
                f"{args.genre} has no {name} part at density {args.density:g}: its track is empty",
                file=sys.stderr,
            )
    else:
        parts = {args.part: generate(args.part, ctx, **controls)}
        refuse_empty(args.part, args.genre, args.density, parts[args.part])
    programs = {name: int(getattr(genre, name)["program"]) for name in ("bass", "chords", "melody")}
    try:
        write_midi(
            args.out,
            parts,
            tempo_bpm=tempo,
            signature=ctx.signature,
            key=ctx.key,
            programs=programs,
            markers=markers,
            length_beats=length,
        )
    except OSError as exc:
        raise InvalidValue(f"cannot write {args.out!r}: {exc.strerror}") from exc
    signature_key = key_signature_name(ctx.key)
    if (
        ctx.key.spelling
        and ctx.key.scale in ("Major", "Minor")
        and signature_key.rstrip("m") != ctx.key.spelling
    ):
        print(f"{ctx.key} has no key signature of its own: the file's is {signature_key}", file=sys.stderr)
    if args.json:
        written = {
            "path": args.out,
            "part": args.part,
            "genre": args.genre,
            "key": str(ctx.key),
            "key_signature": signature_key,
            "tempo_bpm": tempo,
            "signature": f"{ctx.signature[0]}/{ctx.signature[1]}",
            "bars": length / ctx.beats_per_bar,
            "seed": seed,
            "notes": {name: len(notes) for name, notes in parts.items()},
            "markers": [{"beat": beat, "name": name} for beat, name in markers],
        }
        print(json.dumps(written))
        return 0
    counts = ", ".join(f"{name} {len(notes)}" for name, notes in parts.items())
    print(
        f"wrote {args.out}: {args.genre} in {ctx.key}, {length / ctx.beats_per_bar:g} bars at {tempo:g} BPM "
        f"({counts} notes, seed {seed})"
    )
    return 0


def chords_from(ctx: MusicalContext, path: str, *, key_given: bool, tempo_given: bool) -> MusicalContext:
    """The context with a MIDI file's chords (a chord per beat, looped) and, unless given, its key
    and tempo."""
    from dataclasses import replace

    from engines.errors import InvalidValue
    from engines.symbolic import describe_tracks, read_tracks

    song = read_tracks(path)
    desc = describe_tracks([list(t.notes) for t in song.tracks if not t.is_drums], song.length_beats)
    chords = desc.generator_chords()
    if not chords:
        raise InvalidValue(
            f"{path!r} has no chords to follow: expected pitched notes outside the drum channel"
        )
    ctx = replace(ctx, chords=chords, tempo_bpm=ctx.tempo_bpm if tempo_given else song.tempo_bpm)
    return ctx if key_given or desc.key is None else replace(ctx, key=desc.key)
