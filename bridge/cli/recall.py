"""roo recall TAKE [--track T --slot S] [--port P]: write a take back into Live through the daemon."""

from __future__ import annotations

import argparse

from bridge import protocol
from bridge.cli.daemon_job import add_port, run_job

HELP = "write a take back into Live (into an empty slot) through the running daemon"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("take", metavar="TAKE", help="a take id or a prefix of at least 6 characters")
    parser.add_argument("--track", type=int, default=None, help="track index (default: where it was written)")
    parser.add_argument("--slot", type=int, default=None, help="slot index (default: where it was written)")
    add_port(parser)


def run(args: argparse.Namespace) -> int:
    values: list[object] = [args.take]
    for name in ("track", "slot"):
        if getattr(args, name) is not None:
            values += [name, getattr(args, name)]
    return run_job(protocol.HISTORY_RECALL, values, args)
