"""`roo doctor` checks that the MCP server's Live tools answer (issue 53): MuseAroo's AbletonOSC
mode asked as `roo mcp` asks it, and the one command that fixes it when it does not answer."""

from __future__ import annotations

from bridge.setup import doctor_mcp
from tests.bridge.mcp.conftest import Sim
from tests.conftest import free_udp_port


def test_the_live_tools_answer_when_the_mode_is_on(sim: Sim) -> None:
    name, ok, detail, _ = doctor_mcp.live_tools_status(True, sim.aosc_port)
    assert ok and name == "MCP Live tools (live_*)" and str(sim.aosc_port) in detail


def test_no_answer_says_the_command_that_fixes_it() -> None:
    port = free_udp_port()
    _, ok, detail, fix = doctor_mcp.live_tools_status(True, port)
    assert not ok and f"no answer on udp {port}" in detail and "AbletonOSC mode is off" in detail
    assert fix == "`roo install --abletonosc`, then restart Live"
    _, ok, _, fix = doctor_mcp.live_tools_status(False, port)
    assert not ok and fix.startswith("`roo sim --abletonosc`")
