"""Jam timing: note-on arrival at a second process against the Ableton Link beat grid.

One run per tempo (default 120 and 174 BPM), side by side in the same run and the same JACK
server (``jackd -R -P 20 -d dummy -r 48000 -p 64``, its own server name; real-time where the
system permits, so JACK's threads and the reader's JACK thread are not the ones measured, else
``--no-realtime`` as before, which the header line says):
- the jam: 4 parts (drums, bass, chords, melody), phrases prepared ahead, locked to Link;
- the peer: a plain loop in its own process that sends a fixed pattern (eighth notes) on its own port with
  ``time.sleep`` scheduling from the same Link session.
A reader process (tools/bench/jam_reader.py) records arrival times. Deviation = arrival minus
the note's beat on the Link grid (a second Link peer's timeline); reported as the median offset
(constant latency) and jitter = |deviation - median| p50 / p99 / max in ms. Also: the lowest
lead of prepared notes (in phrases) and the jam process's CPU use, then one more jam with a
CPU-burning process per core beside it (lead under load).
With ``--separation-seconds``, one more 120 BPM jam with stem separations (``roo separate``,
the htdemucs architecture with random weights, on the CPU) running one after another beside it.
``--sender process`` (the default, what ``roo jam`` uses) puts the jam's ports in a real-time
sender process of their own (bridge.jam.sender); ``--sender thread`` keeps them in a thread of the
bench, as before. ``--probe`` takes each late note apart (tools/bench/jam_probe.py).
Usage: .venv/bin/python tools/bench/jam.py [--seconds 60] [--tempos 120,174] [--load-seconds 30]
[--separation-seconds 30] [--sender process|thread] [--probe]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # tests.* as a package, as documented

from bridge.jam import Jam, LinkClock, Outputs, Recorder
from bridge.jam.sender import ProcessOutputs
from engines.generators import PARTS
from engines.jam import JamControls
from tests.bridge.jam.conftest import Reader, note_ons, stop_jackd
from tools.bench.jam_load import burn, nearest, own_network, separations, start_jackd, stats, thread_cpu_s
from tools.bench.jam_probe import GcLog, attribute, stall_probe

QUANTUM = 4.0
ROOT = Path(__file__).resolve().parents[2]


def grid(clock: LinkClock) -> Callable[[float], float]:
    """Monotonic time of a session beat, at the session's current tempo."""
    t0, b0, tempo = clock.sample()
    return lambda beat: t0 + (beat - b0) * 60.0 / tempo


def sleep_loop(
    grid_at: tuple[float, float, float],
    seconds: float,
    sent: multiprocessing.queues.Queue,  # type: ignore[name-defined]
    done: multiprocessing.synchronize.Event,  # type: ignore[name-defined]
) -> None:
    """The peer, in its own process: eighth notes on 'MuseAroo loop', each after a plain time.sleep.

    ``grid_at`` is (monotonic s, beat, tempo) of the Link grid (time.monotonic is one clock for
    every process here). Its own process, so neither sender holds the GIL the other waits for.
    Its port is closed only once the jam has stopped (``done``): closing a JACK client holds the
    GIL for a server round trip.
    """
    import rtmidi

    t0, b0, tempo = grid_at
    out = rtmidi.MidiOut(rtapi=rtmidi.API_UNIX_JACK, name="MuseAroo-loop")
    out.open_virtual_port("MuseAroo loop")
    time.sleep(1.0)  # the reader connects
    now_beat = b0 + (time.monotonic() - t0) * tempo / 60.0
    beat, end, beats = (now_beat // QUANTUM + 1) * QUANTUM, time.monotonic() + seconds, []
    while time.monotonic() < end:
        time.sleep(max(0.0, t0 + (beat - b0) * 60.0 / tempo - time.monotonic()))
        out.send_message([0x90, 60, 100])
        out.send_message([0x80, 60, 0])
        beats.append(beat)
        beat += 0.5
    sent.put(beats)
    done.wait(60.0)
    out.close_port()


def run(
    tempo: float,
    seconds: float,
    peer: LinkClock,
    with_loop: bool,
    probe: bool = False,
    sender: str = "process",
) -> None:
    peer.set_tempo(tempo)
    outputs = ProcessOutputs(PARTS, "jack", log=probe) if sender == "process" else Outputs(PARTS, "jack")
    clock = LinkClock(tempo, quantum=QUANTUM)
    deadline = time.monotonic() + 10
    while (clock.peers < 1 or abs(clock.sample()[2] - tempo) > 1e-3) and time.monotonic() < deadline:
        time.sleep(0.01)
    reader = Reader([*PARTS, "loop"] if with_loop else list(PARTS), seconds=seconds + 30, wait=False)
    loop_sent: list[float] = []
    spawn = multiprocessing.get_context("spawn")
    looper, jam_done, sent = None, spawn.Event(), spawn.Queue()
    if with_loop:
        args = (peer.sample(), seconds, sent, jam_done)  # beats on the peer's own count
        looper = spawn.Process(target=sleep_loop, args=args)
        looper.start()
    reader.wait_ready()
    probe_out = spawn.Queue()
    prober = spawn.Process(target=stall_probe, args=(seconds + 2.0, probe_out)) if probe else None
    if prober is not None:
        prober.start()
    gcs = GcLog().__enter__() if probe else None
    jam = Jam(clock, outputs, JamControls(genre="electronic"))
    recorder = Recorder(PARTS)
    jam.hooks.append(recorder)
    origin = jam.start()
    assert jam.player is not None
    if sender == "thread":  # the sender process keeps its own log (ProcessOutputs.sent)
        jam.player.sends = []  # before the first note: the jam starts a bar line at least 1/4 beat on
    threads = [jam.player._thread.native_id, jam._worker.native_id, clock._thread.native_id]
    cpu0, wall0 = thread_cpu_s(threads), time.monotonic()
    leads: list[float] = []
    peers = 0  # Link peers seen: 1 is the bench's own; more is someone else's session joining ours
    while time.monotonic() - wall0 < seconds:
        time.sleep(0.05)
        if jam.player.beat() > 0:
            leads.append(jam.lead_beats() / jam.phrase_beats)
            peers = max(peers, clock.peers)
    cpu = (thread_cpu_s(threads) - cpu0) / (time.monotonic() - wall0)
    # Link peers agree on the phase within the quantum, not on the beat count: the peer's beat
    # for our beat 0 is found once, from two samples taken together.
    ours, theirs = clock.sample()[1], peer.sample()[1]
    shift = round((theirs - ours) / QUANTUM) * QUANTUM
    jam.stop()
    if looper is not None:
        loop_sent = sent.get(timeout=30)
        jam_done.set()
        looper.join()
    beat_time = grid(peer)
    events = reader.events()
    outputs.close()
    clock.close()
    deviations: list[float] = []
    taken: list[tuple[float, float, float | None]] = []  # intended, arrival, sent
    sent_at = {(part, pitch, round(beat, 4)): t for beat, part, pitch, t in jam.player.sends or []}
    late_by: dict[tuple[str, int], list[tuple[float, float]]] = {}  # the sender process: due, lateness
    if isinstance(outputs, ProcessOutputs):
        for (at, part, message), due in zip(outputs.sent, outputs.due, strict=True):
            if message[0] & 0xF0 == 0x90 and message[2] > 0:
                late_by.setdefault((part, message[1]), []).append((due, at - due))
    for part in PARTS:
        by_pitch: dict[int, list[tuple[float, float]]] = {}
        for i, ph in recorder.phrases.items():
            for n in ph.get(part, []):
                beat = i * jam.phrase_beats + n.start_beats
                by_pitch.setdefault(n.pitch, []).append((beat_time(origin + shift + beat), beat))
        for t, _, msg in note_ons(events, part):
            grid_of = sorted(by_pitch.get(msg[1], [(float("inf"), 0.0)]))
            dev = nearest(t, [g for g, _ in grid_of])
            deviations.append(dev)
            at, beat = min(grid_of, key=lambda gb: abs(t - gb[0]))
            s = sent_at.get((part, msg[1], round(beat, 4)))
            if sender == "process":  # its own lateness against the time it was given, on the grid
                given = min(late_by.get((part, msg[1]), [(float("inf"), 0.0)]), key=lambda d: abs(d[0] - at))
                s = at + given[1] if abs(given[0] - at) < 0.005 else None
            taken.append((at, t, s))
    print(f"{tempo:5.0f} BPM jam  (4 parts)    {stats(deviations)}")
    peer_notes: list[tuple[float, float]] = []
    if with_loop:
        loop_times = sorted(beat_time(b) for b in loop_sent)
        loop_dev = [nearest(t, loop_times) for t, _, _ in note_ons(events, "loop")]
        peer_notes = [(t - d, t) for (t, _, _), d in zip(note_ons(events, "loop"), loop_dev, strict=True)]
        print(f"{tempo:5.0f} BPM sleep loop peer  {stats(loop_dev)}")
    if prober is not None and gcs is not None:
        gcs.__exit__()
        found = probe_out.get(timeout=30)
        prober.join()
        attribute(taken, found, gcs.runs, peer_notes, f"{tempo:.0f} BPM")
    print(f"{tempo:5.0f} BPM lead: lowest {min(leads):.2f} phrases, median {statistics.median(leads):.2f}; "
          f"jam threads (player, preparer, Link) CPU {cpu * 100:.1f} % of one core; late control changes {jam.late_changes}; "
          f"sender {sender} priority {getattr(outputs, 'priority', jam.player.priority)}; Link peers seen {peers}"
          f"{' (another Link session joined: figures not valid)' if peers > 1 else ''}; load {os.getloadavg()[0]:.2f}")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--tempos", default="120,174")
    parser.add_argument("--sender", choices=("process", "thread"), default="process",
                        help="the jam's ports in a sender process (what roo jam uses) or in a thread of the bench")  # fmt: skip
    parser.add_argument("--probe", action="store_true",
                        help="take each late note apart: sender or transport, and what else was late then")  # fmt: skip
    parser.add_argument("--load-seconds", type=float, default=30.0)
    parser.add_argument("--separation-seconds", type=float, default=0.0,
                        help="one more 120 BPM jam this long with stem separations running beside it")  # fmt: skip
    args = parser.parse_args()
    network = own_network()
    server = f"roo-jam-bench-{os.getpid()}"
    os.environ.update(JACK_DEFAULT_SERVER=server, JACK_NO_AUDIO_RESERVATION="1")
    jackd, jack_mode = start_jackd(server)
    peer = LinkClock(120.0, quantum=QUANTUM)
    print(f"# {platform.node()} {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"load {os.getloadavg()[0]:.1f}; jackd {jack_mode} dummy 48 kHz / 64 frames; {args.seconds:.0f} s per tempo; "
          f"sender {args.sender}; {network}")  # fmt: skip
    try:
        for tempo in (float(t) for t in args.tempos.split(",")):
            run(tempo, args.seconds, peer, with_loop=True, probe=args.probe, sender=args.sender)
        if args.load_seconds > 0:
            stop = multiprocessing.Event()
            burners = [multiprocessing.Process(target=burn, args=(stop,)) for _ in range(os.cpu_count() or 1)]
            for b in burners:
                b.start()
            print(f"# with {len(burners)} CPU-burning processes beside it, {args.load_seconds:.0f} s:")
            try:
                run(120.0, args.load_seconds, peer, with_loop=False, sender=args.sender)
            finally:
                stop.set()
                for b in burners:
                    b.join()
        if args.separation_seconds > 0:
            halt, finished, cpu_s = threading.Event(), list[float](), list[float]()
            with tempfile.TemporaryDirectory() as folder:
                separator = threading.Thread(target=separations, args=(Path(folder), halt, finished, cpu_s))
                separator.start()
                began = time.monotonic()
                time.sleep(5.0)  # the model is written and the first separation is under way
                print(f"# with stem separations (htdemucs, random weights, CPU, 15 s of audio) running"
                      f" beside it, {args.separation_seconds:.0f} s:")  # fmt: skip
                try:
                    run(120.0, args.separation_seconds, peer, with_loop=False, sender=args.sender)
                finally:
                    halt.set()
                    separator.join()
                    beside_s = time.monotonic() - began
            print(f"# separations finished meanwhile: {len(finished)}"
                  + (f", {statistics.median(finished):.1f} s each (median)" if finished else "")
                  + f"; separation CPU {sum(cpu_s):.1f} s in the {beside_s:.0f} s it ran")  # fmt: skip
    finally:
        peer.close()
        stop_jackd(jackd, server)
    return 0


if __name__ == "__main__":
    sys.exit(main())
