"""roo history [--project P] [--part X] [--starred] [--json]; roo history gc: the take history."""

from __future__ import annotations

import argparse
import json
from typing import Any

HELP = "list the take history, newest first as a tree (or `roo history gc` to free unreferenced audio)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("what", nargs="?", choices=("gc",), help="gc: delete audio no take refers to")
    parser.add_argument(
        "--project", default=None, help="a project name or Set path (default: the current one; * for all)"
    )
    parser.add_argument(
        "--part", default=None, help="only takes of this part, e.g. bass (default: every part)"
    )
    parser.add_argument("--starred", action="store_true", help="only starred takes")
    parser.add_argument("--limit", type=int, default=None, help="at most this many takes (default: all)")
    parser.add_argument("--json", action="store_true", help="print a JSON array, newest first")


def run(args: argparse.Namespace) -> int:
    from bridge.history import open_store

    store = open_store()
    try:
        if args.what == "gc":
            removed, freed = store.gc()
            if args.json:
                print(json.dumps({"removed": removed, "bytes_freed": freed}))
            else:
                print(
                    f"removed {removed} unreferenced audio files ({freed / 1e6:.1f} MB); starred and recent kept"
                )
            return 0
        takes = store.takes(project=args.project, part=args.part, starred=args.starred, limit=args.limit)
        if args.json:
            print(json.dumps([t.summary() for t in takes], indent=2))
            return 0
        if not takes:
            print(f"no takes in project {args.project or store.project!r}")
        for line in tree_lines([t.summary() for t in takes]):
            print(line)
    finally:
        store.close()
    return 0


def tree_lines(takes: list[dict[str, Any]]) -> list[str]:
    """Newest first: each root with its descendants under it (children newest first, indented)."""
    ids = {t["take_id"] for t in takes}
    children: dict[str | None, list[dict[str, Any]]] = {}
    for t in takes:  # takes arrive newest first, so every child list is newest first too
        parent = t["parent_id"] if t["parent_id"] in ids else None
        children.setdefault(parent, []).append(t)
    lines: list[str] = []

    def walk(parent: str | None, depth: int) -> None:
        for t in children.get(parent, []):
            star = "*" if t["starred"] else " "
            indent = "  " * (depth - 1) + "└─ " if depth else ""
            message = f"  {t['message']}" if t["message"] else ""
            lines.append(
                f"{star} {indent}{t['take_id']}  {t['created_at']}  {t['action']:<9} {t['part']:<7}{message}"
            )
            walk(t["take_id"], depth + 1)

    walk(None, 0)
    return lines
