"""The blocking half of ``QueueWorker``: its Redis and Celery calls, each run in a thread.

``QueueWorker`` (``bridge.queue.client``) awaits these through its ``_io``, which turns a lost
connection into ``QueueUnreachable``; here they just talk to the broker (keys in ``settings``).
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from bridge.jobs.process import rebuild_error
from bridge.queue import blobs
from bridge.queue.jobspec import Spec, daemon_targets, daemon_value, versions_for
from bridge.queue.serve_worker import REGISTRY
from bridge.queue.settings import (
    ALIVE_PREFIX,
    ANSWER_PREFIX,
    CLIENT_GONE_S,
    INPUT_TTL_S,
    KEY_PREFIX,
    QUEUE_NAME,
    TASK_NAME,
    VISIBILITY_TIMEOUT_S,
    make_celery,
    make_redis,
    redact,
)
from engines.errors import JobCancelled, RooError

POLL_S = 0.2


class QueueCalls:
    """The thread-side calls of one queue client (``url``, its clients and its unsent cancels)."""

    url: str
    _celery: Any
    _redis: Any
    _unsent_cancels: set[str]
    cancel_note: str

    def _clients(self) -> tuple[Any, Any]:
        if self._celery is None:
            self._celery = make_celery(self.url)
            self._redis = make_redis(self.url)
        return self._celery, self._redis

    def _beat(self, task_id: str, inputs: list[blobs.Descriptor]) -> None:
        _, redis = self._clients()
        pipe = redis.pipeline(transaction=False)
        pipe.set(ALIVE_PREFIX + task_id, 1, px=int(CLIENT_GONE_S * 1000))
        for desc in inputs:
            pipe.expire(desc["key"], INPUT_TTL_S)
        pipe.execute()

    def _submit(
        self, task_id: str, target: str, spec: Spec, kwargs: dict[str, Any], stored: list[blobs.Descriptor]
    ) -> None:
        celery, redis = self._clients()
        redis.ping()
        for old in list(self._unsent_cancels):  # a job given up while Redis was gone stops now
            redis.set(f"{KEY_PREFIX}cancel:{old}", 1, ex=VISIBILITY_TIMEOUT_S + 3600)
            self._unsent_cancels.discard(old)
        redis.set(ALIVE_PREFIX + task_id, 1, px=int(CLIENT_GONE_S * 1000))
        files = {name: kwargs[name] for name in spec.inputs if kwargs.get(name)}
        inputs = blobs.put_files(
            redis, files, on_stored=lambda _name, desc: stored.append(desc), ttl_s=INPUT_TTL_S
        )
        request = {
            "target": target,
            "kwargs": kwargs,
            "inputs": inputs,
            "versions": versions_for(target, kwargs),
            "cancel_key": f"{KEY_PREFIX}cancel:{task_id}",
            "answer_key": ANSWER_PREFIX + task_id,  # the worker announces its files there, then answers
            "alive_key": ALIVE_PREFIX + task_id,  # gone: the worker stops the job (this client went away)
        }
        celery.send_task(TASK_NAME, args=[request], task_id=task_id, queue=QUEUE_NAME, retry=False)

    def _wait_answer(self, task_id: str) -> Any:
        """The worker's answer as soon as it is pushed, or None after ``POLL_S`` without one."""
        _, redis = self._clients()
        popped = redis.blpop([ANSWER_PREFIX + task_id], timeout=POLL_S)
        return None if popped is None else json.loads(popped[1])

    def _poll(self, task_id: str) -> tuple[str, Any, bool]:
        celery, redis = self._clients()
        meta = celery.backend.get_task_meta(task_id)
        status, info = str(meta.get("status")), meta.get("result")
        alive = True
        if status == "PROGRESS" and isinstance(info, dict) and info.get("worker"):
            alive = bool(redis.exists(REGISTRY + str(info["worker"])))
        return status, info, alive

    def _finish(
        self,
        target: str,
        spec: Spec,
        kwargs: dict[str, Any],
        task_id: str,
        info: Any,
        timing: dict[str, float],
        landed_early: dict[str, Path],
    ) -> Any:
        celery, redis = self._clients()
        celery.backend.forget(task_id)
        redis.delete(ANSWER_PREFIX + task_id)  # when the answer came as the task result instead
        if not isinstance(info, dict):
            raise RooError(f"the worker queue answered {info!r} for {target}: expected a result dict")
        if "error" in info:
            raise rebuild_error(target, *info["error"])
        if "cancelled" in info:
            raise JobCancelled(str(info["cancelled"]))
        files = info["files"]
        places = daemon_targets(spec, kwargs, list(files))
        landing = time.perf_counter()
        rest = {name: (desc, places[name]) for name, desc in files.items() if name not in landed_early}
        landed = {**landed_early, **blobs.land_files(redis, rest)}
        timing.update({key: float(value) for key, value in dict(info.get("timing") or {}).items()})
        timing["land_s"] = round(time.perf_counter() - landing, 4)
        return daemon_value(spec, info["value"], landed)

    def _abandon(self, task_id: str, inputs: list[blobs.Descriptor]) -> None:
        """After a cancel, failure or lost worker: the task must not run (or go on) anywhere."""
        try:
            celery, redis = self._clients()
            pipe = redis.pipeline(transaction=False)
            pipe.set(f"{KEY_PREFIX}cancel:{task_id}", 1, ex=VISIBILITY_TIMEOUT_S + 3600)
            pipe.delete(ALIVE_PREFIX + task_id)
            pipe.execute()
        except Exception as exc:
            self._unsent_cancels.add(task_id)
            self.cancel_note = (
                f"the worker queue at {redact(self.url)} could not be told ({exc}); the job stops "
                f"there once this client's heartbeat has expired ({CLIENT_GONE_S:g} s)"
            )
            return
        self.cancel_note = f"the worker queue at {redact(self.url)} was told to stop job {task_id}"
        blobs.drop(redis, inputs)
        try:
            redis.delete(ANSWER_PREFIX + task_id)
            celery.control.revoke(task_id)
        except Exception:
            pass
