"""A long job through `roo mcp` (stdio, the SDK's client): progress notifications from the job
board while a MusicGen loop renders (the tiny random model through the real loader), and a
client's cancellation cancelling the job on the daemon, seen by a device registered with it.
`roo serve` and `roo sim` run as processes; the MCP server uses that daemon, as it would Live's."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import anyio
import pytest

from bridge import protocol
from engines.musicgen.random_model import save_random_model
from tests.bridge.harness import Client
from tests.bridge.mcp.conftest import ROOT, Sim, mcp_client
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
    end = time.monotonic() + 90  # a start-up budget: 30 s ran out twice on a machine at load 10 (ci66)
    try:
        while True:
            probe.send(protocol.PING)
            try:
                if probe.recv(0.3)[0] == protocol.PONG:
                    return proc
            except TimeoutError:
                pass
            if time.monotonic() >= end or proc.poll() is not None:
                proc.kill()  # a start that never answered leaves no daemon behind
                proc.wait(10)
                raise AssertionError(f"roo serve did not answer (exit code {proc.returncode})")
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


def device_hears_the_end(device: Client, within_s: float = 30.0) -> list[Any]:
    """The job's final /roo/status, as the registered device hears it."""
    end = time.monotonic() + within_s
    while True:
        address, values = device.recv(max(0.1, end - time.monotonic()))
        if address == protocol.STATUS and values[1] in protocol.FINAL_STATES:
            return values


def test_a_roo_mcp_terminated_mid_job_cancels_its_job(sim: Sim, tmp_path: Path) -> None:
    """SIGTERM, as the SDK's client sends a server still up 2 s after it closed stdin (a loaded
    machine's `roo mcp` took 2 to 4 s to exit), cancels the job: before, the process died at once and
    the daemon's MusicGen job ran on (still loading its model 60 s later)."""
    tiny = save_random_model(tmp_path / "model", seed=3)
    port = free_udp_port()
    daemon = serve(sim, port, tmp_path / "loops")
    device = Client(port)
    mcp = subprocess.Popen(
        [sys.executable, *sim.mcp_args(), "--port", str(port)], env={**os.environ, **sim.env()}, cwd=str(ROOT),
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip
    assert mcp.stdin is not None and mcp.stdout is not None

    def send(message: dict[str, Any]) -> None:
        assert mcp.stdin is not None
        mcp.stdin.write(json.dumps({"jsonrpc": "2.0", **message}) + "\n")
        mcp.stdin.flush()

    try:
        with registered(device):
            send({"id": 1, "method": "initialize", "params": {"protocolVersion": "2025-06-18",
                  "capabilities": {}, "clientInfo": {"name": "test", "version": "0"}}})  # fmt: skip
            assert json.loads(mcp.stdout.readline())["id"] == 1
            send({"method": "notifications/initialized"})
            arguments = {"prompt": "slow pad", "bars": 8, "model": str(tiny), "seed": 1}
            send({"id": 2, "method": "tools/call",
                  "params": {"name": "musicgen", "arguments": arguments, "_meta": {"progressToken": 1}}})  # fmt: skip
            assert json.loads(mcp.stdout.readline())["method"] == "notifications/progress"  # the job runs
            os.killpg(mcp.pid, signal.SIGTERM)  # stdin left open: the signal alone ends it
            mcp.wait(10)
            assert device_hears_the_end(device)[1] == "cancelled"
    finally:
        if mcp.poll() is None:
            mcp.kill()
            mcp.wait(10)
        mcp.stdin.close()
        mcp.stdout.close()
        device.close()
        daemon.terminate()
        daemon.wait(10)
