"""Many assistants at once (issue 53): two `roo mcp` processes over stdio and a third client drive
one `roo sim` at the same time, each getting its own answers: a plain AbletonOSC client (bound to
the fixed reply port, as AbletonOSC's own client is), and the MCP Inspector's command line."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys

import anyio
import pytest

from bridge import osc, protocol
from tests.bridge.mcp.conftest import ROOT, Sim, mcp_client
from tests.bridge.mcp.test_mcp_http import CONNECT, INSPECTOR
from tests.conftest import missing, require_tool

pytestmark = pytest.mark.anyio
ROUNDS = 12


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def text_of(result: object) -> str:
    return "".join(getattr(c, "text", "") for c in getattr(result, "content", []))


def plain_client_reads_tempo(sim: Sim) -> list[float]:
    """AbletonOSC's way: send from any port, hear the answer on the reply port."""
    hear = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    hear.bind((protocol.HOST, sim.reply_port))
    hear.settimeout(5.0)
    send = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    tempos = []
    try:
        for _ in range(ROUNDS):
            send.sendto(osc.encode("/live/song/get/tempo", []), (protocol.HOST, sim.aosc_port))
            while True:
                address, values = next(iter(osc.decode(hear.recv(65536))))
                if address == "/live/song/get/tempo":
                    tempos.append(float(values[0]))
                    break
    finally:
        hear.close()
        send.close()
    return tempos


async def test_two_mcp_servers_and_a_plain_client_share_one_live(sim: Sim) -> None:
    answers: dict[str, list[str]] = {"a": [], "b": []}
    tempos: list[float] = []
    async with mcp_client(sim) as first, mcp_client(sim) as second:
        for session, track, name in ((first, 0, "from A"), (second, 1, "from B")):
            done = await session.call_tool(
                "live_track_set", {"track": track, "property": "name", "value": name}
            )
            assert not done.is_error, text_of(done)

        async def reads(session: object, key: str, track: int) -> None:
            for _ in range(ROUNDS):
                got = await session.call_tool("live_track_get", {"track": track, "property": "name"})  # type: ignore[attr-defined]
                assert not got.is_error, text_of(got)
                answers[key].append(json.loads(text_of(got))["value"])

        async def plain() -> None:
            tempos.extend(await anyio.to_thread.run_sync(plain_client_reads_tempo, sim))

        async with anyio.create_task_group() as group:
            group.start_soon(reads, first, "a", 0)
            group.start_soon(reads, second, "b", 1)
            group.start_soon(plain)
        made = await second.call_tool(
            "generate", {"part": "bass", "track": 1, "slot": 0, "bars": 1, "seed": 2}
        )
        assert not made.is_error, text_of(made)
        notes = await first.call_tool("live_clip_notes", {"track": 1, "slot": 0})
        assert not notes.is_error and json.loads(text_of(notes))["notes"], text_of(notes)
    assert answers == {"a": ["from A"] * ROUNDS, "b": ["from B"] * ROUNDS}
    assert tempos == [120.0] * ROUNDS


def inspector_calls(sim: Sim, tool: str, *args: str) -> str:
    """The MCP Inspector's command line as a third client: it starts its own `roo mcp`."""
    base = [str(INSPECTOR), "--cli", *CONNECT, sys.executable, *sim.mcp_args()]
    done = subprocess.run([*base, "--method", "tools/call", "--tool-name", tool, *args],
                          env={**os.environ, **sim.env()}, capture_output=True, text=True, timeout=180,
                          cwd=ROOT)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


async def test_two_mcp_servers_and_the_inspector_at_once(sim: Sim) -> None:
    require_tool("node")
    if not INSPECTOR.exists():
        missing(f"{INSPECTOR} is missing: `make setup` installs it (npm ci in tools/node)")
    said: list[str] = []
    async with mcp_client(sim) as first, mcp_client(sim) as second:

        async def inspector() -> None:
            said.append(await anyio.to_thread.run_sync(
                inspector_calls, sim, "live_track_set", "--tool-arg", "track=2", "property=name", "value=from I"
            ))  # fmt: skip

        async with anyio.create_task_group() as group:
            group.start_soon(inspector)
            while not said:  # both sessions keep asking while the Inspector's server starts and calls
                for session, track in ((first, 0), (second, 1)):
                    got = await session.call_tool("live_track_get", {"track": track, "property": "name"})
                    assert not got.is_error and json.loads(text_of(got))["value"] == f"{track + 1}-MIDI", (
                        text_of(got)
                    )
                await anyio.sleep(0.05)
        got = await second.call_tool("live_track_get", {"track": 2, "property": "name"})
        assert json.loads(text_of(got))["value"] == "from I", text_of(got)
