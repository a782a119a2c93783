"""Benchmark: the worker queue (Celery, Redis) against the in-process worker, and 1 vs 2 workers.

One run starts a private redis-server (no persistence) on a free port and real ``roo worker``
processes, then measures, with the same random-weight demucs model (``--layout``: ``tiny``, or
``htdemucs`` for the published architecture) and the same audio:

- one separation of a ``--seconds`` clip through the in-process worker (the daemon's default)
  and through the queue, each warm (model loaded), ``--repeat`` times, side by side;
- ``--jobs`` separations submitted at once to the queue with 1 worker, then with 2 workers.

Usage::

    .venv/bin/python tools/bench/queue_overhead.py --seconds 30 --layout tiny --repeat 3 --jobs 8
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
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

from bridge.jobs import Job  # noqa: E402 (after the project root is on the path)
from bridge.queue import QueueWorker  # noqa: E402
from bridge.worker import Worker  # noqa: E402
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--layout", default="tiny", choices=("tiny", "htdemucs"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=8)
    args = parser.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")  # every process one thread: a fair 1-vs-2 comparison
    folder = Path(tempfile.mkdtemp(prefix="roo-bench-queue-"))
    model = str(save_random_model(folder / "model", "bench", layout=args.layout, seed=1))
    rng = np.random.default_rng(0)
    sf.write(folder / "clip.wav", 0.2 * rng.standard_normal((int(args.seconds * 44100), 2)), 44100, "PCM_16")
    kwargs = {"path": str(folder / "clip.wav"), "model": model, "exact_sum": True}
    server = RedisServer(os.environ.get("REDIS_SERVER", "redis-server"), free_port())
    server.start()
    procs = [start_worker(server.url, "bench-1", [f"separate:{model}"], folder / "w1.log")]
    local = Worker(nice_increment=0)  # workers run at normal priority too
    queue = QueueWorker(server.url)
    report: dict[str, Any] = {"machine": f"{platform.machine()}, {os.cpu_count()} cores", **vars(args)}
    try:
        wait_for_workers(server.client(), 1)
        asyncio.run(timed(local, kwargs, folder / "warm-local"))  # load the model in each
        asyncio.run(timed(queue, kwargs, folder / "warm-queue"))
        here, queued = [], []
        for n in range(args.repeat):  # alternate, so load on the machine hits both alike
            here.append(asyncio.run(timed(local, kwargs, folder / f"local{n}")))
            queued.append(asyncio.run(timed(queue, kwargs, folder / f"queue{n}")))
        report["in_process_runs_s"] = [round(t, 2) for t in here]
        report["queue_runs_s"] = [round(t, 2) for t in queued]
        report["in_process_s"] = round(statistics.median(here), 3)
        report["queue_s"] = round(statistics.median(queued), 3)
        report["overhead_s"] = round(report["queue_s"] - report["in_process_s"], 3)
        report["overhead_percent"] = round(100 * report["overhead_s"] / report["in_process_s"], 1)
        local.close()
        report["batch_1_worker_s"] = round(asyncio.run(batch(queue, kwargs, folder / "b1", args.jobs)), 2)
        procs.append(start_worker(server.url, "bench-2", [f"separate:{model}"], folder / "w2.log"))
        wait_for_workers(server.client(), 2)
        report["batch_2_workers_s"] = round(asyncio.run(batch(queue, kwargs, folder / "b2", args.jobs)), 2)
        report["speedup"] = round(report["batch_1_worker_s"] / report["batch_2_workers_s"], 2)
    finally:
        queue.close()
        local.close()
        for proc in procs:
            stop_worker(proc)
        server.stop()
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
