"""The ``roo`` command line: one module per sub-command, found by name.

Each sub-command module defines ``HELP`` (one line), ``configure(parser)`` and
``run(args) -> int``; heavy imports stay inside ``run`` so ``roo --help`` is instant.
A RooError raised by ``run`` is printed to stderr and exits 2.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import importlib.util
import os
import signal
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
    "transcribe": "bridge.cli.transcribe",
    "musicgen": "bridge.cli.musicgen",
    "parse": "bridge.cli.parse",
    "listen": "bridge.cli.listen",
    "transform": "bridge.cli.transform",
    "history": "bridge.cli.history",
    "show": "bridge.cli.show",
    "recall": "bridge.cli.recall",
    "fork": "bridge.cli.fork",
    "diff": "bridge.cli.diff",
    "export": "bridge.cli.export",
    "worker": "bridge.cli.worker",
    "jam": "bridge.cli.jam",
    "infill": "bridge.cli.infill",
    "continue": "bridge.cli.infill",
    "accompany": "bridge.cli.infill",
    "mcp": "bridge.cli.mcp",
}


class DefaultsHelp(argparse.ArgumentDefaultsHelpFormatter):
    """Every option's help ends with its default, unless the help already says what it is."""

    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ""
        if "default" in text or not action.option_strings or action.default in (None, argparse.SUPPRESS):
            return text
        return f"{text} (default: %(default)s)"


def version() -> str:
    """The installed MuseAroo version (pyproject's), and the wire protocol's."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    from bridge.protocol import PROTOCOL_VERSION

    try:
        installed = dist_version("musearoo")
    except PackageNotFoundError:
        installed = "unknown (not installed)"
    return f"{installed} (protocol {PROTOCOL_VERSION})"


class VersionAction(argparse.Action):
    """``--version``: the version is looked up only when asked (reading the installed package's
    metadata costs every other command a few hundredths of a second at start)."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **kwargs: object) -> None:
        super().__init__(
            option_strings, dest, nargs=0, default=argparse.SUPPRESS, help="show the version and exit"
        )

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kwargs: object) -> None:
        print(f"roo {version()}")  # to stdout, as argparse's own version action
        parser.exit()


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """Every sub-command's parser, or with ``only`` just that one's (its module alone is imported: a
    ``roo transcribe`` does not pay for importing the daemon's, the queue's and the history's modules)."""
    parser = argparse.ArgumentParser(
        prog="roo",
        description="MuseAroo: AI music generation inside Ableton Live",
        formatter_class=DefaultsHelp,
        allow_abbrev=False,  # `--bar 4` is refused, never silently taken as `--bars 4`
    )
    parser.add_argument("--version", action=VersionAction)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, module_name in SUBCOMMANDS.items():
        if (only is not None and name != only) or importlib.util.find_spec(module_name) is None:
            continue  # a sub-command whose module is not written yet is simply not offered
        module = importlib.import_module(module_name)
        child = sub.add_parser(
            name, help=module.HELP, description=module.HELP, formatter_class=DefaultsHelp, allow_abbrev=False
        )
        module.configure(child)
        child.set_defaults(_module=module, _parser=child)
    return parser


def unrecognized(parser: argparse.ArgumentParser, extra: Sequence[str]) -> str:
    """argparse's "unrecognized arguments" line, with "did you mean --bars?" for a near-miss option."""
    known = [
        o for action in parser._actions for o in action.option_strings if action.help != argparse.SUPPRESS
    ]
    hints = []
    for word in extra:
        if word.startswith("-") and word not in ("-", "--"):
            close = difflib.get_close_matches(word.split("=", 1)[0], known, n=1, cutoff=0.6)
            hints += [f"did you mean {close[0]}?"] if close else []
    text = f"unrecognized arguments: {' '.join(extra)}"
    return "; ".join([text, *hints])


def main(argv: Sequence[str] | None = None) -> int:
    # Parsed known-first, so a sub-command's unknown option is refused with that sub-command's usage.
    words = list(sys.argv[1:] if argv is None else argv)
    named = words[0] if words and words[0] in SUBCOMMANDS else None  # else every one: help, near-miss hints
    args, extra = build_parser(named).parse_known_args(words)
    if extra:
        args._parser.error(unrecognized(args._parser, extra))
    try:
        return int(args._module.run(args))
    except RooError as exc:
        print(f"roo {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader went away (`roo show --json | head`): what it did not read is not ours to
        # print, and stdout goes to /dev/null so the interpreter's last flush fails no more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 128 + signal.SIGPIPE


if __name__ == "__main__":
    sys.exit(main())
