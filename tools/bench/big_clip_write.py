"""A clip of more notes than one datagram holds, written into the in-memory Live: how long a write
in /roo/live/part parts takes beside the largest write that fits one datagram (the peer), in one run.

The daemon's Live client (``bridge.live.LiveClient.write``) against the real Remote Script in the
in-memory Live (its 10 ms timer, on a thread of this process), into one session slot with replace 1;
the note counts interleaved, request by request. Prints a Markdown table (median and max ms per
write, parts per write), then the figures as one JSON line.
Usage: PYTHONPATH=$PWD .venv/bin/python tools/bench/big_clip_write.py [--repeats 15]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import time

from bridge import osc, protocol
from bridge.live.client import ClipWrite, LiveClient
from engines.music import Note
from livesim import LiveHost

COUNTS = (protocol.MAX_NOTES_PER_MESSAGE, 10_000, 30_000)


def notes_of(count: int) -> list[Note]:
    return [Note(36 + i * 7 % 48, i * 0.125, 0.1, 40 + i % 80) for i in range(count)]


def parts_of(count: int) -> int:
    data = osc.encode(protocol.RS_WRITE_CLIP, [1, 0, 0, 4096.0, "bench", 1, protocol.pack_notes(
        [n.as_tuple() for n in notes_of(count)])])  # fmt: skip
    return 1 if len(data) <= protocol.MAX_DATAGRAM_BYTES else -(-len(data) // protocol.PART_BYTES)


async def measure(port: int, repeats: int) -> dict[int, list[float]]:
    client = LiveClient(port=port)
    await client.start()
    clips = {count: notes_of(count) for count in COUNTS}
    times: dict[int, list[float]] = {count: [] for count in COUNTS}
    try:
        for _ in range(repeats):
            for count in COUNTS:
                started = time.perf_counter()
                landed = await client.write(ClipWrite(0, 0, 4096.0, "bench", clips[count], replace=True))
                times[count].append((time.perf_counter() - started) * 1000.0)
                assert landed[2] == count, landed
    finally:
        client.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    live = LiveHost(None, port=0).start_in_thread()
    try:
        times = asyncio.run(measure(live.port, args.repeats))
    finally:
        live.stop()
    print("| notes | parts | median ms | max ms |\n|---|---|---|---|")
    figures = {}
    for count in COUNTS:
        median, worst = statistics.median(times[count]), max(times[count])
        figures[count] = {"parts": parts_of(count), "median_ms": round(median, 2), "max_ms": round(worst, 2)}
        print(f"| {count:,} | {parts_of(count)} | {median:.2f} | {worst:.2f} |")
    print(json.dumps({"repeats": args.repeats, "load_1min": os.getloadavg()[0], "writes": figures}))


if __name__ == "__main__":
    main()
