"""The worker's side of one queued job: inputs in, the target run with progress and cancel, files out.

``execute`` is what the Celery task ``musearoo.run`` does with the daemon's request (a JSON
dict: target, kwargs, input blobs, versions, cancel key). It lands the inputs in a temporary
folder, points the output arguments there, runs the target with a progress callback that
publishes a ``PROGRESS`` task state (meta: fraction, message, worker) and raises JobCancelled
once the daemon has set the job's cancel key, then sends the written files back as blobs. The
answer is always a JSON dict: ``{"value", "files", "worker", "timing"}``, ``{"cancelled": message}`` or
``{"error": [module, class name, message]}`` (a RooError keeps its class on the daemon). Where
the request names an ``answer_key``, each result file is announced there (``{"file", "desc"}``)
as soon as it is stored, ahead of the answer, so the daemon lands it while the others move.

Cleaning up: the job is cancelled when its cancel key is set or its client's heartbeat
(``alive_key``) is gone, checked while it runs, after the target returns and after its files were
stored; a cancelled or failed job deletes its input and result blobs. Result blobs and the answer
expire after ``RESULT_TTL_S`` if nobody fetches them.
"""

from __future__ import annotations

import itertools
import json
import logging
import shutil
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bridge.jobs.process import resolve
from bridge.queue import blobs
from bridge.queue.jobspec import check_versions, spec_for, worker_value
from bridge.queue.progress import Progress
from bridge.queue.settings import RESULT_TTL_S
from engines.errors import JobCancelled, RooError

log = logging.getLogger("bridge.queue")
TIMING = ("inputs_s", "target_s", "outputs_s")  # the answer's seconds: landing inputs, the run, sending files


def _announcer(redis: Any, answer_key: str) -> Callable[[str, blobs.Descriptor], None] | None:
    """Each stored file, pushed where the daemon waits for the answer, so it lands them meanwhile."""
    if not answer_key:  # a daemon that does not wait there (an older one)
        return None

    def announce(name: str, desc: blobs.Descriptor) -> None:
        pipe = redis.pipeline()
        pipe.rpush(answer_key, json.dumps({"file": name, "desc": desc}))
        pipe.expire(answer_key, RESULT_TTL_S)  # gone with the blobs if nobody reads it
        pipe.execute()

    return announce


def execute(
    request: dict[str, Any], *, redis: Any, worker: str, publish: Callable[[dict[str, Any]], None]
) -> dict[str, Any]:
    """Run one request (see the module doc); never raises."""
    target = str(request.get("target", ""))
    folder = Path(tempfile.mkdtemp(prefix="musearoo-job-"))
    cancel_key, alive_key = str(request.get("cancel_key", "")), str(request.get("alive_key", ""))
    progress = Progress(redis, cancel_key, worker, publish, str(folder / "out"), alive_key)
    inputs: dict[str, blobs.Descriptor] = dict(request.get("inputs", {}))
    sent: dict[str, blobs.Descriptor] = {}
    try:
        if progress.cancelled():
            raise JobCancelled(f"{progress.reason} before it started")
        progress.start()  # from here the progress thread talks to Redis, the target never waits on it
        spec = spec_for(target)
        kwargs = dict(request["kwargs"])
        check_versions(worker, target, kwargs, request.get("versions", {}))
        progress(0.0, f"started on worker {worker}")
        clock = [time.perf_counter()]
        (folder / "in").mkdir()
        places = {name: (desc, folder / "in" / desc["name"]) for name, desc in inputs.items()}
        kwargs.update({name: str(path) for name, path in blobs.land_files(redis, places).items()})
        if spec.out_dir:
            kwargs[spec.out_dir] = str(folder / "out")
        if spec.out_path:
            kwargs[spec.out_path] = str(folder / "out" / Path(kwargs[spec.out_path]).name)
        clock.append(time.perf_counter())
        value = resolve(target)(**kwargs, progress=progress)
        clock.append(time.perf_counter())
        progress.close()  # the last update is out before the files go
        if progress.cancelled():  # cancelled while the target's last stretch ran: nothing is sent
            raise JobCancelled(f"{progress.reason} as it finished")
        json_value, files = worker_value(spec, value)
        announce = _announcer(redis, str(request.get("answer_key", "")))
        sent = blobs.put_files(redis, files, on_stored=announce, ttl_s=RESULT_TTL_S)
        if progress.cancelled():  # a cancel acknowledged while the files went: they are not left behind
            raise JobCancelled(f"{progress.reason} as its files were sent")
        clock.append(time.perf_counter())
        timing = dict(zip(TIMING, (round(b - a, 4) for a, b in itertools.pairwise(clock)), strict=True))
        return {"value": json_value, "files": sent, "worker": worker, "timing": timing}
    except JobCancelled as exc:
        blobs.drop(redis, [*inputs.values(), *sent.values()])  # nobody will fetch them
        return {"cancelled": str(exc)}
    except RooError as exc:
        blobs.drop(redis, [*inputs.values(), *sent.values()])
        if progress.cancelled():  # its client cancelled and took its input files back as it started
            return {"cancelled": f"{progress.reason} as it started ({exc})"}
        return {"error": [type(exc).__module__, type(exc).__qualname__, str(exc)]}
    except Exception as exc:  # a library failure: report it, keep serving
        blobs.drop(redis, [*inputs.values(), *sent.values()])
        log.error("queued job %s failed:\n%s", target, traceback.format_exc())
        return {"error": ["", type(exc).__name__, str(exc)]}
    finally:
        progress.close()
        shutil.rmtree(folder, ignore_errors=True)
