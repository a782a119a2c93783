"""roo install: put the Remote Script and the device into Ableton's User Library."""

from __future__ import annotations

import argparse
from pathlib import Path

HELP = "install the Remote Script (python-osc vendored) and the Max for Live device into Live's User Library"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--user-library",
        type=Path,
        default=None,
        help="Ableton User Library folder (default: Live's default on macOS and Windows)",
    )
    parser.add_argument(
        "--abletonosc",
        action="store_true",
        help="also serve AbletonOSC's OSC grammar on UDP 11000 (replies to 11001), a drop-in for AbletonOSC; "
        "refused while that port is taken",
    )


def run(args: argparse.Namespace) -> int:
    from bridge.setup.install import default_user_library, install

    library = args.user_library or default_user_library()
    created = not library.exists()
    written = install(library, abletonosc=args.abletonosc)
    if created:
        print(f"created {library}")
    for path in written:
        print(f"installed {path}")
    print(
        "Now in Live: Settings > Link, Tempo & MIDI > Control Surface: MuseAroo; "
        "drop the MuseAroo device (Max MIDI Effect) on a MIDI track; then run `roo serve`."
    )
    return 0
