"""End-to-end latency: /roo/generate leaving a client -> notes in the in-memory Live's clip -> done.

Runs, side by side in one process and one run:
- floor: a bare python-osc UDP echo on loopback (encode, send, echo, receive, decode);
- the daemon's /roo/ping and the Remote Script's /live/song/get/tempo round trips;
- /roo/generate drums (8 bars) through daemon and Remote Script (10 ms Live.Base.Timer);
- the peer: the same path with the Remote Script polled by the 100 ms control-surface tick
  (what a script without Live.Base.Timer does: Live 10.1 in the in-memory Live).
Usage: .venv/bin/python tools/bench/latency.py [--requests 200] [--peer-requests 50]
"""

from __future__ import annotations

import argparse
import platform
import socket
import statistics
import sys
import threading
import time
from collections.abc import Callable

from bridge import osc, protocol
from bridge.embedded import daemon_in_thread
from bridge.livesim.host import LiveHost


def percentiles(samples_ms: list[float]) -> tuple[float, float, float]:
    ordered = sorted(samples_ms)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return statistics.median(ordered), p99, ordered[-1]


class Client:
    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind((protocol.HOST, 0))
        self.sock.settimeout(5.0)

    def round_trip(
        self, port: int, address: str, args: list[object], until: Callable[[str, list], bool]
    ) -> float:
        start = time.perf_counter()
        self.sock.sendto(osc.encode(address, args), (protocol.HOST, port))
        while True:
            data, _ = self.sock.recvfrom(65536)
            for got, values in osc.decode(data):
                if until(got, values):
                    return (time.perf_counter() - start) * 1000.0


def echo_server() -> tuple[int, threading.Event]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((protocol.HOST, 0))
    sock.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                data, addr = sock.recvfrom(65536)
            except TimeoutError:
                continue
            for address, args in osc.decode(data):
                sock.sendto(osc.encode(address, args), addr)
        sock.close()

    threading.Thread(target=serve, daemon=True).start()
    return int(sock.getsockname()[1]), stop


def generate_latencies(live: LiveHost, count: int) -> list[float]:
    client = Client()
    samples = []
    with daemon_in_thread(live.port) as daemon:
        for i in range(count):
            slot = i % 8
            args: list[object] = ["drums", "track", 0, "slot", slot, "bars", 8, "seed", i, "replace", 1]
            ms = client.round_trip(
                daemon.port,
                protocol.GENERATE,
                args,
                lambda a, v: a == protocol.STATUS and v[1] in protocol.FINAL_STATES,
            )
            notes = live.clip_notes(0, slot)  # outside the timed region: the notes really are there
            if not notes:
                raise SystemExit(f"request {i}: done but track 0 slot {slot} holds no notes")
            samples.append(ms)
    return samples


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--peer-requests", type=int, default=50)
    args = parser.parse_args()
    rows: list[tuple[str, int, tuple[float, float, float]]] = []

    port, stop = echo_server()
    client = Client()
    floor = [client.round_trip(port, "/echo", [1, 2.0, "x"], lambda a, v: True) for _ in range(args.requests)]
    stop.set()
    rows.append(("bare python-osc UDP echo (floor)", len(floor), percentiles(floor)))

    with LiveHost(port=0) as live, daemon_in_thread(live.port) as daemon:
        ping = [
            client.round_trip(daemon.port, protocol.PING, [], lambda a, v: a == protocol.PONG)
            for _ in range(args.requests)
        ]
        tempo = [
            client.round_trip(live.port, "/live/song/get/tempo", [], lambda a, v: a == "/live/song/get/tempo")
            for _ in range(args.requests)
        ]
    rows.append(("daemon /roo/ping", len(ping), percentiles(ping)))
    rows.append(("Remote Script /live/song/get/tempo (10 ms timer)", len(tempo), percentiles(tempo)))

    with LiveHost(port=0) as live:
        ours = generate_latencies(live, args.requests)
    rows.append(("/roo/generate drums 8 bars -> done (10 ms timer)", len(ours), percentiles(ours)))

    with LiveHost(port=0, version=(10, 1, 0)) as live:
        peer = generate_latencies(live, args.peer_requests)
    rows.append(("peer: same path, 100 ms control-surface tick", len(peer), percentiles(peer)))

    print(f"machine: {platform.machine()}, {platform.system()}, Python {sys.version.split()[0]}")
    print("| path | requests | p50 ms | p99 ms | max ms |")
    print("|---|---|---|---|---|")
    for name, n, (p50, p99, worst) in rows:
        print(f"| {name} | {n} | {p50:.2f} | {p99:.2f} | {worst:.2f} |")
    ratio = percentiles(peer)[1] / percentiles(ours)[1]
    print(f"\npeer p99 / ours p99 = {ratio:.1f}x; ours p99 {percentiles(ours)[1]:.1f} ms vs target 50 ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
