"""Where late jam notes come from: a stall probe beside the jam, and each late note taken apart.

``stall_probe`` runs in a process of its own at the jam sender's real-time priority (SCHED_FIFO 5
where permitted), memory locked, collector off: it sleeps to absolute deadlines 1 ms apart and
keeps every wake-up later than ``STALL_S``, and the machine's steal time (``/proc/stat``, time a
virtual machine's host gave its cores to someone else) every 10 ms. Nothing of ordinary
priority on this machine can delay it; a stall it sees is the machine's (the host, the kernel,
or a higher real-time thread such as JACK's).

``attribute`` takes each late note-on apart: sender (sent minus its place on the Link grid) and
transport (arrival at the reader minus sent, through the JACK server and the reader's client),
and names what happened at that moment: a probe stall, steal, a collection in the jam process.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bridge.jam.sender import realtime_process  # the sender's own priority and locked memory

STALL_S = 0.0005
LATE_MS = 2.0  # a note whose jitter is over this is taken apart (the p99 target)
SHOWN = 12  # the latest notes are printed one by one (in time order), the rest only counted
NEAR_S = 0.05  # a probe stall, steal or collection within this of a late note is counted as "then"


def steal_ticks() -> int:
    """Steal time of all cores in USER_HZ ticks (the 8th number of /proc/stat's cpu line)."""
    return int(Path("/proc/stat").read_text().split("\n", 1)[0].split()[8])


KERNEL = ("migration/", "watchdog", "irq/", "rcu", "ksoftirqd")


def realtime_others(above: int = 5) -> set[str]:
    """Threads of this machine in a real-time class above priority ``above`` (not the kernel's):
    "command (priority)". One of them busy takes the core from the jam's sender whenever it runs."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/task/[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        comm, fields = text[text.index("(") + 1 : text.rindex(")")], text.rsplit(")", 1)[1].split()
        rtprio, policy = int(fields[37]), int(fields[38])
        if policy in (1, 2) and rtprio > above and not comm.startswith(KERNEL):
            found.add(f"{comm} ({rtprio})")
    return found


def stall_probe(seconds: float, out: Any) -> None:
    """Puts (priority, [(t, late_s)], [(t, steal_ticks)], others) on ``out`` after ``seconds``;
    ``others``: the real-time threads above the sender's priority seen meanwhile (every 2 s)."""
    got = realtime_process()
    gc.disable()
    stalls: list[tuple[float, float]] = []
    steal: list[tuple[float, int]] = []
    start = time.monotonic()
    deadline, next_steal, next_scan = start, start, start
    others: set[str] = set()
    while deadline < start + seconds:
        if time.monotonic() >= next_scan:  # a scan takes a few ms: not counted as a stall
            others |= realtime_others()
            next_scan = time.monotonic() + 2.0
            deadline = time.monotonic()
        deadline += 0.001
        wait = deadline - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        woke = time.monotonic()
        if woke - deadline > STALL_S:
            stalls.append((deadline, woke - deadline))
            deadline = woke  # one stall is one entry, not a run of missed deadlines
        if woke >= next_steal:
            steal.append((woke, steal_ticks()))
            next_steal = woke + 0.01
    out.put((got, stalls, steal, sorted(others)))


class GcLog:
    """Every collection in this process while installed: (start, seconds, generation)."""

    def __init__(self) -> None:
        self.runs: list[tuple[float, float, int]] = []
        self._began = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._began = time.monotonic()
        else:
            self.runs.append((self._began, time.monotonic() - self._began, info["generation"]))

    def __enter__(self) -> GcLog:
        gc.callbacks.append(self)
        return self

    def __exit__(self, *_: object) -> None:
        gc.callbacks.remove(self)


def near(times: Sequence[tuple[float, Any]], t: float, span: float = NEAR_S) -> list[Any]:
    return [item for item in times if abs(item[0] - t) <= span]


def attribute(
    notes: list[tuple[float, float, float | None]],
    probe: tuple[str, list[tuple[float, float]], list[tuple[float, int]], list[str]] | None,
    gcs: list[tuple[float, float, int]],
    peer: list[tuple[float, float]],
    label: str,
) -> None:
    """Print the late notes of one run taken apart, and a count by cause.

    ``notes``: (intended time, arrival, sent or None) per note-on read back; ``peer``: (intended,
    arrival) of the peer's notes in the same run.
    """
    med_total = statistics.median(a - i for i, a, _ in notes)
    sent = [(i, a, s) for i, a, s in notes if s is not None]
    med_send = statistics.median(s - i for i, _, s in sent) if sent else 0.0
    med_peer = statistics.median(a - i for i, a in peer) if peer else 0.0
    stalls = probe[1] if probe else []
    steal = probe[2] if probe else []
    late = [(i, a, s) for i, a, s in notes if abs(a - i - med_total) * 1000 > LATE_MS]
    first, last = min(i for i, _, _ in notes), max(i for i, _, _ in notes)
    gcs = [g for g in gcs if first <= g[0] <= last]  # while the jam played
    big = [(t, d) for t, d in stalls if d > 0.002]
    stolen_then = sum(1 for t, d in big if len({k for _, k in near(steal, t + d / 2, d / 2 + 0.015)}) > 1)
    others = probe[3] if probe else []
    print(
        f"# {label}: real-time threads above the sender's priority seen on the machine: {', '.join(others) or 'none'}"
    )
    print(
        f"# {label}: probe stalls over 2 ms {len(big)}, over 5 ms {sum(d > 0.005 for _, d in big)}; "
        f"of those over 2 ms, {stolen_then} with steal time counted then"
    )
    causes = {"sender": 0, "transport": 0, "no send time": 0, "probe stall then": 0, "steal then": 0, "collection then": 0,
              "peer late then": 0}  # fmt: skip
    print(f"# {label}: {len(late)} of {len(notes)} note-ons over {LATE_MS} ms; probe {probe[0] if probe else 'off'}, "
          f"{len(stalls)} probe stalls over {STALL_S * 1000:.1f} ms (worst {max([s for _, s in stalls], default=0) * 1000:.2f} ms), "
          f"{len(gcs)} collections in the jam process (longest {max([d for _, d, _ in gcs], default=0) * 1000:.2f} ms)")  # fmt: skip
    shown = sorted(late, key=lambda n: -abs(n[1] - n[0] - med_total))[:SHOWN]  # the latest, named
    for i, a, s in late:
        jitter = (a - i - med_total) * 1000
        send = (s - i - med_send) * 1000 if s is not None else float("nan")
        transport = jitter - send if s is not None else float("nan")
        stall = max([d for _, d in near(stalls, i, 0.03)], default=0.0) * 1000
        ticks = [k for _, k in near(steal, i, 0.1)]
        stolen = (max(ticks) - min(ticks)) if ticks else 0
        collected = max(
            [d for _, d, _ in ((t, d, g) for t, d, g in gcs if abs(t - i) <= NEAR_S)], default=0.0
        )
        peer_late = max(
            [abs(pa - pi - med_peer) * 1000 for pi, pa in peer if abs(pi - i) <= 0.3], default=0.0
        )
        causes[
            "sender"
            if s is not None and send > transport
            else "transport"
            if s is not None
            else "no send time"
        ] += 1
        causes["probe stall then"] += stall > 1.0
        causes["steal then"] += stolen > 0
        causes["collection then"] += collected > 0.0005
        causes["peer late then"] += peer_late > LATE_MS
        if (i, a, s) in shown:
            print(f"  late {jitter:6.2f} ms: sender {send:6.2f}, transport {transport:6.2f}; probe stall "
              f"{stall:5.2f} ms, steal {stolen} ticks, collection {collected * 1000:.2f} ms, "
              f"peer within 0.3 s {peer_late:5.2f} ms")  # fmt: skip
    print(f"# {label} late notes by cause: " + ", ".join(f"{k} {v}" for k, v in causes.items()))
