"""``roo transcribe FILE --out F.mid [--kind K] [--json]``: an audio file's notes as a MIDI file, offline.

Runs the engine in this process (no daemon, no Live). The MIDI file carries ``--tempo`` (default
120 BPM) so its notes sound at the seconds they were heard; drums go on channel 10 in the GM
layout. ``--json`` prints the kind used (and why auto chose it) and every note's pitch, start_s,
end_s and velocity.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bridge import protocol

if TYPE_CHECKING:
    from engines.transcription import TranscribedNote

HELP = "turn an audio file's notes (melody, bass, piano, chords or drums) into a MIDI file"
PARTS = {"melody": "melody", "bass": "bass", "piano": "chords", "chords": "chords", "drums": "drums"}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="WAV, AIFF, FLAC, MP3 or OGG file")
    parser.add_argument(
        "--out", metavar="F.mid", help="the MIDI file to write (default: none; needed unless --json)"
    )
    parser.add_argument(
        "--kind",
        choices=protocol.TRANSCRIBE_KINDS,
        default="auto",
        help="what the audio is; auto chooses and says",
    )
    parser.add_argument("--tempo", type=float, default=120.0, metavar="BPM", help="the MIDI file's tempo")
    parser.add_argument(
        "--quantize",
        type=float,
        default=0.0,
        metavar="0..1",
        help="pull notes toward the 16th grid at --tempo",
    )
    parser.add_argument(
        "--key",
        default=None,
        metavar="KEY",
        help='the song\'s key, e.g. "A minor" or "F#m": it decides a sung take\'s tuning where the audio '
        "sits near a quarter tone off its notes (default: none)",
    )
    parser.add_argument("--json", action="store_true", help="print the kind used and the notes as JSON")


def run(args: argparse.Namespace) -> int:
    from engines.errors import AudioFileError, InvalidValue

    source = Path(args.file)
    if not source.is_file():
        what = "a folder" if source.is_dir() else "no such file"
        raise AudioFileError(f"{args.file}: {what}: expected an audio file (WAV, AIFF, FLAC, MP3 or OGG)")
    if args.out is None and not args.json:
        raise InvalidValue("no output asked: give --out F.mid, --json, or both")
    if not 20.0 <= args.tempo <= 999.0:
        raise InvalidValue(f"--tempo {args.tempo:g} is out of range: expected 20..999 BPM")
    if not 0.0 <= args.quantize <= 1.0:
        raise InvalidValue(f"--quantize {args.quantize:g} is out of range: expected 0..1")
    key = None if args.key is None else _key(args.key)  # before the audio is read
    from engines.transcription.files import transcription_of

    started = time.monotonic()
    done = transcription_of(
        str(source), kind=args.kind, tempo_bpm=args.tempo, quantize=args.quantize, key=key
    )
    if args.out is not None:
        write(Path(args.out), done.notes, done.kind, args.tempo)
    took = time.monotonic() - started
    if args.json:
        print(json.dumps({
            "file": str(source), "kind": done.kind, "chosen_because": done.chosen_because,
            "duration_s": round(done.duration_s, 4), "tempo_bpm": args.tempo, "quantize": args.quantize,
            "drum_notes": done.drum_notes, "out": args.out, "notes": done.as_rows(),
        }, indent=1))  # fmt: skip
    chose = f" (auto: {done.chosen_because})" if done.chosen_because else ""
    where = f" to {args.out}" if args.out else ""
    print(
        f"transcribed {args.file} as {done.kind}{chose}: {len(done.notes)} notes{where} in {took:.2f} s",
        file=sys.stderr,
    )
    return 0


def _key(text: str) -> str:
    """``--key`` as the key's name ("F#m" -> "F# minor"); InvalidValue names it and what is expected."""
    from engines.errors import InvalidValue
    from engines.music import parse_key

    try:
        return str(parse_key(text))
    except InvalidValue as exc:
        raise InvalidValue(f"--{exc}") from exc  # "--key 'H minor' is not valid: expected ..."


def write(path: Path, notes: Sequence[TranscribedNote], kind: str, tempo_bpm: float) -> None:
    """The notes as a type-1 MIDI file at ``tempo_bpm`` (beats = seconds x tempo / 60)."""
    from engines.midi_file import write_midi
    from engines.music import Key, Note

    per_s = tempo_bpm / 60.0
    beats = [
        Note(
            n.pitch, round(n.start_s * per_s, 6), round(max(n.end_s - n.start_s, 0.01) * per_s, 6), n.velocity
        )
        for n in notes
    ]
    end = max((b.start_beats + b.duration_beats for b in beats), default=0.0)
    write_midi(path, {PARTS[kind]: beats}, tempo_bpm=tempo_bpm, signature=(4, 4), key=Key(0, "Major"),
               length_beats=end)  # fmt: skip
