"""/roo/ping while a separation runs with 20 WebSocket clients subscribed, against none.

Side by side in one run, the same /roo/separate (htdemucs layout, random weights, model in the
worker process) twice on one daemon: first with its HTTP server and no clients (the worker is
started and the model loaded, so both timed runs find it warm), then timed with no WebSocket
client, then timed with 20 clients reading /ws in a process of their own (tools/bench/ws_clients.py,
as browsers are; threads in this process would take the daemon's GIL). A client pings every
10 ms during each job, and for as long with no job (the machine's own baseline). The clients also note each event's delay from its publish (at_s).
Prints the table, then one JSON line with the figures.
Usage: .venv/bin/python -m tools.bench.ping_ws [--seconds 5] [--clients 20]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np
import soundfile as sf

from bridge import osc, protocol
from bridge.embedded import daemon_in_thread
from bridge.web import WebServer
from engines.separation.random_model import save_random_model
from livesim.host import LiveHost
from livesim.live_set import parse_set
from tools.bench.ping_under_load import RATE, ping_until, summary


def separate(daemon_port: int, model: str, pinger: socket.socket) -> tuple[list[float], float]:
    requester = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    requester.bind((protocol.HOST, 0))
    requester.settimeout(600)
    done = [False]
    start = time.perf_counter()
    requester.sendto(osc.encode(protocol.SEPARATE, [0, 0, model]), (protocol.HOST, daemon_port))
    result: list[list[float]] = []
    thread = threading.Thread(target=lambda: result.append(ping_until(pinger, daemon_port, done)))
    thread.start()
    while True:
        address, values = next(osc.decode(requester.recvfrom(65536)[0]))
        if address == protocol.STATUS and values[1] in protocol.FINAL_STATES:
            break
    done[0] = True
    thread.join()
    requester.close()
    if values[1] != "done":
        raise SystemExit(f"separation did not finish: {values}")
    return result[0], time.perf_counter() - start


def idle_pings(daemon_port: int, pinger: socket.socket, seconds: float) -> list[float]:
    done = [False]
    timer = threading.Timer(seconds, lambda: done.__setitem__(0, True))
    timer.start()
    return ping_until(pinger, daemon_port, done)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=5.0, help="length of the audio separated")
    parser.add_argument("--clients", type=int, default=20)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="roo-ping-ws-"))
    os.environ["MUSEAROO_STEMS_DIR"] = str(tmp / "stems")
    model = str(save_random_model(tmp / "model", "bench", layout="htdemucs"))
    audio = tmp / "mix.wav"
    sf.write(audio, 0.2 * np.random.default_rng(0).standard_normal((int(args.seconds * RATE), 2)), RATE)
    clip = {"slot": 0, "name": "Mix", "file": str(audio), "warping": False, "start_marker": 0.0,
            "end_marker": args.seconds}  # fmt: skip
    desc = parse_set({"tempo": 120, "tracks": [{"type": "audio", "name": "Mix", "clips": [clip]}]})
    rows = []
    with LiveHost(desc, port=0) as live, daemon_in_thread(live.port) as daemon:
        assert daemon.app is not None
        web = WebServer(daemon, protocol.HOST, 0, None)
        asyncio.run_coroutine_threadsafe(web.start(), daemon.app.loop).result(10)
        pinger = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        pinger.bind((protocol.HOST, 0))
        separate(daemon.port, model, pinger)  # warm-up: start the worker, load the model
        ours, job_s = separate(daemon.port, model, pinger)
        rows.append(summary("no WebSocket client", ours, job_s))
        idle = idle_pings(daemon.port, pinger, job_s)  # the machine's own tail, no job running
        rows.append(summary("no job, no client (the machine's baseline)", idle, job_s))
        clients = subprocess.Popen(
            [sys.executable, "-m", "tools.bench.ws_clients", str(web.port), "--clients", str(args.clients)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert clients.stdin is not None and clients.stdout is not None
        if clients.stdout.readline().strip() != "ready":
            raise SystemExit("the WebSocket clients did not connect")
        loaded, loaded_s = separate(daemon.port, model, pinger)
        got = json.loads(clients.communicate("stop\n", timeout=60)[0].splitlines()[-1])
        rows.append(summary(f"{args.clients} WebSocket clients subscribed", loaded, loaded_s))
        asyncio.run_coroutine_threadsafe(web.stop(), daemon.app.loop).result(10)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
          f"load {os.getloadavg()[0]:.1f}; {args.seconds:g} s of stereo audio, htdemucs layout")  # fmt: skip
    received, delays = got["received"], sorted(got["delays_ms"])
    print(f"events received by the {args.clients} clients: min {min(received)}, max {max(received)}")
    print("| path | job s | pings | p50 ms | p99 ms | max ms | pings over 5 ms |")
    print("|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    figures = {
        "load_1min": os.getloadavg()[0],
        "ping_ms_idle": percentiles(idle),
        "ping_ms_no_clients": percentiles(ours),
        "ping_ms_with_clients": percentiles(loaded),
        "job_s": [round(job_s, 2), round(loaded_s, 2)],
        "event_delay_ms": percentiles(delays),
        "events_per_client": [min(received), max(received)],
    }
    print(json.dumps(figures))
    return 0


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return {"n": len(ordered), "p50": round(statistics.median(ordered), 2), "p99": round(p99, 2),
            "max": round(ordered[-1], 2)}  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
