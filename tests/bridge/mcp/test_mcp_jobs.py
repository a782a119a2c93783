"""A long job through `roo mcp` (stdio, the SDK's client): progress notifications from the job
board while a MusicGen loop renders (the tiny random model through the real loader), and a
client's cancellation cancelling the job on the daemon, seen by a device registered with it.
`roo serve` and `roo sim` run as processes; the MCP server uses that daemon, as it would Live's."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import anyio
import pytest

from bridge import protocol
from engines.musicgen.random_model import save_random_model
from tests.bridge.harness import Client
from tests.bridge.mcp.conftest import Sim, mcp_client
from tests.conftest import free_udp_port

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def serve(sim: Sim, port: int, loops: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, **sim.env(), "MUSEAROO_LOOPS_DIR": str(loops), "HF_HUB_OFFLINE": "1",
           "OMP_NUM_THREADS": "1"}  # fmt: skip
    args = ["-m", "bridge", "serve", "--port", str(port), "--live-port", str(sim.live_port), "--no-http"]
    proc = subprocess.Popen(
        [sys.executable, *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    probe = Client(port)
    end = time.monotonic() + 30
    try:
        while True:
            probe.send(protocol.PING)
            try:
                if probe.recv(0.3)[0] == protocol.PONG:
                    return proc
            except TimeoutError:
                pass
            assert time.monotonic() < end and proc.poll() is None, "roo serve did not answer"
    finally:
        probe.close()


@contextmanager
def registered(device: Client) -> Iterator[None]:
    """``device`` registered with the daemon, again every second as the device in Live does (the daemon
    drops a device silent for LISTENER_TTL_S, 10 s: under load, starting `roo mcp` alone took 15 s)."""
    port = int(device.sock.getsockname()[1])
    device.send(protocol.REGISTER, port)
    assert device.wait_for(protocol.REGISTERED)
    stop = threading.Event()

    def beat() -> None:
        while not stop.wait(1.0):
            device.send(protocol.REGISTER, port)

    beating = threading.Thread(target=beat, name="device-heartbeat", daemon=True)
    beating.start()
    try:
        yield
    finally:
        stop.set()
        beating.join(5)


async def test_a_long_job_reports_progress_and_a_client_cancel_cancels_it(sim: Sim, tmp_path: Path) -> None:
    tiny = save_random_model(tmp_path / "model", seed=3)
    port = free_udp_port()
    daemon = serve(sim, port, tmp_path / "loops")
    device = Client(port)
    try:
        with registered(device):
            heard: list[tuple[float, str]] = []
            first = anyio.Event()

            async def on_progress(progress: float, total: float | None, message: str | None) -> None:
                heard.append((progress, message or ""))
                first.set()

            async with mcp_client(sim, "--port", str(port)) as session:
                async with anyio.create_task_group() as group:

                    async def call() -> None:
                        await session.call_tool(
                            "musicgen",
                            {"prompt": "slow pad", "bars": 8, "model": str(tiny), "seed": 1},
                            progress_callback=on_progress,
                        )

                    group.start_soon(call)
                    with anyio.fail_after(120):
                        await first.wait()
                    group.cancel_scope.cancel()  # the client gives up: notifications/cancelled
            assert heard and 0.0 <= heard[0][0] <= 1.0 and heard[0][1], heard
            end = time.monotonic() + 30
            while True:  # the device hears the job end: cancelled, not done
                address, values = device.recv(max(0.1, end - time.monotonic()))
                if address == protocol.STATUS and values[1] in protocol.FINAL_STATES:
                    assert values[1] == "cancelled", values
                    break
    finally:
        device.close()
        daemon.terminate()
        daemon.wait(10)
