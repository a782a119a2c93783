"""`roo doctor`'s MCP check: `roo mcp` starts in its own process and lists its tools.

Run as an MCP client runs it (`python -m bridge mcp`), with ``--list``, so a broken install (a
missing SDK, an import error in a tool table) shows here and not in an assistant's settings.
"""

from __future__ import annotations

import subprocess
import sys

NAME = "MCP server (roo mcp)"
START_S = 60.0  # a cold start imports torch through the actions


def mcp_status() -> tuple[str, bool, str, str]:
    """(name, ok, detail, fix), as ``doctor.Check`` takes them."""
    fix = "`make setup` (the mcp package), then `roo mcp --list` to see the error"
    try:
        done = subprocess.run(
            [sys.executable, "-m", "bridge", "mcp", "--list"],
            capture_output=True, text=True, timeout=START_S, check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return NAME, False, f"did not list its tools within {START_S:g} s", fix
    tools = [line for line in done.stdout.splitlines() if ": " in line]
    if done.returncode != 0 or not tools:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return NAME, False, f"exit {done.returncode}: {last}", fix
    return NAME, True, f"starts and lists {len(tools)} tools (command: roo mcp)", fix
