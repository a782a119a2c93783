"""Heavy jobs on other machines: a Celery worker queue with Redis as broker (optional).

The whole public face::

    from bridge.queue import QueueWorker, broker_url, run_target, run_worker, add_broker_argument

- ``QueueWorker(url, fallback_local=False, retries=0)`` has the in-process worker's
  ``call(job, target, **kwargs)`` and ``close()``: the daemon puts one in ``app.worker`` when a
  broker is configured, and actions do not change (``bridge.queue.client``).
- ``run_worker(url, concurrency=1, models=[...])`` is ``roo worker`` (``bridge.queue.serve_worker``).
- ``broker_url(explicit)`` is ``--broker`` or $MUSEAROO_BROKER (None: no queue).
- ``run_target(url, target, progress, **kwargs)`` runs a worker target for a command line: on the
  queue when ``url`` is set, else right here; ``add_broker_argument(parser)`` adds ``--broker``.
- ``queue_checks(url)`` (``bridge.queue.doctor``) is what ``roo doctor`` shows about the queue.

Only the targets in ``bridge.queue.jobspec.TARGETS`` (separate, musicgen, analyze) travel.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from bridge.queue.cli_run import run_blocking
from bridge.queue.client import QueueWorker
from bridge.queue.serve_worker import run_worker
from bridge.queue.settings import BROKER_ENV, broker_url

__all__ = ["QueueWorker", "add_broker_argument", "broker_url", "run_target", "run_worker"]


def add_broker_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--broker",
        default=None,
        metavar="URL",
        help=f"run the job on a `roo worker` through this Redis broker (default: ${BROKER_ENV}, else here)",
    )


def run_target(url: str | None, target: str, progress: Callable[[float, str], None], **kwargs: Any) -> Any:
    """``target(**kwargs, progress=progress)`` on the queue at ``url``, or in this process."""
    url = broker_url(url)
    if url is not None:
        return run_blocking(url, target, progress, **kwargs)
    from bridge.jobs.process import resolve

    return resolve(target)(**kwargs, progress=progress)
