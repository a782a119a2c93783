"""roo worker: serve heavy jobs (separate, musicgen, analyze) from a Redis broker until stopped."""

from __future__ import annotations

import argparse
import logging

HELP = "run a model worker for daemons on other machines (Celery, Redis broker)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--broker",
        default=None,
        metavar="URL",
        help="redis://[:PASSWORD@]HOST:6379/0 or rediss://... (default: $MUSEAROO_BROKER)",
    )
    parser.add_argument(
        "--concurrency", type=int, default=1, metavar="N", help="jobs at once (default 1: one per GPU)"
    )
    parser.add_argument(
        "--models",
        nargs="*",
        default=[],
        metavar="KIND:SPEC",
        help="load now and keep warm, e.g. separate:htdemucs musicgen:small (default: on first use)",
    )
    parser.add_argument("--name", default="", help="worker name (default roo-HOST-PID)")
    parser.add_argument("--verbose", "-v", action="store_true", help="log each job")


def run(args: argparse.Namespace) -> int:
    from bridge.queue import broker_url, run_worker
    from engines.errors import InvalidValue

    url = broker_url(args.broker)
    if url is None:
        raise InvalidValue("roo worker needs --broker redis://HOST:6379/0 (or $MUSEAROO_BROKER)")
    if args.concurrency < 1:
        raise InvalidValue(f"--concurrency {args.concurrency}: expected 1 or more")
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    run_worker(url, concurrency=args.concurrency, models=args.models, name=args.name)
    return 0
