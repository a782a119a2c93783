"""`roo mcp --http` terminated while a tool call's job runs: the job is cancelled on the daemon and the
server exits within seconds, as `roo mcp` over stdio does. uvicorn's own SIGTERM handling waited for
every open response to finish, so a MusicGen call kept the server (and its job) running to the end.
Real processes: `roo sim`, `roo serve`, `roo mcp --http`; the call is plain streamable HTTP (httpx)."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx

from engines.musicgen.random_model import save_random_model
from tests.bridge.harness import Client
from tests.bridge.mcp.conftest import ROOT, Sim
from tests.bridge.mcp.test_mcp_jobs import device_hears_the_end, registered, serve
from tests.conftest import free_udp_port

HEADERS = {"accept": "application/json, text/event-stream", "content-type": "application/json"}


def rpc(http: httpx.Client, url: str, headers: dict[str, str], message: dict[str, Any]) -> httpx.Response:
    response = http.post(url, headers=headers, content=json.dumps({"jsonrpc": "2.0", **message}))
    assert response.status_code in (200, 202), (response.status_code, response.text)
    return response


def test_a_roo_mcp_http_terminated_mid_job_cancels_its_job_and_exits(sim: Sim, tmp_path: Path) -> None:
    tiny = save_random_model(tmp_path / "model", seed=3)
    port = free_udp_port()
    daemon = serve(sim, port, tmp_path / "loops")
    device = Client(port)
    args = [sys.executable, *sim.mcp_args(), "--port", str(port), "--http", "--http-port", "0"]
    mcp = subprocess.Popen(args, env={**os.environ, **sim.env()}, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert mcp.stderr is not None
        url = next(
            found.group(1) for line in mcp.stderr if (found := re.search(r"on (http://\S+/mcp)", line))
        )
        with registered(device), httpx.Client(timeout=120) as http:
            hello = {
                "protocolVersion": "2025-06-18",
                "capabilities": {},
                "clientInfo": {"name": "t", "version": "0"},
            }
            session = rpc(http, url, HEADERS, {"id": 1, "method": "initialize", "params": hello})
            headers = {**HEADERS, "mcp-session-id": session.headers["mcp-session-id"],
                       "mcp-protocol-version": "2025-06-18"}  # fmt: skip
            rpc(http, url, headers, {"method": "notifications/initialized"})
            call = {"name": "musicgen", "_meta": {"progressToken": 1},
                    "arguments": {"prompt": "slow pad", "bars": 8, "model": str(tiny), "seed": 1}}  # fmt: skip
            body = json.dumps({"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": call})
            with http.stream("POST", url, headers=headers, content=body) as stream:
                for line in stream.iter_lines():  # the job runs once its first progress comes
                    if line.startswith("data:") and "notifications/progress" in line:
                        break
                mcp.send_signal(signal.SIGTERM)
                assert device_hears_the_end(device)[1] == "cancelled"
            mcp.wait(30)  # it exits too, not once the job would have ended
    finally:
        if mcp.poll() is None:
            mcp.kill()
            mcp.wait(10)
        device.close()
        daemon.terminate()
        daemon.wait(10)
