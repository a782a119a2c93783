"""``roo serve``'s queue options: ``--broker URL``, ``--fallback local`` and ``--retries N``."""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING

from bridge.queue.settings import BROKER_ENV, broker_url
from engines.errors import InvalidValue

if TYPE_CHECKING:
    from bridge.queue.client import QueueWorker

RETRIES_ENV = "MUSEAROO_QUEUE_RETRIES"


def add_queue_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--broker",
        default=None,
        metavar="URL",
        help=f"send heavy jobs to `roo worker`s through this Redis (default: ${BROKER_ENV}; none: in-process)",
    )
    parser.add_argument(
        "--fallback",
        choices=("none", "local"),
        default="none",
        help="local: run a job in-process when the worker queue is unreachable (default: fail it)",
    )
    parser.add_argument(
        "--retries",
        type=int,
        default=None,
        metavar="N",
        help=f"send a job again when its worker dies, up to N times (default ${RETRIES_ENV} or 0)",
    )


def queue_from_args(args: argparse.Namespace) -> QueueWorker | None:
    """The QueueWorker the daemon uses, or None for the in-process worker."""
    from bridge.queue.client import QueueWorker

    url = broker_url(args.broker)
    if url is None:
        if args.fallback != "none":
            raise InvalidValue("--fallback local needs --broker URL (or $MUSEAROO_BROKER)")
        return None
    retries = args.retries if args.retries is not None else int(os.environ.get(RETRIES_ENV, "0") or 0)
    if retries < 0:
        raise InvalidValue(f"--retries {retries}: expected 0 or more")
    return QueueWorker(url, fallback_local=args.fallback == "local", retries=retries)
