"""Benchmark: the worker queue (Celery, Redis) against the in-process worker, and 1 vs 2 workers.

One run starts a private redis-server (no persistence) on a free port and real ``roo worker``
processes, then measures, with the same random-weight demucs model (``--layout``: ``tiny``, or
``htdemucs`` for the published architecture) and the same audio:

- one separation of a ``--seconds`` clip through the in-process worker (the daemon's default)
  and through the queue, each warm (model loaded), ``--repeat`` times, side by side; and, because
  a loaded machine's noise swamps that difference, each queue run's own split (the worker's
  ``timing``: landing inputs, the run, sending files; here: submit, landing): ``queue_fixed_s`` is
  its total less the run itself, what the queue adds to a job; and the CPU seconds each worker
  process spent per job (``/proc/PID/stat``), which load on the machine stretches far less than
  wall time: equal figures mean the separation itself costs the same in both processes;
- ``--jobs`` separations submitted at once to the queue with 1 worker, then with 2 workers, each
  worker pinned to its own core (``os.sched_setaffinity``) with one torch thread, the 1-worker
  baseline likewise (``--batch-layout``/``--batch-seconds``: a heavier job for this part, so the
  model's compute, not the fixed costs, is what two workers share out); the CPU seconds of each
  process in each batch (the workers, the daemon, redis-server); and the peer, side by side: the
  same separations in one plain process, then shared by two pinned the same way, no queue and no
  daemon at all (``peer_no_queue``): what this machine's two cores give two separations, since
  they share caches and memory bandwidth.

The figures come out as JSON, with the 1-minute load average before and after each part.

Usage::

    .venv/bin/python tools/bench/queue_overhead.py --seconds 30 --layout tiny --repeat 3 --jobs 8
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import soundfile as sf

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bridge.jobs.board import Job  # noqa: E402 (after the project root is on the path)
from bridge.jobs.worker import Worker  # noqa: E402
from bridge.queue import QueueWorker  # noqa: E402
from engines.separation.random_model import save_random_model  # noqa: E402
from tests.bridge.queue_procs import (  # noqa: E402
    RedisServer,
    free_port,
    start_worker,
    stop_worker,
    wait_for_workers,
)

TARGET = "engines.separation.files:separate_file"


async def timed(worker: Any, kwargs: dict[str, Any], out: Path) -> float:
    started = time.perf_counter()
    await worker.call(Job(0, "bench", ("127.0.0.1", 9)), TARGET, **{**kwargs, "out_dir": str(out)})
    return time.perf_counter() - started


async def batch(queue: QueueWorker, kwargs: dict[str, Any], folder: Path, jobs: int) -> float:
    started = time.perf_counter()
    await asyncio.gather(*(timed(queue, kwargs, folder / f"job{n}") for n in range(jobs)))
    return time.perf_counter() - started


def cpu_s(pid: int | None) -> float:
    """Seconds of CPU (user + system) process ``pid`` has used so far (-1 without /proc)."""
    stat = Path(f"/proc/{pid}/stat")
    if pid is None or not stat.exists():
        return -1.0
    fields = stat.read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measured(worker: Any, pid: int | None, kwargs: dict[str, Any], out: Path) -> tuple[float, float]:
    """(wall seconds of one call, CPU seconds the worker process spent on it)."""
    before = cpu_s(pid)
    wall = asyncio.run(timed(worker, kwargs, out))
    return wall, round(cpu_s(pid) - before, 2)


def loadavg() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0]) if Path("/proc/loadavg").exists() else -1.0


def overhead(
    server: RedisServer, args: argparse.Namespace, folder: Path, kwargs: dict[str, Any]
) -> dict[str, Any]:
    """One separation in-process and through the queue, warm, alternating, ``--repeat`` times each."""
    model = kwargs["model"]
    procs = [start_worker(server.url, "bench-1", [f"separate:{model}"], folder / "w1.log")]
    local = Worker(nice_increment=0)  # workers run at normal priority too
    queue = QueueWorker(server.url)
    report: dict[str, Any] = {"load_before": loadavg()}
    here: list[float] = []
    queued: list[float] = []
    here_cpu: list[float] = []
    queued_cpu: list[float] = []
    try:
        (entry,) = wait_for_workers(server.client(), 1).values()
        asyncio.run(timed(local, kwargs, folder / "warm-local"))  # load the model in each
        asyncio.run(timed(queue, kwargs, folder / "warm-queue"))
        for n in range(args.repeat):  # alternate, so load on the machine hits both alike
            for worker, pid, walls, cpus, name in (
                (local, local.pid, here, here_cpu, "local"),
                (queue, int(entry["pid"]), queued, queued_cpu, "queue"),
            ):
                wall, cpu = measured(worker, pid, kwargs, folder / f"{name}{n}")
                walls.append(wall)
                cpus.append(cpu)
    finally:
        queue.close()
        local.close()
        for proc in procs:
            stop_worker(proc)
    runs = list(queue.timings)[-args.repeat :]  # the measured queue runs: where their seconds went
    fixed = [t["total_s"] - t["target_s"] for t in runs]
    report["queue_phases_s"] = runs
    report["queue_fixed_s"] = round(statistics.median(fixed), 3)  # the queue's cost beyond the run itself
    report["queue_fixed_target_met"] = report["queue_fixed_s"] < max(0.1 * statistics.median(here), 0.3)
    # CPU seconds each worker process spent per job: what load on the machine does not stretch
    report["in_process_worker_cpu_s"] = here_cpu
    report["queue_worker_cpu_s"] = queued_cpu
    report["in_process_runs_s"] = [round(t, 2) for t in here]
    report["queue_runs_s"] = [round(t, 2) for t in queued]
    report["in_process_s"] = round(statistics.median(here), 3)
    report["in_process_min_s"] = round(min(here), 3)
    report["queue_min_s"] = round(min(queued), 3)
    report["queue_s"] = round(statistics.median(queued), 3)
    report["overhead_s"] = round(report["queue_s"] - report["in_process_s"], 3)
    report["overhead_percent"] = round(100 * report["overhead_s"] / report["in_process_s"], 1)
    allowed = max(0.1 * report["in_process_s"], 0.3)
    report["target_s"] = round(allowed, 3)  # under 10 % or 300 ms, whichever is larger
    report["target_met"] = report["overhead_s"] < allowed
    report["load_after"] = loadavg()
    return report


def throughput(
    server: RedisServer, args: argparse.Namespace, folder: Path, kwargs: dict[str, Any]
) -> dict[str, Any]:
    """``--jobs`` separations at once on 1 worker, then on 2; each worker pinned to its own core."""
    cores = sorted(os.sched_getaffinity(0))
    pins: list[set[int] | None] = [{cores[0]}, {cores[1 % len(cores)]}] if args.pin else [None, None]
    model = kwargs["model"]
    queue = QueueWorker(server.url)
    shown = [sorted(p) for p in pins if p is not None] or "not pinned"
    report: dict[str, Any] = {"cores": shown, "load_before": loadavg()}
    procs = []
    try:
        for count in (1, 2):
            name = f"bench-pinned-{count}"
            procs.append(
                start_worker(server.url, name, [f"separate:{model}"], folder / f"{name}.log", pins[count - 1])
            )
            wait_for_workers(server.client(), count)
            asyncio.run(timed(queue, kwargs, folder / f"warm{count}"))  # the new worker warms on the 1st
            # CPU seconds of every process in the batch: the workers, the daemon (this process) and Redis
            pids = {
                "daemon": os.getpid(),
                "redis": server.process.pid if server.process else None,
                **{f"worker{i + 1}": p.pid for i, p in enumerate(procs)},
            }
            before = {name: cpu_s(pid) for name, pid in pids.items()}
            report[f"batch_{count}_worker{'s' * (count > 1)}_s"] = round(
                asyncio.run(batch(queue, kwargs, folder / f"b{count}", args.jobs)), 2
            )
            report[f"batch_{count}_cpu_s"] = {
                name: round(cpu_s(pid) - before[name], 2) for name, pid in pids.items()
            }
            report[f"load_after_{count}"] = loadavg()
    finally:
        queue.close()
        for proc in procs:
            stop_worker(proc)
    report["speedup"] = round(report["batch_1_worker_s"] / report["batch_2_workers_s"], 2)
    report["peer_no_queue"] = bare_peer(args, folder, kwargs, pins)
    return report


def _bare(core: int | None, kwargs: dict[str, Any], out: str, jobs: int, go: Any, done: Any) -> None:
    """The peer's process: the same separations with no queue and no daemon, one after another."""
    if core is not None:
        os.sched_setaffinity(0, {core})
    from engines.separation.files import separate_file

    separate_file(**kwargs, out_dir=f"{out}/warm")  # the model loaded, as the workers' --models
    done.put(0.0)  # warm
    go.wait()
    cpu = time.process_time()
    for n in range(jobs):
        separate_file(**kwargs, out_dir=f"{out}/{n}")
    done.put(time.process_time() - cpu)


def bare_peer(
    args: argparse.Namespace, folder: Path, kwargs: dict[str, Any], pins: list[Any]
) -> dict[str, Any]:
    """The peer: ``--jobs`` separations in 1 plain process, then shared by 2 (same pinning): what two
    cores give on this machine with no queue at all (they share caches and memory bandwidth)."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    report: dict[str, Any] = {}
    for count in (1, 2):
        go, done = context.Event(), context.Queue()
        procs = [
            context.Process(
                target=_bare,
                args=(None if pins[i] is None else min(pins[i]), kwargs, str(folder / f"bare{count}-{i}"),
                      args.jobs // count, go, done),
            )
            for i in range(count)
        ]  # fmt: skip
        for proc in procs:
            proc.start()
        for _ in procs:
            done.get(timeout=600)
        started = time.perf_counter()
        go.set()
        cpu = [done.get(timeout=3600) for _ in procs]
        report[f"batch_{count}_process{'es' * (count > 1)}_s"] = round(time.perf_counter() - started, 2)
        report[f"batch_{count}_cpu_s"] = [round(c, 2) for c in cpu]
        for proc in procs:
            proc.join()
    report["speedup"] = round(report["batch_1_process_s"] / report["batch_2_processes_s"], 2)
    return report


def clip(path: Path, seconds: float) -> Path:
    rng = np.random.default_rng(0)
    sf.write(path, 0.2 * rng.standard_normal((int(seconds * 44100), 2)), 44100, "PCM_16")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--layout", default="tiny", choices=("tiny", "htdemucs"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=8)
    parser.add_argument("--batch-seconds", type=float, default=None, help="clip length for the 1-vs-2 part")
    parser.add_argument("--batch-layout", default=None, choices=("tiny", "htdemucs"))
    parser.add_argument("--no-pin", dest="pin", action="store_false", help="let the workers share all cores")
    parser.add_argument("--skip", choices=("overhead", "throughput"), default=None)
    args = parser.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")  # every process one thread: a fair 1-vs-2 comparison
    os.environ.setdefault("MKL_NUM_THREADS", "1")
    folder = Path(tempfile.mkdtemp(prefix="roo-bench-queue-"))
    server = RedisServer(os.environ.get("REDIS_SERVER", "redis-server"), free_port())
    server.start()
    report: dict[str, Any] = {"machine": f"{platform.machine()}, {os.cpu_count()} cores", **vars(args)}
    try:
        if args.skip != "overhead":
            model = str(save_random_model(folder / "model", "bench", layout=args.layout, seed=1))
            kwargs = {"path": str(clip(folder / "clip.wav", args.seconds)), "model": model, "exact_sum": True}
            report["overhead"] = overhead(server, args, folder, kwargs)
        if args.skip != "throughput":
            layout, seconds = args.batch_layout or args.layout, args.batch_seconds or args.seconds
            model = str(save_random_model(folder / "batch-model", "batch", layout=layout, seed=1))
            kwargs = {"path": str(clip(folder / "batch.wav", seconds)), "model": model, "exact_sum": True}
            report["throughput"] = {
                "layout": layout,
                "seconds": seconds,
                **throughput(server, args, folder, kwargs),
            }
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
