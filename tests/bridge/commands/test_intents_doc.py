"""Issue 55: docs/intents.md lists every action ``roo parse --json`` can emit, and the transform kinds."""

from __future__ import annotations

import ast
import re

from bridge.actions.intents.job import HANDLERS
from bridge.commands import clip_words
from bridge.commands.intent import UNKNOWN
from bridge.protocol import TRANSFORM_KINDS
from tests.conftest import ROOT

DOC = (ROOT / "docs" / "intents.md").read_text()
SECTION = DOC.split("## The parser's actions", 1)[1].split("\n## ", 1)[0]


def documented() -> set[str]:
    """The actions of the table's first column (``play`` / ``stop`` rows name several)."""
    rows = [line.split("|")[1] for line in SECTION.splitlines() if line.startswith("| `")]
    return {name for row in rows for name in re.findall(r"`(\w+)`", row)}


def emitted() -> set[str]:
    """Every action named where the parser's modules build an Intent: ``Intent("name", ...)`` and
    the ``("name", params)`` pairs its word tables return for the parser to wrap."""
    names: set[str] = set()
    for path in sorted((ROOT / "bridge" / "commands").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Intent" and node.args:
                if isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                    names.add(node.args[0].value)
            if path.name in ("polite.py", "take_words.py", "edit_words.py") and isinstance(node, ast.Return):
                value = node.value
                if isinstance(value, ast.Tuple) and value.elts and isinstance(value.elts[0], ast.Constant):
                    names.add(str(value.elts[0].value))
    return names


def test_every_action_the_parser_builds_is_documented() -> None:
    assert emitted() - documented() == set()


def test_the_documented_actions_are_the_ones_commands_run() -> None:
    assert documented() == {*HANDLERS, UNKNOWN}


def test_the_transform_kinds_are_listed() -> None:
    listed = set(re.findall(r"`(\w+)`", SECTION.split("Transform kinds:", 1)[1]))
    assert set(clip_words.TRANSFORM_PHRASES.values()) <= listed
    assert listed - {"roo", "transform", "bridge", "protocol"} == set(TRANSFORM_KINDS)
