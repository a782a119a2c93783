"""End-to-end latency: /roo/generate leaving a client -> notes in the in-memory Live's clip -> done.

Runs, side by side in one run (the in-memory Live in its own process, `roo sim --abletonosc`, as
real Live is; the daemon and the client in this one):
- floor: a bare python-osc UDP echo on loopback (encode, send, echo, receive, decode);
- the daemon's /roo/ping;
- interleaved, request by request, each sent at a random phase of Live's tick: the Remote
  Script's /live/song/get/tempo, the same query
  through the AbletonOSC compatibility port, and /roo/generate drums (8 bars) through daemon
  and Remote Script (10 ms Live.Base.Timer; the daemon holds the context Live pushed, so a
  generate is one Live round trip: the write);
- the peers: AbletonOSC's query modelled on its 100 ms tick (the compatibility port of a script
  polled by the control-surface tick, as Live 10.1 in the in-memory Live does), and the
  /roo/generate path on that tick.
The daemon's process and the in-memory Live's settle their heaps once up (``settle_heap``, as
``roo serve`` and ``roo sim`` do); the daemon's process's full garbage collections during the
interleaved run, if any, are in the JSON (``daemon_full_collections_ms``).
The parts are written into track --track (default 0, where Live's selection is: from the second
request on, the selected slot holds a MIDI clip the part follows, read in one more round trip;
--track 1 leaves the selected slot empty, known from the fill state Live pushes: the write alone).
Prints a Markdown table, then the figures as one JSON line.
Usage: .venv/bin/python tools/bench/latency.py [--requests 200] [--peer-requests 50] [--track 0]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import socket
import statistics
import sys
import threading
import time
from collections.abc import Callable

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[2]))  # tools.* as a package

from bridge import osc, protocol
from bridge.cli.lifecycle import settle_heap
from bridge.daemon import Daemon
from bridge.embedded import daemon_in_thread
from livesim.host import LiveHost
from tools.bench.sim_process import SimProcess


def percentiles(samples_ms: list[float]) -> tuple[float, float, float]:
    ordered = sorted(samples_ms)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return statistics.median(ordered), p99, ordered[-1]


class Client:
    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind((protocol.HOST, 0))
        self.sock.settimeout(5.0)
        self.port = int(self.sock.getsockname()[1])
        self.last: list = []

    def round_trip(
        self,
        port: int,
        address: str,
        args: list[object],
        until: Callable[[str, list], bool],
        phase_s: float = 0.0,
    ) -> float:
        """Milliseconds from sending to the first message that until() accepts.

        phase_s: first wait a random 0..phase_s s, so a request meets Live's tick at a random
        phase (as a user's click does) instead of right after the tick that answered the last one
        (which a script draining its socket may even serve in that same tick).
        """
        if phase_s > 0:
            time.sleep(PHASES.uniform(0.0, phase_s))
        start = time.perf_counter()
        self.sock.sendto(osc.encode(address, args), (protocol.HOST, port))
        while True:
            data, _ = self.sock.recvfrom(65536)
            for got, values in osc.decode(data):
                if until(got, values):
                    self.last = values
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


TEMPO = "/live/song/get/tempo"
TICK_S = 0.010  # the Remote Script's Live.Base.Timer interval
PEER_TICK_S = 0.100  # Live's control-surface tick (update_display), AbletonOSC's tick
PHASES = random.Random(20)
WARM_UP = 3  # untimed requests before each timed series


class CollectorPauses:
    """The garbage collector's full (generation 2) collections while it is entered, in ms."""

    def __init__(self) -> None:
        self.full_ms: list[float] = []
        self._started = 0.0

    def _note(self, phase: str, info: dict[str, int]) -> None:
        if info.get("generation") != 2:
            return
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.full_ms.append((time.perf_counter() - self._started) * 1000.0)

    def __enter__(self) -> CollectorPauses:
        gc.callbacks.append(self._note)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self._note)


def wait_for_pushed_context(daemon: Daemon, timeout: float = 5.0) -> None:
    end = time.monotonic() + timeout
    while daemon.live.pushed is None:
        if time.monotonic() > end:
            raise SystemExit("Live pushed no song context to the daemon")
        time.sleep(0.01)


def generate_once(
    sim: SimProcess, daemon: Daemon, client: Client, i: int, phase_s: float, track: int = 0
) -> float:
    slot = i % 8
    args: list[object] = ["drums", "track", track, "slot", slot, "bars", 8, "seed", i, "replace", 1]
    ms = client.round_trip(
        daemon.port,
        protocol.GENERATE,
        args,
        lambda a, v: a == protocol.STATUS and v[1] in protocol.FINAL_STATES,
        phase_s,
    )
    # outside the timed region: the notes really are in the clip
    client.round_trip(
        sim.port, protocol.CLIP_GET_NOTES, [track, slot], lambda a, v: a == protocol.CLIP_GET_NOTES
    )
    if client.last[:2] != [track, slot] or len(client.last) <= 2:
        raise SystemExit(f"request {i}: done but track {track} slot {slot} holds no notes")
    return ms


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--peer-requests", type=int, default=50)
    parser.add_argument("--track", type=int, default=0, help="the MIDI track the parts go to (default 0)")
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
    rows.append(("daemon /roo/ping", len(ping), percentiles(ping)))

    # side by side, interleaved: one Live query, the same query through the AbletonOSC port, and a
    # /roo/generate (the daemon holds the pushed context: one Live round trip, the write)
    tempo, compat, ours = [], [], []
    with SimProcess(client.port) as sim, daemon_in_thread(sim.port) as daemon:
        wait_for_pushed_context(daemon)
        for i in range(WARM_UP):  # untimed: the first generate imports and compiles what it needs
            generate_once(sim, daemon, client, i, TICK_S, args.track)
        settle_heap()  # as roo serve does once it is up (the in-memory Live's process does it too)
        with CollectorPauses() as pauses:  # this process's (the daemon's) full collections, if any
            for i in range(args.requests):
                tempo.append(client.round_trip(sim.port, TEMPO, [], lambda a, v: a == TEMPO, TICK_S))
                compat.append(client.round_trip(sim.compat_port, TEMPO, [], lambda a, v: a == TEMPO, TICK_S))
                ours.append(generate_once(sim, daemon, client, i, TICK_S, args.track))
    rows.append(("Remote Script /live/song/get/tempo (10 ms timer)", len(tempo), percentiles(tempo)))
    rows.append(
        ("same query on the AbletonOSC grammar's port (10 ms timer)", len(compat), percentiles(compat))
    )
    rows.append(
        ("/roo/generate drums 8 bars -> done (pushed context, 10 ms timer)", len(ours), percentiles(ours))
    )

    # the peers: Live's 100 ms control-surface tick (a Live without Live.Base.Timer), which is
    # AbletonOSC's tick
    modelled, peer = [], []
    with SimProcess(client.port, "10.1.0") as sim, daemon_in_thread(sim.port) as daemon:
        wait_for_pushed_context(daemon)
        for i in range(WARM_UP):
            generate_once(sim, daemon, client, i, PEER_TICK_S, args.track)
        for i in range(args.peer_requests):
            modelled.append(
                client.round_trip(sim.compat_port, TEMPO, [], lambda a, v: a == TEMPO, PEER_TICK_S)
            )
            peer.append(generate_once(sim, daemon, client, i, PEER_TICK_S, args.track))
    rows.append(("peer model: AbletonOSC's query on a 100 ms tick", len(modelled), percentiles(modelled)))
    rows.append(("peer: /roo/generate, 100 ms control-surface tick", len(peer), percentiles(peer)))

    print(f"machine: {platform.machine()}, {platform.system()}, Python {sys.version.split()[0]}")
    print("| path | requests | p50 ms | p99 ms | max ms |")
    print("|---|---|---|---|---|")
    for name, n, (p50, p99, worst) in rows:
        print(f"| {name} | {n} | {p50:.2f} | {p99:.2f} | {worst:.2f} |")
    q50, g50, g99 = percentiles(tempo)[0], percentiles(ours)[0], percentiles(ours)[1]
    print(
        f"\ngenerate p50 {g50:.2f} ms vs target {1.3 * q50 + 2:.2f} ms (1.3 x query p50 {q50:.2f} + 2); "
        f"generate p99 {g99:.2f} ms vs target 20 ms"
    )
    print(
        f"AbletonOSC port p50 {percentiles(compat)[0]:.2f} ms vs the modelled 100 ms tick "
        f"{percentiles(modelled)[0]:.2f} ms: {percentiles(modelled)[0] / percentiles(compat)[0]:.1f}x faster"
    )
    figures = {
        "track": args.track,
        "load_1min": os.getloadavg()[0],
        "rows": {name: {"n": n, "p50_ms": round(a, 2), "p99_ms": round(b, 2), "max_ms": round(c, 2)}
                 for name, n, (a, b, c) in rows},
        "generate_p50_target_ms": round(1.3 * q50 + 2, 2),
        "generate_p50_met": g50 <= 1.3 * q50 + 2,
        "generate_p99_met": g99 < 20.0,
        "daemon_full_collections_ms": [round(ms, 1) for ms in pauses.full_ms],
    }  # fmt: skip
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
