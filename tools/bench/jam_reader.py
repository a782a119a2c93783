"""A second process that reads the jam's ports through JACK MIDI and prints what arrived.

``python -m tools.bench.jam_reader SECONDS PART...`` connects to ``MuseAroo <part>`` for every
part (waiting up to 10 s for the ports), prints ``ready`` once connected, records every message
with its arrival time (time.monotonic, the clock Link also uses on Linux) and, after SECONDS or
when stdin closes, prints one JSON line: [[time, part, [bytes...]], ...].
"""

from __future__ import annotations

import json
import sys
import threading
import time
from typing import Any

import rtmidi


def connect(parts: list[str], timeout: float = 10.0) -> dict[str, Any]:
    ins: dict[str, Any] = {}
    deadline = time.monotonic() + timeout
    while len(ins) < len(parts):
        for part in parts:
            if part in ins:
                continue
            probe = rtmidi.MidiIn(rtapi=rtmidi.API_UNIX_JACK, name=f"roo-reader-{part}")
            names = probe.get_ports()
            match = [i for i, n in enumerate(names) if n.endswith(f"MuseAroo {part}")]
            if match:
                probe.open_port(match[0], f"in-{part}")
                ins[part] = probe
            else:
                probe.delete()
        if time.monotonic() > deadline:
            raise SystemExit(f"jam ports not found: {sorted(set(parts) - set(ins))}")
        time.sleep(0.05)
    return ins


def main(argv: list[str]) -> int:
    seconds, parts = float(argv[0]), argv[1:]
    events: list[tuple[float, str, list[int]]] = []
    lock = threading.Lock()
    ins = connect(parts)
    for part, port in ins.items():
        port.ignore_types(sysex=True, timing=True, active_sense=True)

        def on_message(event: tuple[list[int], float], _data: object = None, part: str = part) -> None:
            now = time.monotonic()
            with lock:
                events.append((now, part, list(event[0])))

        port.set_callback(on_message)
    print("ready", flush=True)
    done = threading.Event()
    threading.Thread(target=lambda: (sys.stdin.read(), done.set()), daemon=True).start()
    done.wait(seconds)
    time.sleep(0.1)
    for port in ins.values():
        port.cancel_callback()
        port.close_port()
    with lock:
        print(json.dumps(events), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
