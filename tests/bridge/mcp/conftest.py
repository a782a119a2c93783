"""`roo sim --abletonosc` as a real process, and `roo mcp` driven by the SDK's own client over stdio."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from mcp.client.session import ClientSession
from mcp.client.stdio import StdioServerParameters, stdio_client

from tests.conftest import free_udp_port

ROOT = Path(__file__).resolve().parents[3]


@dataclass
class Sim:
    live_port: int
    aosc_port: int
    reply_port: int
    data_dir: Path

    def mcp_args(self) -> list[str]:
        return [
            "-m",
            "bridge",
            "mcp",
            "--port",
            "0",
            "--live-port",
            str(self.live_port),
            "--abletonosc-port",
            str(self.aosc_port),
        ]  # fmt: skip  (replies: to a port of its own)

    def env(self) -> dict[str, str]:
        return {"PYTHONPATH": str(ROOT), "MUSEAROO_DATA_DIR": str(self.data_dir), "MUSEAROO_PREPARE": "0"}


@pytest.fixture
def sim(tmp_path: Path) -> Iterator[Sim]:
    """The in-memory Live with the Remote Script and its AbletonOSC mode, on free ports."""
    ports = Sim(free_udp_port(), free_udp_port(), free_udp_port(), tmp_path / "data")
    env = {**os.environ, **ports.env(), "MUSEAROO_ABLETONOSC_PORT": str(ports.aosc_port),
           "MUSEAROO_ABLETONOSC_REPLY_PORT": str(ports.reply_port)}  # fmt: skip
    proc = subprocess.Popen(
        [sys.executable, "-m", "bridge", "sim", "--abletonosc", "--port", str(ports.live_port)],
        env=env, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert proc.stdout is not None
    end = time.monotonic() + 30
    for line in proc.stdout:
        if "AbletonOSC's grammar on UDP" in line or time.monotonic() > end:
            break
    try:
        yield ports
    finally:
        proc.terminate()
        proc.wait(10)


@asynccontextmanager
async def mcp_client(sim: Sim, *extra: str) -> AsyncIterator[ClientSession]:
    params = StdioServerParameters(
        command=sys.executable, args=[*sim.mcp_args(), *extra], env=sim.env(), cwd=str(ROOT)
    )
    async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        yield session
