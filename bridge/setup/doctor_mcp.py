"""`roo doctor`'s MCP checks: `roo mcp` starts in its own process and lists its tools, and its Live
tools' way to Live (MuseAroo's AbletonOSC mode) answers.

Run as an MCP client runs it (`python -m bridge mcp`), with ``--list``, so a broken install (a
missing SDK, an import error in a tool table) shows here and not in an assistant's settings.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time

from bridge import osc, protocol
from engines.errors import ProtocolError

NAME = "MCP server (roo mcp)"
START_S = 60.0  # a cold start imports torch through the actions
TEST = "/live/test"  # AbletonOSC's ping: answered "ok"


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


LIVE_TOOLS = "MCP Live tools (live_*)"
ANSWER_S = 1.0


def live_tools_status(
    live_reachable: bool, port: int = protocol.ABLETONOSC_PORT
) -> tuple[str, bool, str, str]:
    """Whether MuseAroo's AbletonOSC mode answers on ``port`` (the live_* tools go through it), asked
    as `roo mcp` asks: from a port of its own, answered there; (name, ok, detail, fix)."""
    fix = (
        "`roo install --abletonosc`, then restart Live"
        if live_reachable
        else "`roo sim --abletonosc` to try without Live (with Live: `roo install --abletonosc`, restart Live)"
    )
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind((protocol.HOST, 0))
        sock.settimeout(ANSWER_S)
        for address in (protocol.ABLETONOSC_REPLY_HERE, TEST):
            sock.sendto(osc.encode(address, []), (protocol.HOST, port))
        end = time.monotonic() + ANSWER_S
        while time.monotonic() < end:
            try:
                data = sock.recv(65536)
            except OSError:
                break
            if any(address == TEST for address, _ in _decoded(data)):
                return LIVE_TOOLS, True, f"MuseAroo's AbletonOSC mode answers on udp {port}", fix
    where = "Live's Remote Script answers, but its AbletonOSC mode is off" if live_reachable else "no Live"
    return LIVE_TOOLS, False, f"no answer on udp {port} ({where}): every live_* tool would fail", fix


def _decoded(data: bytes) -> list[tuple[str, list[object]]]:
    try:
        return list(osc.decode(data))
    except ProtocolError:
        return []
