"""``roo listen FILE.wav [--json]``: transcribe a recorded command offline and show its intent, and
what the daemon's /roo/voice/stop would do with it (act, read back, ask or refuse) and say back,
for the voice's trust as the daemon keeps it (``voice-trust.json``, read only here)."""

from __future__ import annotations

import argparse
import json

HELP = "transcribe a spoken command from a sound file (offline) and show the intent it gives"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="a sound file with one spoken command (any rate, mono or stereo)")
    parser.add_argument(
        "--json",
        action="store_true",
        help="print one JSON object: action, part, params, heard, decision, says, choices, why",
    )
    parser.add_argument(
        "--whisper",
        metavar="NAME_OR_PATH",
        help="use a Whisper model (folder or cached hub name; default: PocketSphinx)",
    )


def run(args: argparse.Namespace) -> int:
    from bridge.commands.audio import read_speech_wav
    from bridge.commands.learned import default_state_path
    from bridge.commands.reply import reply
    from bridge.commands.speech import hear, load_recognizer
    from bridge.commands.trust import TRUST_FILE, read_trust

    audio = read_speech_wav(args.file)
    backend, recognizer = load_recognizer(args.whisper)
    heard = hear(audio, recognizer, backend)
    trust = read_trust(default_state_path().with_name(TRUST_FILE))
    trust.path = None  # only the daemon's answers move the count
    said = reply(heard.decision, trust)
    if args.json:
        out = {**heard.intent.as_dict(), "heard": heard.transcript, **said.as_dict()}
        print(json.dumps(out, sort_keys=True))
    else:
        print(f'heard "{heard.transcript}" ({backend}, {heard.decode_ms:.0f} ms)')
        print(heard.intent.describe())
        print(f"{said.what}: {said.says}")
    return 0 if heard.intent.understood else 1
