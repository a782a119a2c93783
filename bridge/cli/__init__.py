"""The ``roo`` command line: one module per sub-command, found by name.

Each sub-command module defines ``HELP`` (one line), ``configure(parser)`` and
``run(args) -> int``; heavy imports stay inside ``run`` so ``roo --help`` is instant.
A RooError raised by ``run`` is printed to stderr and exits 2.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
from collections.abc import Sequence

from engines.errors import RooError

# Adding a sub-command is one module under bridge/cli/ and one line here.
SUBCOMMANDS = {
    "serve": "bridge.cli.serve",
    "sim": "bridge.cli.sim",
    "send": "bridge.cli.send",
    "install": "bridge.cli.install",
    "doctor": "bridge.cli.doctor",
    "generate": "bridge.cli.generate",
    "analyze": "bridge.cli.analyze",
    "separate": "bridge.cli.separate",
    "musicgen": "bridge.cli.musicgen",
    "parse": "bridge.cli.parse",
    "listen": "bridge.cli.listen",
    "jam": "bridge.cli.jam",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="roo", description="MuseAroo: AI music generation inside Ableton Live"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, module_name in SUBCOMMANDS.items():
        if importlib.util.find_spec(module_name) is None:
            continue  # a sub-command whose module is not written yet is simply not offered
        module = importlib.import_module(module_name)
        child = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.configure(child)
        child.set_defaults(_module=module)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args._module.run(args))
    except RooError as exc:
        print(f"roo {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
