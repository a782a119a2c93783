"""The Celery application both ends build from one broker URL, and the Redis client beside it.

Settings for long model jobs: a task is acknowledged only after it finished (``acks_late``), a
worker takes one message at a time (prefetch 1), a worker lost mid-job puts its message back
(``reject_on_worker_lost``), and the Redis visibility timeout (after which an unacknowledged
message is delivered again) is longer than the longest job. Only JSON crosses the queue: the
pickle serializer is never accepted. ``rediss://`` URLs get certificate checks on; a password
in the URL is used as it is and never shown (``redact``).
"""

from __future__ import annotations

import os
import ssl
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from engines.errors import InvalidValue

BROKER_ENV = "MUSEAROO_BROKER"
TASK_NAME = "musearoo.run"
QUEUE_NAME = "musearoo"
LONGEST_JOB_S = 2 * 3600  # a 30 s MusicGen window on a laptop CPU stays well under this
VISIBILITY_TIMEOUT_S = LONGEST_JOB_S + 1800
SOCKET_TIMEOUT_S = 2.0  # no Redis call waits longer: a gone broker is an error, never a hang
KEY_PREFIX = "musearoo:"
ANSWER_PREFIX = f"{KEY_PREFIX}answer:"  # + task id: the job's answer, pushed the moment it is known
ALIVE_PREFIX = f"{KEY_PREFIX}alive:"  # + task id: the waiting client's heartbeat (expires when it goes)
CLIENT_BEAT_S = 1.0  # how often the waiting client renews its heartbeat
CLIENT_GONE_S = 5.0  # a heartbeat not renewed for this long: the client is gone, the job is cancelled
RESULT_TTL_S = 300  # a job's result files, answer and task state, if nobody fetches them
INPUT_TTL_S = 120  # a job's input files, renewed by the client's heartbeat while it waits


def broker_url(explicit: str | None = None) -> str | None:
    """The broker URL from ``--broker`` or $MUSEAROO_BROKER (None: run jobs in-process)."""
    url = explicit or os.environ.get(BROKER_ENV) or None
    if url is not None:
        check_url(url)
    return url


def check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("redis", "rediss") or not parts.hostname:
        raise InvalidValue(
            f"broker {redact(url)!r}: expected redis://[:PASSWORD@]HOST:PORT/DB or rediss://... (TLS)"
        )


def redact(url: str) -> str:
    """The URL with any password replaced by ``***`` (for messages and logs)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    user = parts.username or ""
    host = parts.hostname or ""
    netloc = f"{user}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def _tls(url: str) -> dict[str, Any] | None:
    if not url.startswith("rediss://") or "ssl_cert_reqs" in url:
        return None
    return {"ssl_cert_reqs": ssl.CERT_REQUIRED}


def make_celery(url: str) -> Any:
    """A Celery app for ``url`` with the settings above (the task is registered by the worker)."""
    from celery import Celery

    check_url(url)
    app = Celery("musearoo", broker=url, backend=url, set_as_current=False)
    tls = _tls(url)
    app.conf.update(
        task_serializer="json",
        result_serializer="json",
        accept_content=["json"],
        result_accept_content=["json"],
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        task_track_started=True,
        worker_prefetch_multiplier=1,
        worker_hijack_root_logger=False,
        worker_send_task_events=False,
        task_default_queue=QUEUE_NAME,
        result_expires=RESULT_TTL_S,  # a result nobody fetched is gone within minutes
        broker_connection_retry_on_startup=True,
        broker_transport_options={
            "visibility_timeout": VISIBILITY_TIMEOUT_S,
            "socket_timeout": SOCKET_TIMEOUT_S,
            "socket_connect_timeout": SOCKET_TIMEOUT_S,
        },
        result_backend_transport_options={"visibility_timeout": VISIBILITY_TIMEOUT_S},
        redis_socket_timeout=SOCKET_TIMEOUT_S,
        redis_socket_connect_timeout=SOCKET_TIMEOUT_S,
        redis_retry_on_timeout=False,
        result_backend_always_retry=False,
        broker_use_ssl=tls,
        redis_backend_use_ssl=tls,
    )
    return app


def make_redis(url: str) -> Any:
    """A redis-py client on the broker (blobs, cancel flags, worker registry), short timeouts."""
    import redis

    kwargs: dict[str, Any] = {
        "socket_timeout": SOCKET_TIMEOUT_S,
        "socket_connect_timeout": SOCKET_TIMEOUT_S,
    }
    if url.startswith("rediss://") and "ssl_cert_reqs" not in url:
        kwargs["ssl_cert_reqs"] = "required"
    return redis.Redis.from_url(url, **kwargs)
