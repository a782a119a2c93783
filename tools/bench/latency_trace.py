"""Where a /roo/generate's milliseconds go: the latency bench's generate, traced in both processes.

The in-memory Live runs in its own process (``roo sim --abletonosc``, as in tools/bench/latency.py)
with its timer ticks, the datagrams each tick drains and its garbage collections noted; this process
(the client and the daemon) notes the client's send and receive, the daemon's Live requests and
replies, its CPU-thread step and its collections. Both read ``time.perf_counter`` (CLOCK_MONOTONIC
on Linux: one clock for both processes). Prints one JSON line: the median and p90 of each segment
of a generate, its wait for the Remote Script's tick, the full collections of each process during
the run, and the slowest generates' timelines.
Usage: .venv/bin/python tools/bench/latency_trace.py [--requests 200] [--track 0] [--unsettled]
Linux only (the one clock); the figures are for finding causes, latency.py's are the measure.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # tools.* as a package

Event = tuple[Any, ...]  # (perf_counter s, what, detail...)
UNSETTLED_ENV = "MUSEAROO_TRACE_UNSETTLED"
EVENTS: list[Event] = []


def note(what: str, *detail: Any) -> None:
    EVENTS.append((time.perf_counter(), what, *detail))


def note_collections(phase: str, info: dict[str, int]) -> None:
    if info.get("generation") == 2:
        note(f"gc_{phase}")


def sim_child(out: str, roo_args: list[str]) -> int:
    """``roo <roo_args>`` (``sim --abletonosc ...``) with its timer ticks, drained datagrams and full
    collections noted into the file ``out`` as it ends."""
    import atexit

    from bridge.cli import main
    from livesim import host, scheduler, script

    run_due = scheduler.TimerScheduler.run_due

    def traced_run_due(self: scheduler.TimerScheduler, now: float, errors: Any) -> int:
        start = time.perf_counter()
        fired = run_due(self, now, errors)
        if fired:
            EVENTS.append(
                (start, "tick", time.perf_counter() - start)
            )  # at its start: what it drained follows
        return fired

    create = script.create_script

    def traced_create(module: Any, c_instance: Any, port: int, env: Any = None) -> Any:
        surface = create(module, c_instance, port, env)
        drain = surface.socket.drain

        def traced_drain(handle: Any, on_error: Any) -> int:
            def noted(data: bytes, sender: Any) -> None:
                note("drained", data.split(b"\0", 1)[0].decode())
                handle(data, sender)

            return int(drain(noted, on_error))

        surface.socket.drain = traced_drain
        return surface

    scheduler.TimerScheduler.run_due = traced_run_due  # type: ignore[method-assign]
    script.create_script = host.create_script = traced_create  # type: ignore[attr-defined]
    gc.callbacks.append(note_collections)
    atexit.register(lambda: Path(out).write_text(json.dumps(EVENTS)))
    if os.environ.get(UNSETTLED_ENV) == "1":  # as before settle_heap: the start-up heap stays collectable
        from bridge.cli import sim

        sim.settle_heap = lambda: None
    sys.argv = ["roo", *roo_args]
    return main()


def segments(timeline: list[Event]) -> dict[str, float]:
    """The ms of each step of one generate, from the client's send to its 'done'."""
    first: dict[str, float] = {}
    for t, what, *detail in timeline:
        key = what if what not in ("drained", "d_req", "d_reply") else f"{what} {detail[0]}"
        first.setdefault(key, t)
    write = next((k for k in first if k.startswith("d_req /roo/live/write")), None)
    if write is None or "c_send" not in first or "c_done" not in first:
        return {}
    address = write.split(" ", 1)[1]
    sent, done = first["c_send"], first["c_done"]
    drained = first.get(f"drained {address}", sent)
    tick_before = max((t for t, what, *_ in timeline if what == "tick" and t <= drained), default=drained)
    replied = first.get(f"d_reply {address}", done)
    return {
        "click -> write sent (daemon)": (first[write] - sent) * 1e3,
        "  of which the CPU-thread step": (first.get("cpu_end", sent) - first.get("cpu_start", sent)) * 1e3,
        "write sent -> the tick that read it": (tick_before - first[write]) * 1e3,
        "that tick -> reply at the daemon": (replied - tick_before) * 1e3,
        "reply -> done at the client": (done - replied) * 1e3,
        "total": (done - sent) * 1e3,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--track", type=int, default=0)
    parser.add_argument(
        "--unsettled", action="store_true", help="neither process settles its heap (as before settle_heap)"
    )
    args = parser.parse_args()
    os.environ[UNSETTLED_ENV] = "1" if args.unsettled else "0"  # read by the in-memory Live's process

    from bridge.app import App
    from bridge.cli.lifecycle import settle_heap
    from bridge.embedded import daemon_in_thread
    from bridge.live import client as live_client
    from tools.bench import latency, sim_process

    request = live_client.LiveClient.request
    received = live_client.LiveClient._received

    async def traced_request(self: Any, address: str, *rest: Any, **kw: Any) -> list[Any]:
        note("d_req", address)
        return await request(self, address, *rest, **kw)

    def traced_received(self: Any, data: bytes) -> None:
        note("d_reply", data.split(b"\0", 1)[0].decode())
        received(self, data)

    run_cpu = App.run_cpu

    async def traced_run_cpu(self: Any, fn: Any, *rest: Any) -> Any:
        def step(*values: Any) -> Any:
            note("cpu_start")
            try:
                return fn(*values)
            finally:
                note("cpu_end")

        return await run_cpu(self, step, *rest)

    live_client.LiveClient.request = traced_request  # type: ignore[method-assign]
    live_client.LiveClient._received = traced_received  # type: ignore[method-assign]
    App.run_cpu = traced_run_cpu  # type: ignore[method-assign]
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        out = handle.name
    client = latency.Client()
    timelines: list[list[Event]] = []
    traced = sim_process.SimProcess(client.port, launcher=[sys.executable, __file__, "--sim-child", out])
    with traced as sim, daemon_in_thread(sim.port) as daemon:
        latency.wait_for_pushed_context(daemon)
        for i in range(latency.WARM_UP):
            latency.generate_once(sim, daemon, client, i, latency.TICK_S, args.track)
        if not args.unsettled:
            settle_heap()
        gc.callbacks.append(note_collections)
        for i in range(args.requests):
            client.round_trip(sim.port, latency.TEMPO, [], lambda a, v: a == latency.TEMPO, latency.TICK_S)
            time.sleep(latency.PHASES.uniform(0.0, latency.TICK_S))
            begin = len(EVENTS)
            note("c_send")
            ms = latency.generate_once(sim, daemon, client, i, 0.0, args.track)  # then reads the clip back
            timelines.append([*EVENTS[begin:], (EVENTS[begin][0] + ms / 1000.0, "c_done")])
        gc.callbacks.remove(note_collections)
    sim_events = [tuple(e) for e in json.loads(Path(out).read_text())]
    Path(out).unlink()
    merged: list[list[Event]] = []
    for own in timelines:
        start, end = own[0][0], own[-1][0]
        merged.append(sorted(own + [e for e in sim_events if start <= e[0] <= end]))
    window = (merged[0][0][0], merged[-1][-1][0])
    figures = report(merged, [e for e in sim_events if window[0] <= e[0] <= window[1]])

    print(json.dumps(figures))
    return 0


def report(merged: list[list[Event]], sim_events: list[Event]) -> dict[str, Any]:
    rows = [segments(t) for t in merged]
    rows = [r for r in rows if r]
    table = {
        name: {
            "median_ms": round(statistics.median(r[name] for r in rows), 2),
            "p90_ms": round(sorted(r[name] for r in rows)[int(0.9 * (len(rows) - 1))], 2),
        }
        for name in rows[0]
    }
    slowest = sorted(range(len(rows)), key=lambda i: rows[i]["total"])[-3:]
    return {
        "generates": len(rows),
        "settled": os.environ.get(UNSETTLED_ENV) != "1",
        "load_1min": os.getloadavg()[0],
        "segments": table,
        "full_collections_ms": {
            "daemon": pauses([e for t in merged for e in t if e[1].startswith("gc_") and len(e) == 2]),
            "in-memory Live": pauses([e for e in sim_events if e[1].startswith("gc_")]),
        },
        "slowest": [{k: round(v, 2) for k, v in rows[i].items()} for i in slowest],
    }


def pauses(events: list[Event]) -> list[float]:
    starts = [e[0] for e in events if e[1] == "gc_start"]
    stops = [e[0] for e in events if e[1] == "gc_stop"]
    return [round((b - a) * 1e3, 1) for a, b in zip(starts, stops, strict=False)]


if __name__ == "__main__":
    if len(sys.argv) > 3 and sys.argv[1] == "--sim-child":
        sys.exit(sim_child(sys.argv[2], sys.argv[3:]))
    sys.exit(main())
