"""``roo worker``: a Celery worker process that keeps its models loaded and announces itself.

With ``--concurrency 1`` (one job per GPU, the default) the worker runs jobs in its own process
(Celery's ``solo`` pool), so models loaded once (``--models`` at start, or by the first job)
stay warm; with N > 1, N prefork children each keep their own. Every process that runs jobs
writes a registry entry to Redis each second (``HEARTBEAT_S``) and with each progress update,
which expires after ``REGISTRY_TTL_S``: name, pid, device, warm models, versions and the job it
runs. The daemon reads it to see a worker that died mid-job (killed, out of memory, unplugged),
``roo doctor`` to list workers. SIGTERM or Ctrl-C is Celery's warm shutdown: the running job finishes first.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
import time
from collections.abc import Callable
from typing import Any

from bridge.queue.jobspec import musearoo_version
from bridge.queue.settings import (
    ANSWER_PREFIX,
    KEY_PREFIX,
    QUEUE_NAME,
    RESULT_TTL_S,
    TASK_NAME,
    make_celery,
    make_redis,
)
from bridge.queue.task import execute

log = logging.getLogger("bridge.queue")
HEARTBEAT_S = 1.0
REGISTRY_TTL_S = 10.0  # a busy, loaded machine can starve the heartbeat thread for seconds
REGISTRY = f"{KEY_PREFIX}worker:"


class Registry:
    """This process's entry in Redis, refreshed by a daemon thread."""

    def __init__(self, redis: Any, name: str, device: str, warm: list[str]) -> None:
        self.redis, self.name, self.device = redis, name, device
        self.warm = list(warm)
        self.busy = ""
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._beat, name="roo-queue-heartbeat", daemon=True)

    def start(self) -> None:
        self.write()
        self._thread.start()

    def write(self) -> None:
        entry = {
            "name": self.name,
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "device": self.device,
            "warm": self.warm,
            "musearoo": musearoo_version(),
            "busy": self.busy,
        }
        try:
            self.redis.set(REGISTRY + self.name, json.dumps(entry), px=int(REGISTRY_TTL_S * 1000))
        except Exception as exc:
            log.debug("registry write failed: %s", exc)

    def _beat(self) -> None:
        while not self._stop.wait(HEARTBEAT_S):
            self.write()


def preload(models: list[str]) -> list[str]:
    """Load ``separate:SPEC`` / ``musicgen:SPEC`` models now; returns their names for the registry."""
    from engines.errors import InvalidValue

    loaded = []
    for item in models:
        kind, _, spec = item.partition(":")
        if kind == "separate" and spec:
            from engines.separation import load_model

            warm_separation(load_model(spec), item)
        elif kind == "musicgen" and spec:
            from engines.musicgen import models as musicgen_models

            musicgen_models.load(spec)
        else:
            raise InvalidValue(
                f"--models {item!r}: expected separate:NAME_OR_FOLDER or musicgen:NAME_OR_FOLDER"
            )
        loaded.append(item)
    return loaded


def warm_separation(model: Any, name: str) -> None:
    """One second of quiet noise through a loaded separation model, at worker start.

    The first separation in a process pays once for imports (demucs.apply, julius) and for
    torch's kernel set-up: in the queue worker's first job of the benchmark, 0.3 to 0.9 s more CPU
    than in the jobs after it (tiny layout, 30 s clip). demucs pads any clip to whole model
    segments, so this costs one segment of compute (about 0.2 s with the tiny layout, several
    seconds with htdemucs on a CPU), spent before the worker takes jobs. The result is discarded;
    ``separate`` leaves Python's random state as it was, so later results do not change."""
    import numpy as np

    from engines.separation import separate

    rate = int(model.samplerate)
    noise = 0.1 * np.random.default_rng(0).standard_normal((rate, int(model.audio_channels)))
    started = time.monotonic()
    separate(noise.astype(np.float32), rate, model)
    log.info("warmed %s in %.1f s", name, time.monotonic() - started)


def publisher(task: Any, entry: Registry) -> Callable[[dict[str, Any]], None]:
    """Progress updates for the running task: its state, and the registry entry (a heartbeat too).

    Made on the task's thread: Celery keeps the request (the task id) per thread, and the updates
    go out from the progress thread (``bridge.queue.progress``)."""
    task_id, request = str(task.request.id), task.request

    def publish(meta: dict[str, Any]) -> None:
        task.backend.store_result(task_id, meta, "PROGRESS", request=request)
        entry.write()

    return publish


def hand_over(redis: Any, task_id: str, answer: dict[str, Any]) -> None:
    """Push the answer where the waiting daemon blocks on it (BLPOP): no poll interval is lost.

    Celery stores the same answer as the task result a moment later; a daemon that missed the
    push (or a failed push) still finds it there."""
    key = ANSWER_PREFIX + task_id
    try:
        pipe = redis.pipeline()
        pipe.rpush(key, json.dumps(answer))
        pipe.expire(key, RESULT_TTL_S)  # a result nobody fetched is gone within minutes
        pipe.execute()
    except Exception as exc:
        log.warning("cannot push the answer of %s: %s", task_id, exc)


def run_worker(url: str, *, concurrency: int = 1, models: list[str] | None = None, name: str = "") -> None:
    """Serve the queue until stopped (blocks)."""
    from engines.separation import best_device

    celery = make_celery(url)
    device = best_device()
    warm = preload(models or [])
    base = name or f"roo-{socket.gethostname()}-{os.getpid()}"
    state: dict[int, Registry] = {}  # by pid: each prefork child announces itself

    def registry() -> Registry:
        pid = os.getpid()
        if pid not in state:
            state[pid] = Registry(make_redis(url), f"{base}/{pid}", device, warm)
            state[pid].start()
        return state[pid]

    @celery.task(name=TASK_NAME, bind=True)  # type: ignore[untyped-decorator]
    def run(self: Any, request: dict[str, Any]) -> dict[str, Any]:
        entry = registry()
        entry.busy = str(self.request.id)
        entry.write()
        try:
            answer = execute(
                request,
                redis=entry.redis,
                worker=entry.name,
                publish=publisher(self, entry),
            )
            hand_over(entry.redis, str(self.request.id), answer)
            return answer
        finally:
            entry.busy = ""
            model = request.get("kwargs", {}).get("model")
            kind = "separate" if "separation" in str(request.get("target")) else "musicgen"
            if model and f"{kind}:{model}" not in entry.warm and "analysis" not in str(request.get("target")):
                entry.warm.append(f"{kind}:{model}")
            entry.write()

    if concurrency == 1:
        registry()  # announced before the first job (roo doctor lists an idle worker)
    else:
        from celery.signals import worker_process_init

        worker_process_init.connect(lambda **_: registry(), weak=False)  # each child announces itself
    argv = [
        "worker",
        f"--concurrency={concurrency}",
        f"--pool={'solo' if concurrency == 1 else 'prefork'}",
        f"--queues={QUEUE_NAME}",
        f"--hostname={base}@%h",
        "--loglevel=WARNING",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
    ]
    log.info("worker %s on %s, models %s", base, device, warm or "loaded on first use")
    started = time.monotonic()
    celery.worker_main(argv)
    log.info("worker %s stopped after %.0f s", base, time.monotonic() - started)
