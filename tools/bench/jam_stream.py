"""Where JACK loses MIDI (issue 31): a numbered stream to two readers, each loss set beside jackd's log.

    python -m tools.bench.jam_stream [--seconds 20] [--gap-ms 2] [--modes async,sync]

For each mode a ``jackd -R -P 20 -d dummy -r 48000 -p 64`` of its own (``sync`` adds ``-S``) whose
log lines are stamped with time.monotonic as they come; a python-rtmidi JACK output (in this
process, at the jam sender's priority: ``bridge.jam.sender.realtime_process``) sends a note-on
numbered in its data bytes every ``--gap-ms``; two reader processes (ordinary priority) (a python-rtmidi JACK input
each, polled) keep every number. Per reader: the numbers lost, duplicated, and how many of the
lost fell within 5 ms of a jackd line naming that reader's client "not finished" (and how often a
random number does: the chance level).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import threading
import time

READER = """
import json, sys, time, rtmidi
port = rtmidi.MidiIn(rtapi=rtmidi.API_UNIX_JACK, name=sys.argv[1], queue_size_limit=65536)
port.open_virtual_port("in")
print("ready", flush=True)
got = []
stop = []
import threading
threading.Thread(target=lambda: (sys.stdin.readline(), stop.append(1)), daemon=True).start()
while not stop:
    while (item := port.get_message()) is not None:
        got.append(item[0][1] * 128 + item[0][2])
    time.sleep(0.001)
end = time.monotonic() + 0.5
while time.monotonic() < end:
    while (item := port.get_message()) is not None:
        got.append(item[0][1] * 128 + item[0][2])
    time.sleep(0.001)
port.close_port()
port.delete()
print(json.dumps(got), flush=True)
"""


def run_mode(mode: str, seconds: float, gap_s: float) -> None:
    import rtmidi

    from bridge.jam.sender import realtime_process

    name = f"roo-jam-stream-{os.getpid()}-{mode}"
    env = {**os.environ, "JACK_DEFAULT_SERVER": name, "JACK_NO_AUDIO_RESERVATION": "1"}
    os.environ.update(env)
    flags = ["-S"] if mode == "sync" else []
    server = subprocess.Popen(
        ["jackd", "-n", name, *flags, "-R", "-P", "20", "-d", "dummy", "-r", "48000", "-p", "64"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    late: list[tuple[float, str]] = []

    def stamp() -> None:
        assert server.stdout is not None
        for line in server.stdout:
            if "not finished" in line:
                late.append((time.monotonic(), line.split("client = ")[-1].split()[0]))

    threading.Thread(target=stamp, daemon=True).start()
    readers = []
    try:
        subprocess.run(["jack_wait", "-w", "-t", "10"], capture_output=True, timeout=15, env=env, check=True)
        readers = [
            subprocess.Popen(
                [sys.executable, "-c", READER, f"roo-stream-reader{i}"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                env=env,
            )
            for i in (1, 2)
        ]
        for reader in readers:
            assert reader.stdout is not None and reader.stdout.readline().strip() == "ready"
        priority = realtime_process()  # after the readers started: they run at ordinary priority
        out = rtmidi.MidiOut(rtapi=rtmidi.API_UNIX_JACK, name="roo-stream-writer")
        out.open_virtual_port("out")
        for i in (1, 2):
            subprocess.run(
                ["jack_connect", "roo-stream-writer:out", f"roo-stream-reader{i}:in"], check=True, env=env
            )
        time.sleep(0.5)
        count = int(seconds / gap_s)
        start = time.monotonic() + 0.1
        for number in range(count):
            while (wait := start + number * gap_s - time.monotonic()) > 0:
                time.sleep(wait)
            out.send_message([0x90, number // 128 % 128, number % 128])
        time.sleep(0.1)
        out.close_port()
        out.delete()
        heard = [json.loads(r.communicate("stop\n", timeout=30)[0].strip().splitlines()[-1]) for r in readers]
    finally:
        for reader in readers:
            if reader.poll() is None:
                reader.kill()
        server.terminate()
        server.wait(10)
    sent_at = [start + n * gap_s for n in range(count)]

    def near(client: str, at: float) -> bool:
        return any(-0.001 < when - at < 0.005 and who == client for when, who in late)

    print(f"{mode} (writer {priority}): {count} sent, jackd 'not finished' {len(late)} "
          f"({', '.join(f'{who} {sum(w == who for _, w in late)}' for who in sorted({w for _, w in late}))})")  # fmt: skip
    for i, numbers in enumerate(heard, 1):
        client = f"roo-stream-reader{i}"
        lost = sorted(set(range(count)) - set(numbers))
        matched = sum(near(client, sent_at[n]) for n in lost)
        chance = sum(near(client, sent_at[random.randrange(count)]) for _ in range(2000)) / 2000
        print(
            f"  reader{i}: lost {len(lost)}, duplicated {len(numbers) - len(set(numbers))}; lost within 5 ms "
            f"of a 'not finished' of this reader: {matched}/{len(lost)} (a random message: {chance:.0%})"
            + (f"; lost numbers {lost[:30]}" if lost else ""),
            flush=True,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--gap-ms", type=float, default=2.0)
    parser.add_argument("--modes", default="async,sync")
    args = parser.parse_args()
    print(f"# load {os.getloadavg()[0]:.1f}; {args.seconds:g} s per mode, a message every {args.gap_ms:g} ms")
    for mode in args.modes.split(","):
        run_mode(mode, args.seconds, args.gap_ms / 1000)
    return 0


if __name__ == "__main__":
    sys.exit(main())
