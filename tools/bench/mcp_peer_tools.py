"""Count the MCP tools of peer Live servers from their wheels, and MuseAroo's own.

Usage: ``pip download --no-deps ableton-mcp==1.4.5 ableton-mcp-extended==2.2.0
ableton-mcp-full==2.0.0 -d /tmp/peers`` then ``python tools/bench/mcp_peer_tools.py /tmp/peers/*.whl``.
A peer's tool is a function decorated with ``mcp.tool`` (FastMCP's decorator, with or without
parentheses), found by parsing the wheel's Python files (nothing is imported or run). Prints
each package's count and tool names, then ``roo mcp``'s count.
"""

from __future__ import annotations

import ast
import sys
import zipfile
from pathlib import Path


def tool_names(wheel: Path) -> list[str]:
    names: list[str] = []
    with zipfile.ZipFile(wheel) as archive:
        for member in archive.namelist():
            if not member.endswith(".py"):
                continue
            tree = ast.parse(archive.read(member).decode("utf-8", "replace"))
            for node in ast.walk(tree):
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and any(
                    ast.unparse(d).startswith("mcp.tool") for d in node.decorator_list
                ):
                    names.append(node.name)
    return sorted(names)


def main(wheels: list[str]) -> None:
    for wheel in wheels:
        names = tool_names(Path(wheel))
        print(f"{Path(wheel).name}: {len(names)} tools")
        print("  " + " ".join(names))
    from bridge.mcp import tool_list

    print(f"MuseAroo roo mcp: {len(tool_list())} tools")


if __name__ == "__main__":
    main(sys.argv[1:])
