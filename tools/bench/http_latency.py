"""/roo/generate through HTTP against OSC, side by side: trigger -> notes in the clip -> done.

One daemon with its HTTP server and the in-memory Live (10 ms Live.Base.Timer); requests alternate
between the two paths so both see the same load. OSC: a plain UDP client sends /roo/generate and
the clock stops at /roo/status done. HTTP: a keep-alive httpx client POSTs /api/generate and the
clock stops when the job's "done" event arrives on an open /ws (how a page or script watches).
After each request the clip is read in Live (untimed) and must hold notes. Once up, the process
settles its heap (``settle_heap``), as ``roo serve`` and ``roo sim`` do: unsettled, full collections
over the start-up heap (FastAPI, uvicorn, Live and the daemon in one process) took 125 to 145 ms in
the middle of a POST, twice in 200 requests.
Usage: .venv/bin/python -m tools.bench.http_latency [--requests 200]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import platform
import sys
import time

import httpx
from websockets.sync.client import connect

from bridge import protocol
from bridge.cli.lifecycle import settle_heap
from bridge.embedded import daemon_in_thread
from bridge.web import WebServer
from livesim.host import LiveHost
from tools.bench.latency import Client, percentiles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    osc_ms: list[float] = []
    http_ms: list[float] = []
    with LiveHost(port=0) as live, daemon_in_thread(live.port) as daemon:
        assert daemon.app is not None
        web = WebServer(daemon, protocol.HOST, 0, None)
        asyncio.run_coroutine_threadsafe(web.start(), daemon.app.loop).result(10)
        client = Client()
        settle_heap()  # as roo serve does once it is up (the bench's one process holds Live too)
        http = httpx.Client(base_url=f"http://127.0.0.1:{web.port}")
        with connect(f"ws://127.0.0.1:{web.port}/ws") as ws:
            ws.recv(timeout=5)  # the first event: Live's state
            for i in range(args.requests):
                slot = i % 8
                body = {"part": "drums", "track": 0, "slot": slot, "bars": 8, "seed": i, "replace": 1}
                if i % 2 == 0:
                    osc_args: list[object] = ["drums"]
                    for name in ("track", "slot", "bars", "seed", "replace"):
                        osc_args += [name, body[name]]
                    osc_ms.append(
                        client.round_trip(
                            daemon.port,
                            protocol.GENERATE,
                            osc_args,
                            lambda a, v: a == protocol.STATUS and v[1] in protocol.FINAL_STATES,
                        )
                    )
                else:
                    start = time.perf_counter()
                    job_id = http.post("/api/generate", json=body).json()["job_id"]
                    while True:
                        event = json.loads(ws.recv(timeout=5))
                        if (
                            event["type"] == "job"
                            and event["job_id"] == job_id
                            and event["state"] in (protocol.FINAL_STATES)
                        ):
                            break
                    http_ms.append((time.perf_counter() - start) * 1000.0)
                    if event["state"] != "done":
                        raise SystemExit(f"request {i}: {event}")
                if not live.clip_notes(0, slot):
                    raise SystemExit(f"request {i}: done but track 0 slot {slot} holds no notes")
        http.close()
        asyncio.run_coroutine_threadsafe(web.stop(), daemon.app.loop).result(10)
    print(f"machine: {platform.machine()}, {platform.system()}, Python {sys.version.split()[0]}")
    print("| path | requests | p50 ms | p99 ms | max ms |")
    print("|---|---|---|---|---|")
    for name, samples in (
        ("OSC /roo/generate -> /roo/status done", osc_ms),
        ("HTTP POST /api/generate -> /ws done", http_ms),
    ):
        p50, p99, worst = percentiles(samples)
        print(f"| {name} | {len(samples)} | {p50:.2f} | {p99:.2f} | {worst:.2f} |")
    added = percentiles(http_ms)[0] - percentiles(osc_ms)[0]
    print(f"\nHTTP adds {added:.2f} ms at p50 (target: under 2 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
