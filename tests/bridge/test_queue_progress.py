"""A queued job's progress callback against a real redis-server: the job's thread never waits on Redis."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import redis

from bridge.queue.progress import Progress
from engines.errors import JobCancelled
from tests.bridge.queue_procs import RedisServer, started_redis

CANCEL_KEY = "musearoo:cancel:progress-test"
STATE_KEY = "progress-test:state"
WAIT_S = 60.0  # generous: a loaded machine may starve the progress thread for a while


class ThreadsSeen(redis.Redis):
    """A real client that notes which thread sent each command."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.threads: list[tuple[int, str]] = []

    def execute_command(self, *args: Any, **options: Any) -> Any:
        self.threads.append((threading.get_ident(), str(args[0])))
        return super().execute_command(*args, **options)


@pytest.fixture(scope="module")
def server() -> Iterator[RedisServer]:
    yield from started_redis()


def progress_for(server: RedisServer) -> tuple[Progress, ThreadsSeen]:
    client = ThreadsSeen(port=server.port, socket_timeout=2)
    client.delete(CANCEL_KEY, STATE_KEY)
    client.threads.clear()

    def publish(meta: dict[str, Any]) -> None:  # what the worker does: a task state in Redis
        client.set(STATE_KEY, json.dumps(meta))

    return Progress(client, CANCEL_KEY, "w1", publish), client


def published(server: RedisServer) -> dict[str, Any] | None:
    raw = server.client().get(STATE_KEY)
    return None if raw is None else dict(json.loads(raw))


def test_updates_and_the_cancel_check_go_through_redis_off_the_jobs_thread(server: RedisServer) -> None:
    progress, client = progress_for(server)
    progress.start()
    try:
        end = time.monotonic() + WAIT_S
        while (published(server) or {}).get("message") != "separating: 10%":
            assert time.monotonic() < end, "the update never reached Redis"
            progress(0.1, "separating: 10%")
            time.sleep(0.01)
        server.client().set(CANCEL_KEY, 1)  # what the daemon does on /roo/cancel
        with pytest.raises(JobCancelled, match="cancelled while separating: 50%"):
            while time.monotonic() < end:
                progress(0.5, "separating: 50%")
                time.sleep(0.01)
        seen = list(client.threads)  # while the job ran (close may publish a last update from here)
    finally:
        progress.close()
    job_thread = threading.get_ident()
    assert {"SET", "EXISTS"} <= {name for ident, name in seen if ident != job_thread}  # Redis was used ...
    assert [name for ident, name in seen if ident == job_thread] == []  # ... never from the job's thread


def test_the_last_update_is_published_by_close_before_the_result(server: RedisServer) -> None:
    progress, _ = progress_for(server)
    progress.start()
    progress(0.0, "started on worker w1")
    progress(1.0, "wrote 4 stems to /tmp/x")
    progress.close()  # returns only once the 1.0 update is in Redis
    assert published(server) == {"fraction": 1.0, "message": "wrote 4 stems to /tmp/x", "worker": "w1"}
