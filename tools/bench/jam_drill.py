"""Jam drill (issue 31): N jams on a JACK dummy server with a 64-frame period, two readers each.

    python -m tools.bench.jam_drill [--runs 15] [--bars 8] [--tempo 120] [--parts drums,bass]
                                    [--variants sync,sync-t1000,async,async-old] [--layout per-part]

Variants, side by side (alternating run by run, each run on a fresh ``jackd -R -P 20 -d dummy -r
48000 -p 64`` under its own name): ``sync`` is the server run synchronously (``-S``, what ``roo
jam`` asks for) and the jam's ports closed once JACK has run the cycles that deliver the last
messages; ``sync-t1000`` the same with a client timeout of 1 s (``-t 1000``: the server waits up
to 10 s for a late client, not 20 periods); ``async`` the same jam on JACK's default asynchronous
server; ``async-old`` the jam as before issue 31's fix (ports closed at once) on the default server. Each run: the jam's sender
process opens the parts' ports (``--layout``: ``per-part``, a python-rtmidi client per part, what
``roo jam`` uses; ``one-client``), two readers (``tools.bench.jam_reader``, separate processes)
connect to every port, then the jam plays ``--bars`` bars. Every MIDI message the sender sent is
looked for in each reader's log (per part); a message missing is a message lost. jackd's own log
lines saying a client "was not finished" in its cycle are counted per run. The summary line per
variant: runs, messages sent, lost (per part, both readers), and runs with any loss.
"""

from __future__ import annotations

import argparse
import collections
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bridge.jam import FreeClock, Jam
from bridge.jam.sender import LAYOUTS, ProcessOutputs
from engines.jam import JamControls
from engines.music import parse_key
from tests.bridge.jam.conftest import Reader, stop_jackd

# variant: (server flags, ports closed once JACK ran the cycles that deliver the last messages)
VARIANTS = {
    "sync": (["-S"], True),
    "sync-t1000": (["-S", "-t", "1000"], True),
    "async": ([], True),
    "async-old": ([], False),
}


def start_jackd(name: str, log: Path, server_flags: list[str]) -> tuple[subprocess.Popen[bytes], str]:
    """``jackd -d dummy -p 64`` (real-time where permitted), its output in ``log``."""
    for flags, mode in ((["-R", "-P", "20"], "real-time"), (["--no-realtime"], "not real-time")):
        with log.open("ab") as out:
            server = subprocess.Popen(
                ["jackd", "-n", name, *server_flags, *flags, "-d", "dummy", "-r", "48000", "-p", "64"],
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        up = subprocess.run(["jack_wait", "-w", "-t", "10"], capture_output=True, timeout=15).returncode == 0
        if up and server.poll() is None:
            return server, mode
        stop_jackd(server, name)
    raise SystemExit("jackd did not start (real-time or not)")


def lost_messages(
    sent: list[tuple[str, list[int]]], heard: list[tuple[str, list[int]]], where: list[str] | None = None
) -> dict[str, int]:
    """Per part: messages sent that the reader did not get (each heard message matched once);
    ``where`` gets "index/count part bytes" of each."""
    left = collections.Counter((part, tuple(message)) for part, message in heard)
    lost: dict[str, int] = collections.defaultdict(int)
    for index, (part, message) in enumerate(sent):
        key = (part, tuple(message))
        if left[key] > 0:
            left[key] -= 1
        else:
            lost[part] += 1
            if where is not None:
                where.append(f"{index}/{len(sent)} {part} {message}")
    return dict(lost)


def one_run(
    parts: tuple[str, ...], layout: str, drain: bool, bars: int, tempo: float, seed: int
) -> dict[str, object]:
    outputs = ProcessOutputs(parts, "jack", log=True, layout=layout, drain=drain)
    readers = []
    try:
        readers = [Reader(list(parts), seconds=600.0) for _ in range(2)]
        controls = JamControls(genre="rock", key=parse_key("E minor"), parts=parts)
        jam = Jam(FreeClock(tempo), outputs, controls, bars=bars, seed=seed)
        jam.start()
        if not jam.wait(bars * 4 * 60.0 / tempo + 30):
            jam.stop()
    finally:
        outputs.close()
    try:
        heard = [reader.events() for reader in readers]
    finally:
        for reader in readers:  # a failed run leaves no reader behind
            if reader.proc.poll() is None:
                reader.proc.kill()
                reader.proc.wait(10)
    sent = [(part, message) for _, part, message in outputs.sent]
    notes = [(p, m) for p, m in sent if m[0] & 0xF0 in (0x80, 0x90)]
    where: list[str] = []
    lost = [lost_messages(sent, [(p, m) for _, p, m in events], where) for events in heard]
    return {"sent": len(sent), "notes": len(notes), "lost": lost, "where": where}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--bars", type=int, default=8)
    parser.add_argument("--tempo", type=float, default=120.0)
    parser.add_argument("--parts", default="drums,bass")
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--layout", default="per-part", choices=LAYOUTS)
    args = parser.parse_args()
    parts = tuple(args.parts.split(","))
    variants = args.variants.split(",")
    unknown = sorted(set(variants) - set(VARIANTS))
    if unknown:
        parser.error(f"unknown variant(s) {unknown}: expected some of {', '.join(VARIANTS)}")
    name = f"roo-jam-drill-{os.getpid()}"
    os.environ["JACK_DEFAULT_SERVER"] = name
    os.environ["JACK_NO_AUDIO_RESERVATION"] = "1"
    log = Path(tempfile.mkdtemp(prefix="roo-jam-drill-")) / "jackd.log"
    print(
        f"# {platform.machine()} {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; jackd dummy 48 kHz / "
        f"64 frames, started per run; {args.runs} runs x {args.bars} bars at {args.tempo:g} BPM, parts "
        f"{args.parts}, layout {args.layout}, two readers",
        flush=True,
    )
    restarts = 0
    totals = {
        variant: {"runs": 0, "sent": 0, "notes": 0, "lost": 0, "bad_runs": 0, "late": 0}
        for variant in variants
    }
    for run in range(1, args.runs + 1):
        for variant in variants:
            flags, drain = VARIANTS[variant]
            server, mode = start_jackd(name, log, flags)
            try:
                before = log.read_text(errors="replace").count("not finished")
                started = time.monotonic()
                for attempt in range(4):
                    try:
                        result = one_run(parts, args.layout, drain, args.bars, args.tempo, seed=run)
                        break
                    except Exception as exc:  # jackd stopped under the run (on shared machines, by others)
                        if attempt == 3:
                            raise
                        why = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
                        print(f"run {run:2d} {variant:9s} failed ({why}); jackd started again, run repeated")
                        stop_jackd(server, name)
                        server, mode = start_jackd(name, log, flags)
                        restarts += 1
                        before = log.read_text(errors="replace").count("not finished")
            finally:
                stop_jackd(server, name)
            late = log.read_text(errors="replace").count("not finished") - before
            lost = result["lost"]
            assert isinstance(lost, list)
            lost_total = sum(sum(per.values()) for per in lost)
            total = totals[variant]
            total["runs"] += 1
            total["sent"] += int(str(result["sent"]))
            total["notes"] += int(str(result["notes"]))
            total["lost"] += lost_total
            total["bad_runs"] += bool(lost_total)
            total["late"] += late
            print(
                f"run {run:2d} {variant:9s} ({mode}) sent {result['sent']} (notes {result['notes']}) "
                f"lost reader1 {lost[0] or 0} reader2 {lost[1] or 0}; jackd 'not finished' {late}; "
                f"load {os.getloadavg()[0]:.1f}; {time.monotonic() - started:.1f} s"
                + (f" (lost: {'; '.join(result['where'])})" if lost_total else ""),  # type: ignore[arg-type]
                flush=True,
            )
    if restarts:
        print(f"jackd started again {restarts} time(s) (runs repeated, not counted twice)", flush=True)
    for variant, total in totals.items():
        print(
            f"{variant}: {total['runs']} runs, {total['sent']} messages sent ({total['notes']} notes) to 2 "
            f"readers, lost {total['lost']}, runs with a loss {total['bad_runs']}, jackd 'not finished' "
            f"{total['late']}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
