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
FALLBACK_ENV = "MUSEAROO_FALLBACK"


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
        default=None,
        help=f"(default ${FALLBACK_ENV} or none) local: run a job in-process when the worker queue is unreachable (default: fail it)",
    )
    parser.add_argument(
        "--retries",
        type=int,
        default=None,
        metavar="N",
        help=f"send a job again when its worker dies, up to N times (default ${RETRIES_ENV} or 0)",
    )


def queue_from_args(args: argparse.Namespace) -> QueueWorker | None:
    """The QueueWorker ``roo serve`` uses, or None for the in-process worker."""
    return queue_from_env(args.broker, args.fallback, args.retries)


def queue_from_env(
    broker: str | None = None, fallback: str | None = None, retries: int | None = None
) -> QueueWorker | None:
    """From the arguments, else $MUSEAROO_BROKER, $MUSEAROO_FALLBACK, $MUSEAROO_QUEUE_RETRIES."""
    from bridge.queue.client import QueueWorker

    url = broker_url(broker)
    fallback = fallback or os.environ.get(FALLBACK_ENV) or "none"
    if fallback not in ("none", "local"):
        raise InvalidValue(f"fallback {fallback!r}: expected none or local")
    if url is None:
        if fallback != "none":
            raise InvalidValue("--fallback local needs --broker URL (or $MUSEAROO_BROKER)")
        return None
    if retries is None:
        text = os.environ.get(RETRIES_ENV, "0") or "0"
        if not text.isdigit():
            raise InvalidValue(f"${RETRIES_ENV}={text!r}: expected a whole number >= 0")
        retries = int(text)
    if retries < 0:
        raise InvalidValue(f"--retries {retries}: expected 0 or more")
    return QueueWorker(url, fallback_local=fallback == "local", retries=retries)
