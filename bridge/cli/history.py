"""roo history [--project P] [--part X] [--starred] [--tree] [--json]; roo history gc: the take history.

One line per take, newest first, at most the terminal's width: star, id, age, part, track/slot,
genre, action and message. ``--tree`` folds forks, variations and recalls under the take they were
made from (walked without recursion: any depth, any count).
"""

from __future__ import annotations

import argparse
import json
import shutil
import time
from collections.abc import Sequence

from bridge.history.takes import Take
from engines.errors import InvalidValue

HELP = "list the take history, newest first, one line per take (--tree: forks under their parent)"
ID_CHARS = 12
MAX_INDENT = 8  # deeper forks are drawn at this depth, their depth written out


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
    parser.add_argument("--tree", action="store_true", help="fold each take under the take it was made from")
    parser.add_argument("--json", action="store_true", help="print a JSON array, newest first")


KNOWN_PARTS = ("drums", "bass", "chords", "melody", "loop", "stems")  # what actions file takes under


def check_part(part: str, stored: set[str]) -> None:
    """InvalidValue naming ``part`` unless it is a part takes are filed under or one stored here."""
    known = sorted(set(KNOWN_PARTS) | stored)
    if part not in known:
        raise InvalidValue(f"part {part!r} is not known: expected one of {', '.join(known)}")


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
        if not takes and args.project not in (None, "*") and args.project not in store.projects():
            known = ", ".join(repr(p) for p in store.projects()) or "none yet"
            raise InvalidValue(f"project {args.project!r} is not known: the projects are {known}")
        if not takes and args.part is not None:
            check_part(args.part, {t.part for t in store.takes(project=args.project, limit=10_000) if t.part})
        if args.json:
            print(json.dumps([t.summary() for t in takes], indent=2))
            return 0
        if not takes:
            print(f"no takes in project {args.project or store.project!r}")
        width = shutil.get_terminal_size().columns
        for line in tree_lines(takes, width) if args.tree else flat_lines(takes, width):
            print(line)
    finally:
        store.close()
    return 0


def age(seconds: float) -> str:
    """How long ago, in the largest unit that fits: 40s, 12m, 3h, 5d, 7w."""
    for unit, size in (("w", 604800), ("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{int(seconds // size)}{unit}"
    return f"{max(0, int(seconds))}s"


def _beat(live: dict[str, object]) -> str:
    """Where an arrangement take starts: "b16" (Live's beats), "arr" when the take does not say."""
    start = live.get("start_beats")
    return f"b{start:g}" if isinstance(start, (int, float)) else "arr"


def line(take: Take, now: float, width: int, indent: str = "") -> str:
    where = (
        f"t{take.live['track']}/s{take.live['slot']}"
        if "track" in take.live and "slot" in take.live
        else (f"t{take.live['track']} {_beat(take.live)}" if "track" in take.live else "-")
    )
    star = "*" if take.starred else " "
    head = f"{star} {indent}{take.take_id[:ID_CHARS]} {age(now - take.created_at):>4} {take.part or '-':<7} "
    mark = "(undone) " if take.undone else ""  # Live's undo took its clip back out of its slot
    text = f"{head}{where:<8} {take.genre or '-':<10} {take.action:<9} {mark}{take.message}".rstrip()
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


def flat_lines(takes: Sequence[Take], width: int, now: float | None = None) -> list[str]:
    """One line per take, in the order given (the store's: newest first)."""
    now = time.time() if now is None else now
    return [line(t, now, width) for t in takes]


def tree_lines(takes: Sequence[Take], width: int, now: float | None = None) -> list[str]:
    """Newest root first, each with its children (newest first) under it, indented by depth (drawn at
    most MAX_INDENT deep); an explicit stack, so 10,000 takes in one chain are no RecursionError."""
    now = time.time() if now is None else now
    ids = {t.take_id for t in takes}
    children: dict[str | None, list[Take]] = {}
    for t in takes:  # takes arrive newest first, so every child list is newest first too
        parent = t.parent_id if t.parent_id in ids and t.parent_id != t.take_id else None
        children.setdefault(parent, []).append(t)
    lines: list[str] = []
    seen: set[str] = set()
    for start in [*children.get(None, []), *takes]:  # roots newest first; then any cycle written by hand
        stack: list[tuple[Take, int]] = [(start, 0)]
        while stack:
            take, depth = stack.pop()
            if take.take_id in seen:
                continue
            seen.add(take.take_id)
            shown = min(depth, MAX_INDENT)
            indent = (
                "" if depth == 0 else "  " * (shown - 1) + ("└ " if depth <= MAX_INDENT else f"└{depth} ")
            )
            lines.append(line(take, now, width, indent))
            stack.extend((c, depth + 1) for c in reversed(children.get(take.take_id, [])))
    return lines
