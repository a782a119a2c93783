"""``roo listen FILE.wav [--json]``: transcribe a recorded command offline and show its intent."""

from __future__ import annotations

import argparse
import json

HELP = "transcribe a spoken command from a sound file (offline) and show the intent it gives"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="a sound file with one spoken command (any rate, mono or stereo)")
    parser.add_argument(
        "--json", action="store_true", help="print one JSON object: action, part, params, heard"
    )
    parser.add_argument(
        "--whisper",
        metavar="NAME_OR_PATH",
        help="use a Whisper model (folder or cached hub name; default: PocketSphinx)",
    )


def run(args: argparse.Namespace) -> int:
    from bridge.commands.audio import read_speech_wav
    from bridge.commands.speech import hear, load_recognizer

    audio = read_speech_wav(args.file)
    backend, recognizer = load_recognizer(args.whisper)
    heard = hear(audio, recognizer, backend)
    if args.json:
        print(json.dumps({**heard.intent.as_dict(), "heard": heard.transcript}, sort_keys=True))
    else:
        print(f'heard "{heard.transcript}" ({backend}, {heard.decode_ms:.0f} ms)')
        print(heard.intent.describe())
    return 0 if heard.intent.understood else 1
