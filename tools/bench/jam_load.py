"""The jam benchmark's instruments: the deviation statistics, CPU time per thread and process, the
load it runs beside (a burning process, real separations), and its own jackd and network namespace.
"""

from __future__ import annotations

import bisect
import multiprocessing
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from tests.bridge.jam.conftest import stop_jackd

ROOT = Path(__file__).resolve().parents[2]


def stats(deviations_s: list[float]) -> str:
    median = statistics.median(deviations_s)
    jitter = sorted(abs(d - median) * 1000 for d in deviations_s)
    p99 = jitter[min(len(jitter) - 1, round(0.99 * (len(jitter) - 1)))]
    return (
        f"n={len(jitter):5d} offset {median * 1000:6.2f} ms  jitter p50 {statistics.median(jitter):5.2f}"
        f"  p99 {p99:5.2f}  max {jitter[-1]:6.2f} ms"
    )


def nearest(arrival: float, times: list[float]) -> float:
    """Arrival minus the nearest scheduled time (sorted ``times``)."""
    i = bisect.bisect_left(times, arrival)
    near = [times[j] for j in (i - 1, i) if 0 <= j < len(times)]
    return min((arrival - t for t in near), key=abs)


def thread_cpu_s(native_ids: list[int | None]) -> float:
    """User + system CPU seconds of these threads of this process (Linux /proc)."""
    total = 0
    for tid in native_ids:
        try:
            fields = Path(f"/proc/self/task/{tid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def burn(stop: multiprocessing.synchronize.Event) -> None:  # type: ignore[name-defined]
    x = 1.0001
    while not stop.is_set():
        for _ in range(100_000):
            x = x * 1.0000001 % 7.0


def process_cpu_s(pid: int) -> float:
    """User + system CPU seconds of a process (Linux /proc); 0 when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def separations(folder: Path, stop: threading.Event, done: list[float], cpu: list[float]) -> None:
    """Stem separations one after another (``roo separate``, htdemucs architecture with random
    weights, 15 s of audio, CPU) until ``stop``; the wall time of each finished one in ``done``,
    the CPU seconds each used (the last one up to ``stop``) in ``cpu``."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT)}
    made = (
        "import sys, numpy as np, soundfile as sf; from engines.separation.random_model import save_random_model; "
        "save_random_model(sys.argv[1] + '/model', 'bench', layout='htdemucs', seed=0); "
        "t = np.arange(15 * 44100) / 44100; "
        "sf.write(sys.argv[1] + '/mix.wav', np.stack([0.3 * np.sin(2 * np.pi * 220 * t)] * 2, 1), 44100)"
    )
    subprocess.run([sys.executable, "-c", made, str(folder)], check=True, env=env, capture_output=True)
    roo = [str(Path(sys.executable).parent / "roo"), "separate", str(folder / "mix.wav"), "--out"]
    while not stop.is_set():
        started = time.monotonic()
        proc = subprocess.Popen([*roo, str(folder / "out"), "--model", str(folder / "model"), "--device", "cpu"],
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        used = 0.0
        while proc.poll() is None:
            used = max(used, process_cpu_s(proc.pid))
            if stop.wait(0.2):
                used = max(used, process_cpu_s(proc.pid))
                proc.terminate()
                proc.wait(10)
                cpu.append(used)
                return
        cpu.append(used)
        if proc.returncode == 0:
            done.append(time.monotonic() - started)


def start_jackd(server: str) -> tuple[subprocess.Popen[bytes], str]:
    """A dummy JACK server, real-time (priority 20) where permitted, else without real-time."""
    for mode, flags in (("real-time", ["-R", "-P", "20"]), ("no-realtime", ["--no-realtime"])):
        jackd = subprocess.Popen(["jackd", "-n", server, *flags, "-d", "dummy", "-r", "48000", "-p", "64"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        up = subprocess.run(["jack_wait", "-w", "-t", "10"], capture_output=True).returncode == 0
        if up and jackd.poll() is None:
            return jackd, mode
        stop_jackd(jackd, server)
    raise SystemExit("jackd did not start (real-time or not)")


NETNS = "ROO_JAM_BENCH_NETNS"


def own_network() -> str:
    """Run on in a network namespace of our own (loopback only) where permitted, and say which.

    Link finds its peers by multicast on every interface: another Link session on this machine
    (someone's tests) joined the bench's session and moved its tempo, which ruins the figures.
    """
    if os.environ.get(NETNS) == "1":
        return "own network namespace (no other Link session can join)"
    if shutil.which("unshare") and shutil.which("ip"):
        inner = 'ip link set lo up && ip link set lo multicast on && exec "$@"'
        command = ["unshare", "-n", "sh", "-c", inner, "sh", sys.executable, *sys.argv]
        probe = subprocess.run(["unshare", "-n", "true"], capture_output=True)
        if probe.returncode == 0:
            sys.stdout.flush()
            os.execvpe("unshare", command, {**os.environ, NETNS: "1"})
    return "shared network (unshare not permitted): another Link session on this machine may join"
