"""roo fork TAKE [--name value]... [--port P]: generate again from a take's settings with changes."""

from __future__ import annotations

import argparse

from bridge import protocol
from bridge.cli.daemon_job import add_port, run_job

HELP = "a new take from a take's settings with the changes given (its parent is TAKE), via the daemon"
TYPES = {"int": int, "float": float, "str": str}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("take", metavar="TAKE", help="a take id or a prefix of at least 6 characters")
    for name, kind in protocol.GENERATE_OPTIONS.items():
        spelled = [f"--{name.replace('_', '-')}"]  # hyphens, as every other option
        if "_" in name:  # the first spelling (--source_track) still works, unlisted
            parser.add_argument(
                f"--{name}", dest=name, type=TYPES[kind], default=None, help=argparse.SUPPRESS
            )
        parser.add_argument(
            *spelled,
            dest=name,
            type=TYPES[kind],
            default=None,
            help=f"{kind}: change {name.replace('_', ' ')} (default: the take's own)",
        )
    add_port(parser)


def run(args: argparse.Namespace) -> int:
    values: list[object] = [args.take]
    for name in protocol.GENERATE_OPTIONS:
        if getattr(args, name) is not None:
            values += [name, getattr(args, name)]
    return run_job(protocol.HISTORY_FORK, values, args)
