"""``roo parse "TEXT" [--json]``: show the intent a typed or spoken sentence gives; nothing runs."""

from __future__ import annotations

import argparse
import json

HELP = "show the intent of a command sentence (what /roo/command would do), without running it"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", nargs="+", help='the sentence, e.g. "make the drums busier"')
    parser.add_argument("--json", action="store_true", help="print one JSON object: action, part, params")


def run(args: argparse.Namespace) -> int:
    from bridge.commands import parse

    intent = parse(" ".join(args.text))
    if args.json:
        print(json.dumps(intent.as_dict(), sort_keys=True))
    else:
        print(intent.describe())
        if not intent.understood:
            print(f"({intent.params['reason']})")
    return 0 if intent.understood else 1
