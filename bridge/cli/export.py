"""roo export TAKE --out DIR [--json]: a take's .mid / audio, and a .zip of it and its ancestry."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

HELP = "export a take as .mid / .wav and a .zip of it and its ancestry with a JSON manifest"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("take", metavar="TAKE", help="a take id or a prefix of at least 6 characters")
    parser.add_argument("--out", required=True, help="the folder to write into (created if missing)")
    parser.add_argument("--json", action="store_true", help="print what was written as JSON")


def run(args: argparse.Namespace) -> int:
    from bridge.history import open_store
    from bridge.history.export import export

    store = open_store()
    try:
        written = export(store, args.take, Path(args.out))
    finally:
        store.close()
    if args.json:
        print(json.dumps(written))
    else:
        for path in [*written["files"], written["zip"]]:
            print(f"wrote {path}")
        if written.get("cc_lanes"):
            print(f"envelopes as MIDI CC lanes: {written['cc_lanes']}")
        for what in written.get("skipped", ()):
            print(f"envelope skipped: {what}")
    return 0
