"""roo doctor's MCP check runs `roo mcp --list` as a client would start it: the tools it lists, or
why it could not (issue 42)."""

from __future__ import annotations

import pytest

from bridge.mcp import tool_list
from bridge.setup import doctor_mcp


def test_the_check_counts_the_tools_roo_mcp_lists() -> None:
    name, ok, detail, _ = doctor_mcp.mcp_status()
    assert (name, ok) == ("MCP server (roo mcp)", True)
    assert detail == f"starts and lists {len(tool_list())} tools (command: roo mcp)"


def test_a_server_that_cannot_start_is_said_with_its_exit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(doctor_mcp.sys, "executable", "/bin/false")
    _, ok, detail, fix = doctor_mcp.mcp_status()
    assert not ok and detail.startswith("exit 1") and "roo mcp --list" in fix
