"""roo generate: write a part, all four parts, or a whole song form to a MIDI file."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from engines.music import MusicalContext

HELP = "write drums, bass, chords, melody, all four, or a song form to a MIDI file"
PART_CHOICES = ("drums", "bass", "chords", "melody", "all", "song")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("part", metavar="PART", help=f"one of: {', '.join(PART_CHOICES)}")
    parser.add_argument("--bars", type=int, default=8, help="length in bars, 1..256 (song: the verse length)")
    parser.add_argument(
        "--key", default=None, help='e.g. "A minor", "F# major", "D dorian" (default: C major)'
    )
    parser.add_argument("--tempo", type=float, default=None, help="BPM, 20..999 (default: the genre's)")
    parser.add_argument("--genre", default="pop", help="e.g. pop, rock, jazz (roo generate --genre ? lists)")
    parser.add_argument("--seed", type=int, default=0, help="same seed, same notes; a new seed varies")
    parser.add_argument("--density", type=float, default=0.5, help="0..1: fewer to more notes")
    parser.add_argument("--complexity", type=float, default=0.5, help="0..1: plainer to richer")
    parser.add_argument("--signature", default="4/4", help="time signature, e.g. 4/4, 3/4, 6/8, 7/8")
    parser.add_argument("--out", required=True, help="the MIDI file to write")
    parser.add_argument(
        "--chords-from",
        default=None,
        metavar="FILE.mid",
        help="follow this MIDI file's chords (all pitched tracks)",
    )


def run(args: argparse.Namespace) -> int:
    from engines.errors import InvalidValue
    from engines.generators import generate, generate_parts
    from engines.generators.arrangement import flatten, plan_song
    from engines.midi_file import write_midi
    from engines.music import MusicalContext, parse_key, parse_signature
    from engines.presets import load_genre, names

    args.key_given = args.key is not None
    if args.part not in PART_CHOICES:
        raise InvalidValue(f"part {args.part!r} is not known: expected one of {', '.join(PART_CHOICES)}")
    if args.genre not in names("genres"):
        raise InvalidValue(f"genre {args.genre!r} is not known: expected one of {', '.join(names('genres'))}")
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
    )
    if args.chords_from is not None:
        ctx = chords_from(ctx, args.chords_from, key_given=args.key_given, tempo_given=args.tempo is not None)
        tempo = ctx.tempo_bpm
    controls = {"density": args.density, "complexity": args.complexity, "seed": args.seed}
    markers: list[tuple[float, str]] = []
    length = ctx.length_beats
    if args.part == "song":
        parts, markers, length = flatten(plan_song(ctx, **controls), ctx.beats_per_bar)
    elif args.part == "all":
        parts = generate_parts(ctx, **controls)
    else:
        parts = {args.part: generate(args.part, ctx, **controls)}
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
    counts = ", ".join(f"{name} {len(notes)}" for name, notes in parts.items())
    print(
        f"wrote {args.out}: {args.genre} in {ctx.key}, {length / ctx.beats_per_bar:g} bars at {tempo:g} BPM ({counts} notes)"
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
