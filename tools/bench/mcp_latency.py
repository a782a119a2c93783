"""MCP against OSC, side by side in one run: a read of Live and a generate, each made through
`roo mcp` (the SDK's own client over stdio) and through the OSC request that tool sends.

Processes, as a producer's machine runs them: `roo sim --abletonosc` (the in-memory Live with the
real Remote Script), `roo serve` (the daemon), `roo mcp --port <the daemon's>` (the MCP server, so
both paths reach the same job board). Interleaved request by request:
- read: MCP ``live_song_get tempo`` (the server's AbletonOSC client to the Remote Script's
  AbletonOSC port) against ``/live/song/get/tempo`` sent to the Remote Script's own port;
- generate: MCP ``generate drums bars 8`` against ``/roo/generate drums ... bars 8`` to the daemon,
  each timed to its final status (the tool's answer, with the take and where it landed).
Also prints the tool count. Usage: .venv/bin/python tools/bench/mcp_latency.py [--requests 30]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # tools.* as a package

from mcp.client.session import ClientSession
from mcp.client.stdio import StdioServerParameters, stdio_client

from bridge import protocol
from tests.conftest import free_udp_port
from tools.bench.latency import Client, percentiles
from tools.bench.sim_process import ROOT, SimProcess


def start_serve(port: int, live_port: int, data: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MUSEAROO_DATA_DIR": str(data), "MUSEAROO_PREPARE": "0"}
    args = ["-m", "bridge", "serve", "--port", str(port), "--live-port", str(live_port), "--no-http", "-q"]
    proc = subprocess.Popen([sys.executable, *args], cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    probe = Client()
    for _ in range(100):
        try:
            probe.round_trip(port, protocol.PING, [], lambda a, v: a == protocol.PONG)
            return proc
        except TimeoutError:
            time.sleep(0.2)
    raise SystemExit("roo serve did not answer")


def final(address: str, values: list) -> bool:
    return address == protocol.STATUS and values[1] in protocol.FINAL_STATES


async def run(requests: int, own_reply_port: bool = False) -> dict[str, object]:
    reply_port = free_udp_port()
    osc = Client()
    with tempfile.TemporaryDirectory() as tmp, SimProcess(reply_port) as sim:
        daemon_port = free_udp_port()
        serve = start_serve(daemon_port, sim.port, Path(tmp))
        replies = (
            [] if own_reply_port else ["--abletonosc-reply-port", str(reply_port)]
        )  # own: roo mcp's default
        args = ["-m", "bridge", "mcp", "--port", str(daemon_port), "--live-port", str(sim.port),
                "--abletonosc-port", str(sim.compat_port), *replies, "-q"]  # fmt: skip
        env = {**os.environ, "PYTHONPATH": str(ROOT), "MUSEAROO_DATA_DIR": tmp, "MUSEAROO_PREPARE": "0"}
        params = StdioServerParameters(command=sys.executable, args=args, env=env, cwd=str(ROOT))
        times: dict[str, list[float]] = {
            "mcp read": [],
            "osc read": [],
            "mcp generate": [],
            "osc generate": [],
        }
        try:
            async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
                await session.initialize()
                tools = len((await session.list_tools()).tools)
                for i in range(requests + 2):  # the first two of each are warm-up, not counted
                    start = time.perf_counter()
                    got = await session.call_tool("live_song_get", {"property": "tempo"})
                    mcp_read = (time.perf_counter() - start) * 1000.0
                    assert not got.is_error
                    osc_read = osc.round_trip(
                        sim.port, "/live/song/get/tempo", [], lambda a, v: a.endswith("tempo")
                    )
                    slot = i % 8
                    start = time.perf_counter()
                    made = await session.call_tool(
                        "generate", {"part": "drums", "track": 0, "slot": slot, "bars": 8, "replace": 1}
                    )
                    mcp_generate = (time.perf_counter() - start) * 1000.0
                    assert not made.is_error, made.content
                    osc_generate = osc.round_trip(
                        daemon_port,
                        protocol.GENERATE,
                        ["drums", "track", 1, "slot", slot, "bars", 8, "replace", 1],
                        final,
                    )
                    assert osc.last[1] == "done", osc.last
                    if i >= 2:
                        for name, ms in (("mcp read", mcp_read), ("osc read", osc_read),
                                         ("mcp generate", mcp_generate), ("osc generate", osc_generate)):  # fmt: skip
                            times[name].append(ms)
        finally:
            serve.terminate()
            serve.wait(20)
    return {"tools": tools, "requests": requests, "machine": f"{platform.machine()}, {os.cpu_count()} cores",
            "load": os.getloadavg()[0], "ms": {k: percentiles(v) for k, v in times.items()}}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--own-reply-port", action="store_true",
                        help="roo mcp on a reply port of its own (/live/api/reply_to_sender), its default")  # fmt: skip
    options = parser.parse_args()
    result = asyncio.run(run(options.requests, options.own_reply_port))
    print(f"MCP tools: {result['tools']}; {result['requests']} requests each; load {result['load']:.2f}")
    print("| path | p50 ms | p99 ms | max ms |\n|---|---|---|---|")
    for name, (p50, p99, top) in result["ms"].items():  # type: ignore[attr-defined]
        print(f"| {name} | {p50:.2f} | {p99:.2f} | {top:.2f} |")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
