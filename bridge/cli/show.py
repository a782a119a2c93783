"""roo show TAKE [--json]: one take with its settings, context, Live location, outputs and notes."""

from __future__ import annotations

import argparse
import json
import shutil
from typing import Any

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
        print(f"{'notes':>10}: {len(detail['notes'])} (name bar.beat.sixteenth length-in-beats velocity)")
        for row in note_rows(detail["notes"], detail["context"], shutil.get_terminal_size().columns - 12):
            print(f"{'':>10}  {row}")
    return 0


def note_rows(notes: list[dict[str, Any]], context: dict[str, Any], width: int) -> list[str]:
    """The notes, compactly, as many to a row as fit in ``width``: ``E0 2.4.3 0.46 v85``."""
    from bridge.history.diff import note_name, position

    signature = context.get("signature", [4, 4])
    bar_beats = float(signature[0]) * 4.0 / float(signature[1])
    cells = [
        f"{note_name(n['pitch'])} {position(n['start_beats'], bar_beats)} {round(n['length_beats'], 2):g} "
        f"v{n['velocity']}"
        for n in notes
    ]
    size = max((len(c) for c in cells), default=0) + 2
    per_row = max(1, width // max(1, size))
    return [
        "".join(c.ljust(size) for c in cells[i : i + per_row]).rstrip() for i in range(0, len(cells), per_row)
    ]
