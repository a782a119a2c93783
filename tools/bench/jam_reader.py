"""A second process that reads the jam's ports through JACK MIDI and prints what arrived.

``python -m tools.bench.jam_reader SECONDS PART...`` connects to ``MuseAroo <part>`` for every
part (waiting up to 10 s for the ports), prints ``ready`` once connected, records every message
with its arrival time (time.monotonic) and, after SECONDS or
when stdin closes (then reading on for DRAIN_S), prints one JSON line: [[time, part, [bytes...]], ...].
"""

from __future__ import annotations

import json
import sys
import threading
import time
from typing import Any

import rtmidi

# The last messages (the note-offs of a stop) may still be in JACK's queue when stdin closes;
# stopping at once lost them on a loaded machine and read as a stuck note.
DRAIN_S = 0.5
# A JACK connection takes effect at a later cycle: on a loaded machine without real-time JACK,
# "ready" said at once lost the first notes of a jam starting a bar (50 ms at 300 BPM) later.
SETTLE_S = 0.5


# A jam's ports appear once its sender process has started and registered them: on two cores shared
# with three other test workers that took more than 10 s once (a fresh-clone CI run), and more than
# 30 s once, in a CI run where two daemons' closes in other tests took over 30 s at the same time.
PORTS_WAIT_S = 60.0


def connect(parts: list[str], timeout: float = PORTS_WAIT_S) -> dict[str, Any]:
    """One JACK MIDI input per part, each connected to ``MuseAroo <part>`` once that port appears.

    Each part's client is opened once and asks for the port list again until its port is there: a
    client opened and closed every poll made the server register, announce and drop four clients
    twenty times a second while the jam's sender process was registering its own ports."""
    probes = {part: rtmidi.MidiIn(rtapi=rtmidi.API_UNIX_JACK, name=f"roo-reader-{part}") for part in parts}
    ins: dict[str, Any] = {}
    deadline = time.monotonic() + timeout
    while len(ins) < len(parts):
        for part in [p for p in parts if p not in ins]:
            names = probes[part].get_ports()
            match = [i for i, n in enumerate(names) if n.endswith(f"MuseAroo {part}")]
            if match:
                probes[part].open_port(match[0], f"in-{part}")
                ins[part] = probes[part]
        if len(ins) == len(parts):
            break
        if time.monotonic() > deadline:
            for probe in probes.values():  # closed, not left to the process exit (see main)
                probe.close_port()
                probe.delete()
            raise SystemExit(f"jam ports not found: {sorted(set(parts) - set(ins))}")
        time.sleep(0.05)
    return ins


def main(argv: list[str]) -> int:
    seconds, parts = float(argv[0]), argv[1:]
    ins = connect(parts)
    time.sleep(SETTLE_S)
    for port in ins.values():
        port.ignore_types(sysex=True, timing=True, active_sense=True)
    print("ready", flush=True)
    done = threading.Event()

    def wait_for_eof() -> None:
        sys.stdin.read()
        done.set()

    threading.Thread(target=wait_for_eof, daemon=True).start()
    # Polled, not a callback: python-rtmidi's JACK input callback repeated the first of several
    # messages arriving in one period. Arrival times are JACK's own (the queue's deltas), anchored
    # to time.monotonic at the earliest moment every poll allows.
    got: dict[str, list[tuple[float, float, list[int]]]] = {part: [] for part in parts}
    elapsed = dict.fromkeys(parts, 0.0)
    end = time.monotonic() + seconds
    drain_until = float("inf")  # once told to stop: read on for DRAIN_S, for what is still on its way
    while time.monotonic() < min(end, drain_until):
        if done.is_set() and drain_until == float("inf"):
            drain_until = time.monotonic() + DRAIN_S
        for part, port in ins.items():
            while (item := port.get_message()) is not None:
                message, delta = item
                elapsed[part] += delta
                got[part].append((time.monotonic(), elapsed[part], list(message)))
        time.sleep(0.0005)
    events: list[tuple[float, str, list[int]]] = []
    for part, items in got.items():
        if items:
            anchor = min(polled - since for polled, since, _ in items)
            events += [(anchor + since, part, message) for _, since, message in items]
    for port in ins.values():  # closed here: a client left to the process exit stalls a jackd -S
        port.close_port()
        port.delete()
    events.sort(key=lambda e: e[0])
    print(json.dumps(events), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
