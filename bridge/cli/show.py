"""roo show TAKE [--json]: one take with its settings, context, Live location, outputs and notes."""

from __future__ import annotations

import argparse
import json

HELP = "show one take (any unambiguous prefix of 6+ characters of its id)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("take", metavar="TAKE", help="a take id or a prefix of at least 6 characters")
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    from bridge.history import open_store

    store = open_store()
    try:
        detail = store.get(args.take).detail()
    finally:
        store.close()
    if args.json:
        print(json.dumps(detail, indent=2))
        return 0
    for name in (
        "take_id",
        "parent_id",
        "project",
        "action",
        "part",
        "created_at",
        "message",
        "starred",
        "seed",
    ):
        print(f"{name:>10}: {detail[name]}")
    for name in ("params", "context", "live", "versions"):
        print(f"{name:>10}: {json.dumps(detail[name])}")
    if detail["command"]:
        print(f"{'command':>10}: {detail['command']}")
    for out in detail["outputs"]:
        extra = (
            f" {out['sha256'][:12]} {out['frames']} frames at {out['sample_rate']} Hz"
            if "sha256" in out
            else ""
        )
        print(f"{'output':>10}: {out['kind']} {out['name']}{extra}")
    if "notes" in detail:
        print(f"{'notes':>10}: {len(detail['notes'])}")
    return 0
