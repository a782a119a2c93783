"""roo diff A B [--json]: what changed from take A to take B, bar by bar (and per audio stem)."""

from __future__ import annotations

import argparse
import json

HELP = "compare two takes: notes added, removed, moved and re-velocitied per bar; audio per stem"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("a", metavar="A", help="the take to compare from")
    parser.add_argument("b", metavar="B", help="the take to compare to")
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    from bridge.history import open_store
    from bridge.history.diff import as_text, beats_per_bar, compare

    store = open_store()
    try:
        a, b = store.get(args.a), store.get(args.b)
    finally:
        store.close()
    found = compare(a, b)
    if args.json:
        print(json.dumps(found, indent=2))
    else:
        print("\n".join(as_text(found, found["audio"], beats_per_bar(b))))
    return 0
