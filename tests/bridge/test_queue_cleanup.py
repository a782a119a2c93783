"""The queue cleans up after itself (issue 31), with a real redis-server and a real `roo worker`:
a job whose client is gone (killed, or cut off while Redis was down for 3 s) is stopped and leaves
no blobs; a Ctrl-C'd `roo separate --broker` says so and its job does not run on; a result
nobody fetched expires within minutes."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile as sf

from bridge.queue import task as task_module
from bridge.queue.cli_run import _CliJob
from bridge.queue.client import QueueWorker
from bridge.queue.jobspec import versions_for
from bridge.queue.settings import ALIVE_PREFIX, ANSWER_PREFIX, RESULT_TTL_S
from bridge.queue.task import execute
from engines.errors import QueueUnreachable
from tests.bridge.queue_procs import (
    ROOT,
    RedisServer,
    start_worker,
    started_redis,
    stop_worker,
    wait_for_workers,
    workers,
)

SEPARATE = "engines.separation.files:separate_file"
RATE = 44100
BLOBS = "musearoo:blob:*"


@pytest.fixture(scope="module")
def server() -> Iterator[RedisServer]:
    yield from started_redis()


@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from engines.separation.random_model import save_random_model

    return save_random_model(tmp_path_factory.mktemp("demucs"), "tiny", seed=5)


@pytest.fixture(scope="module")
def worker(server: RedisServer, model: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    log = tmp_path_factory.mktemp("worker-log") / "w.log"
    proc = start_worker(server.url, "clean", [f"separate:{model}"], log)
    try:
        (name,) = wait_for_workers(server.client(), 1)
        yield name
    finally:
        stop_worker(proc)


@pytest.fixture(scope="module")
def long_audio(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("audio") / "long.wav"
    rng = np.random.default_rng(3)
    sf.write(path, (0.2 * rng.standard_normal((RATE * 120, 2))).clip(-1, 1), RATE, subtype="PCM_16")
    return path


def busy_task(server: RedisServer, worker: str, timeout_s: float = 120) -> str:
    """The id of the job the worker runs, once it runs one."""
    end = time.monotonic() + timeout_s
    while time.monotonic() < end:
        busy = workers(server.client()).get(worker, {}).get("busy")
        if busy:
            return str(busy)
        time.sleep(0.05)
    raise AssertionError(f"the worker took no job within {timeout_s} s")


def wait_separating(server: RedisServer, task_id: str, timeout_s: float = 120) -> None:
    """Until the worker reports the model running (its inputs landed)."""
    end = time.monotonic() + timeout_s
    while time.monotonic() < end:
        raw = server.client().get(f"celery-task-meta-{task_id}")
        if raw is not None and "separating" in str(json.loads(raw).get("result")):
            return
        time.sleep(0.05)
    raise AssertionError(f"job {task_id} did not start separating within {timeout_s} s")


def wait_idle(server: RedisServer, worker: str, timeout_s: float = 120) -> None:
    end = time.monotonic() + timeout_s
    while workers(server.client()).get(worker, {}).get("busy"):
        assert time.monotonic() < end, f"the worker still runs its job after {timeout_s} s"
        time.sleep(0.1)


def answer_of(server: RedisServer, task_id: str) -> dict[str, Any]:
    """What the worker answered for the job (the task result Celery stored)."""
    end = time.monotonic() + 30
    while time.monotonic() < end:
        raw = server.client().get(f"celery-task-meta-{task_id}")
        if raw is not None and json.loads(raw)["status"] == "SUCCESS":
            return dict(json.loads(raw)["result"])
        time.sleep(0.1)
    raise AssertionError(f"no stored answer for {task_id}")


def left_behind(server: RedisServer) -> list[bytes]:
    return sorted(server.client().scan_iter(BLOBS))


def separate_command(server: RedisServer, audio: Path, out: Path, model: Path) -> list[str]:
    return [
        sys.executable, "-m", "bridge", "separate", str(audio), "--out", str(out),
        "--model", str(model), "--broker", server.url,
    ]  # fmt: skip


def client_process(command: list[str]) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"}
    return subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def test_a_killed_clients_job_is_stopped_by_its_missing_heartbeat_and_leaves_no_blobs(
    server: RedisServer, worker: str, model: Path, long_audio: Path, tmp_path: Path
) -> None:
    client = client_process(separate_command(server, long_audio, tmp_path / "out", model))
    try:
        task_id = busy_task(server, worker)
        client.kill()  # no cancel key is ever set: only the heartbeat stops
        client.wait(10)
        wait_idle(server, worker)
        answer = answer_of(server, task_id)
        assert "client is gone" in answer.get("cancelled", ""), answer
        assert left_behind(server) == []
        assert not server.client().exists(ALIVE_PREFIX + task_id)
    finally:
        if client.poll() is None:
            client.kill()
            client.wait(10)


def test_redis_down_3_s_mid_job_the_abandoned_job_stops_and_leaves_no_blobs(
    server: RedisServer, worker: str, model: Path, long_audio: Path, tmp_path: Path
) -> None:
    queue = QueueWorker(server.url)
    failure: list[BaseException] = []

    def run() -> None:
        job = _CliJob(lambda fraction, message: None)
        kwargs = {"path": str(long_audio), "out_dir": str(tmp_path / "out"), "model": str(model)}
        try:
            asyncio.run(queue.call(job, SEPARATE, **kwargs))
        except BaseException as exc:
            failure.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    try:
        task_id = busy_task(server, worker)
        wait_separating(server, task_id)
        assert server.process is not None
        server.process.send_signal(signal.SIGSTOP)  # Redis down, its keys kept
        time.sleep(3.0)
        server.process.send_signal(signal.SIGCONT)
        thread.join(60)
        assert not thread.is_alive() and len(failure) == 1, failure
        assert isinstance(failure[0], QueueUnreachable), failure
        wait_idle(server, worker)
        answer = answer_of(server, task_id)
        assert "cancelled" in answer, answer
        assert left_behind(server) == []
        assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
    finally:
        if server.process is not None:
            server.process.send_signal(signal.SIGCONT)
        thread.join(60)
        queue.close()


def test_ctrl_c_on_roo_separate_with_a_broker_says_so_exits_130_and_the_job_does_not_run_on(
    server: RedisServer, worker: str, model: Path, long_audio: Path, tmp_path: Path
) -> None:
    client = client_process(separate_command(server, long_audio, tmp_path / "out", model))
    try:
        task_id = busy_task(server, worker)
        client.send_signal(signal.SIGINT)
        _, err = client.communicate(timeout=30)
        assert client.returncode == 130, err
        assert "roo separate: cancelled" in err and f"was told to stop job {task_id}" in err, err
        assert "Traceback" not in err
        # acknowledged: the cancel was in Redis before the client exited, so the worker stops the job
        assert server.client().exists(f"musearoo:cancel:{task_id}")
        wait_idle(server, worker)
        answer = answer_of(server, task_id)
        assert "cancelled" in answer and "value" not in answer, answer
        assert left_behind(server) == [] and not list((tmp_path / "out").glob("*.wav"))
    finally:
        if client.poll() is None:
            client.kill()
            client.wait(10)


def _fake_stems(cancel_at_the_end: str, redis: Any) -> Any:
    """A separation target that writes four small stems; optionally the cancel key is set while its
    last stretch runs (after its last progress call)."""

    def separate_file(*, path: str, out_dir: str, progress: Any, **_: Any) -> dict[str, str]:
        progress(0.5, "separating")
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        written = {}
        for stem in ("drums", "bass", "other", "vocals"):
            sf.write(out / f"{stem}.wav", np.zeros((100, 2), np.float32), RATE, subtype="FLOAT")
            written[stem] = str(out / f"{stem}.wav")
        if cancel_at_the_end:
            redis.set(cancel_at_the_end, 1)
        return written

    return separate_file


def _request(server: RedisServer, audio: Path, name: str) -> dict[str, Any]:
    from bridge.queue import blobs

    kwargs = {"path": "in.wav", "out_dir": "/daemon/out", "model": "htdemucs"}
    inputs = {"path": blobs.put_file(server.client(), audio)}
    server.client().set(ALIVE_PREFIX + name, 1, ex=60)
    return {
        "target": SEPARATE,
        "kwargs": kwargs,
        "inputs": inputs,
        "versions": versions_for(SEPARATE, kwargs),
        "cancel_key": f"musearoo:cancel:{name}",
        "answer_key": ANSWER_PREFIX + name,
        "alive_key": ALIVE_PREFIX + name,
    }


def test_a_result_nobody_fetches_expires_within_minutes_and_a_cancel_at_the_end_sends_nothing(
    server: RedisServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    audio = tmp_path / "in.wav"
    sf.write(audio, np.zeros((RATE, 2), np.float32), RATE, subtype="PCM_16")
    redis = server.client()
    for key in redis.scan_iter(BLOBS):
        redis.delete(key)

    monkeypatch.setattr(task_module, "resolve", lambda target: _fake_stems("", redis))
    answer = execute(_request(server, audio, "kept"), redis=redis, worker="w1", publish=lambda meta: None)
    assert set(answer["files"]) == {"drums.wav", "bass.wav", "other.wav", "vocals.wav"}, answer
    ttls = [redis.ttl(desc["key"]) for desc in answer["files"].values()]
    ttls.append(redis.ttl(ANSWER_PREFIX + "kept"))
    assert all(0 < ttl <= RESULT_TTL_S <= 600 for ttl in ttls), ttls

    for key in redis.scan_iter(BLOBS):
        redis.delete(key)
    monkeypatch.setattr(task_module, "resolve", lambda target: _fake_stems("musearoo:cancel:late", redis))
    answer = execute(_request(server, audio, "late"), redis=redis, worker="w1", publish=lambda meta: None)
    assert "cancelled" in answer and "files" not in answer, answer
    assert left_behind(server) == []  # neither its input nor any stem stays

    monkeypatch.setattr(task_module, "resolve", lambda target: _fake_stems("", redis))
    request = _request(server, audio, "gone")
    redis.delete(ALIVE_PREFIX + "gone")  # the client went away before the worker took the job
    answer = execute(request, redis=redis, worker="w1", publish=lambda meta: None)
    assert "client is gone" in answer.get("cancelled", ""), answer
    assert left_behind(server) == []


def test_a_cancel_whose_client_took_its_files_back_as_the_worker_started_is_cancelled_not_an_error(
    server: RedisServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C on `roo separate --broker` sets the cancel key and drops the uploaded input; when that
    lands between the worker's first cancel check and its fetch of the input (seen once in a
    fresh-clone CI run), the answer is the cancel, not "0 of 5 chunks (expired or lost in Redis)"."""
    from bridge.queue import blobs

    audio = tmp_path / "in.wav"
    sf.write(audio, np.zeros((RATE, 2), np.float32), RATE, subtype="PCM_16")
    redis = server.client()
    request = _request(server, audio, "raced")
    land_files = blobs.land_files

    def client_cancels_first(client: Any, places: Any) -> Any:
        redis.set("musearoo:cancel:raced", 1)
        blobs.drop(redis, list(request["inputs"].values()))
        return land_files(client, places)

    monkeypatch.setattr(task_module.blobs, "land_files", client_cancels_first)
    monkeypatch.setattr(task_module, "resolve", lambda target: _fake_stems("", redis))
    answer = execute(request, redis=redis, worker="w1", publish=lambda meta: None)
    assert answer.get("cancelled", "").startswith("cancelled as it started"), answer
    assert left_behind(server) == []


def test_a_job_done_before_any_poll_saw_it_run_still_says_which_worker_ran_it(
    server: RedisServer, worker: str, model: Path, tmp_path: Path
) -> None:
    """A daemon that stood still (a full collection, a loaded machine) while a short job ran whole reads
    no running state at all, only the answer: the status still names the worker, from the answer."""
    sf.write(tmp_path / "mix.wav", np.zeros((4800, 2)) + 0.1, 48000, subtype="PCM_16")
    queue = QueueWorker(server.url)
    queue._poll = lambda task_id: ("PENDING", None, True)  # type: ignore[method-assign]  # every poll too early
    messages: list[str] = []
    job = _CliJob(lambda fraction, message: messages.append(message))
    kwargs = {"path": str(tmp_path / "mix.wav"), "out_dir": str(tmp_path / "out"), "model": str(model)}
    try:
        paths = asyncio.run(queue.call(job, SEPARATE, **kwargs))
    finally:
        queue.close()
    assert sorted(paths) == ["bass", "drums", "other", "vocals"]
    assert any(m.endswith(f"(on worker {worker})") for m in messages), messages
