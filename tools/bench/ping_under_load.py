"""Does the daemon keep answering while a separation runs? /roo/ping round trips during a job.

Side by side in one run, with the htdemucs architecture (random weights) on the same audio:
- ours: /roo/separate through the daemon, the model running in the worker process;
- peer: the same separation run inside the daemon's own process on a thread (run_cpu), which is
  what an engine called from the daemon without a worker process would do.
A client pings every 10 ms from the job's start until the separation ends.
Usage: .venv/bin/python tools/bench/ping_under_load.py [--seconds 10]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import soundfile as sf

from bridge import osc, protocol
from bridge.embedded import daemon_in_thread
from engines.separation.files import separate_file
from engines.separation.random_model import save_random_model
from livesim.host import LiveHost
from livesim.live_set import parse_set

RATE = 44100


def ping_until(sock: socket.socket, port: int, done: list[bool], every_s: float = 0.01) -> list[float]:
    """Ping until done[0]; returns round trips in ms (a lost ping counts as 1000 ms)."""
    samples = []
    sock.settimeout(1.0)
    while not done[0]:
        start = time.perf_counter()
        sock.sendto(osc.encode(protocol.PING, []), (protocol.HOST, port))
        try:
            while True:
                data, _ = sock.recvfrom(65536)
                if next(osc.decode(data))[0] == protocol.PONG:
                    break
        except TimeoutError:
            samples.append(1000.0)
            continue
        samples.append((time.perf_counter() - start) * 1000.0)
        time.sleep(every_s)
    return samples


def summary(name: str, samples: list[float], job_s: float) -> str:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    over = sum(s > 5.0 for s in ordered)
    return (
        f"| {name} | {job_s:.1f} | {len(ordered)} | {statistics.median(ordered):.2f} | {p99:.2f} | "
        f"{ordered[-1]:.2f} | {over} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=10.0, help="length of the audio separated")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="roo-ping-"))
    os.environ["MUSEAROO_STEMS_DIR"] = str(tmp / "stems")
    model = str(save_random_model(tmp / "model", "bench", layout="htdemucs"))
    audio = tmp / "mix.wav"
    rng = np.random.default_rng(0)
    sf.write(audio, 0.2 * rng.standard_normal((int(args.seconds * RATE), 2)), RATE, subtype="FLOAT")
    clip = {"slot": 0, "name": "Mix", "file": str(audio), "warping": False, "start_marker": 0.0,
            "end_marker": args.seconds}  # fmt: skip
    desc = parse_set({"tempo": 120, "tracks": [{"type": "audio", "name": "Mix", "clips": [clip]}]})
    rows = []
    with LiveHost(desc, port=0) as live, daemon_in_thread(live.port) as daemon:
        pinger = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        pinger.bind((protocol.HOST, 0))
        requester = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        requester.bind((protocol.HOST, 0))
        requester.settimeout(600)

        # ours: through the worker process
        done = [False]
        start = time.perf_counter()
        requester.sendto(osc.encode(protocol.SEPARATE, [0, 0, model]), (protocol.HOST, daemon.port))
        loop = asyncio.new_event_loop()
        pings = loop.run_in_executor(None, ping_until, pinger, daemon.port, done)
        while True:
            address, values = next(osc.decode(requester.recvfrom(65536)[0]))
            if address == protocol.STATUS and values[1] in protocol.FINAL_STATES:
                break
        done[0] = True
        ours = loop.run_until_complete(pings)
        if values[1] != "done":
            raise SystemExit(f"separation did not finish: {values}")
        rows.append(
            summary("ours: /roo/separate, model in the worker process", ours, time.perf_counter() - start)
        )

        # peer: the same separation on a thread of the daemon's process
        assert daemon.app is not None
        app = daemon.app
        done = [False]
        start = time.perf_counter()
        pings = loop.run_in_executor(None, ping_until, pinger, daemon.port, done)
        future = asyncio.run_coroutine_threadsafe(
            app.run_cpu(lambda: separate_file(path=str(audio), out_dir=str(tmp / "peer"), model=model)),
            app.loop,
        )
        future.result(600)
        done[0] = True
        peer = loop.run_until_complete(pings)
        rows.append(
            summary("peer: same separation on a thread in the daemon", peer, time.perf_counter() - start)
        )
        loop.close()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
          f"load {os.getloadavg()[0]:.1f}; {args.seconds:g} s of stereo audio, htdemucs layout")  # fmt: skip
    print("| path | job s | pings | p50 ms | p99 ms | max ms | pings over 5 ms |")
    print("|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
