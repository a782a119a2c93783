"""Heavy jobs through a real redis-server and two real `roo worker` processes (Celery).

The daemon runs with $MUSEAROO_BROKER set, so /roo/separate and /roo/musicgen go to the queue;
the results must be the in-process results sample for sample, in the daemon's folders.
"""

from __future__ import annotations

import itertools
import json
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile as sf

from bridge import protocol
from livesim.host import LiveHost
from livesim.live_set import parse_set
from tests.bridge.harness import Client, running_daemon
from tests.bridge.queue_procs import (
    RedisServer,
    start_worker,
    started_redis,
    stop_worker,
    wait_for_workers,
    workers,
)

RATE = 48000
SHORT_S = (0.25, 1.0)  # the Mix clip's start and end markers (seconds)


@pytest.fixture(scope="module")
def server() -> Iterator[RedisServer]:
    yield from started_redis()


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from engines.musicgen.random_model import save_random_model as save_musicgen
    from engines.separation.random_model import save_random_model as save_demucs

    return {
        "separate": save_demucs(tmp_path_factory.mktemp("demucs"), "tiny", seed=5),
        "musicgen": save_musicgen(tmp_path_factory.mktemp("musicgen"), seed=21),
    }


@pytest.fixture(scope="module")
def pool(
    server: RedisServer, models: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, Any]]:
    logs = tmp_path_factory.mktemp("worker-logs")
    specs = [f"separate:{models['separate']}"]  # MusicGen loads on its first job (imports take long)
    procs = [start_worker(server.url, f"test-{n}", specs, logs / f"w{n}.log") for n in (1, 2)]
    try:
        wait_for_workers(server.client(), 2)
        yield {"procs": procs, "logs": logs}
    finally:
        for proc in procs:
            stop_worker(proc)


@pytest.fixture(scope="module")
def audio(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("audio")
    rng = np.random.default_rng(9)
    short = (0.2 * rng.standard_normal((RATE * 3 // 2, 2))).clip(-1, 1)
    sf.write(folder / "mix.wav", short, RATE, subtype="PCM_24")
    sf.write(folder / "long.wav", np.tile(short, (8, 1)), RATE, subtype="PCM_16")  # 12 s: many segments
    return {"short": folder / "mix.wav", "long": folder / "long.wav"}


@pytest.fixture
def live(audio: dict[str, Path]) -> Iterator[LiveHost]:
    mix = {"slot": 0, "name": "Mix", "file": str(audio["short"]), "warping": False}
    mix.update(start_marker=SHORT_S[0], end_marker=SHORT_S[1])
    long = {"slot": 0, "name": "Long", "file": str(audio["long"]), "warping": False}
    tracks = [
        {"type": "audio", "name": "Mix", "clips": [mix]},
        {"type": "audio", "name": "Long", "clips": [long]},
    ]
    host = LiveHost(parse_set({"tempo": 100, "tracks": tracks}), port=0).start_in_thread()
    yield host
    host.stop()


@pytest.fixture
def daemon_client(
    server: RedisServer, pool: dict[str, Any], live: LiveHost, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Client, Client, Any]]:
    """The real daemon with $MUSEAROO_BROKER set; a client for jobs, one for pings, the daemon."""
    monkeypatch.setenv("MUSEAROO_BROKER", server.url)
    monkeypatch.setenv("MUSEAROO_STEMS_DIR", str(tmp_path / "stems"))
    monkeypatch.setenv("MUSEAROO_LOOPS_DIR", str(tmp_path / "loops"))
    with running_daemon(live_port=live.port) as daemon:
        jobs, pings = Client(daemon.port), Client(daemon.port)
        yield jobs, pings, daemon
        jobs.close()
        pings.close()


def run_job(
    client: Client, address: str, *args: Any, timeout: float = 120
) -> tuple[list[Any], Any, list[tuple[float, list[Any]]]]:
    """Send a job; returns its final status, its /roo/result payload and every status with its time."""
    client.send(address, *args)
    result, statuses = None, []
    end = time.monotonic() + timeout
    while True:
        got, reply = client.recv(max(0.01, end - time.monotonic()))
        if got == protocol.RESULT:
            result = json.loads(reply[2])
        elif got == protocol.STATUS:
            statuses.append((time.monotonic(), reply))
            if reply[1] in protocol.FINAL_STATES:
                return reply, result, statuses


def wait_running(client: Client, address: str, *args: Any) -> tuple[int, str]:
    """Send a job and wait until a worker is separating; returns the job id and the worker's name."""
    client.send(address, *args)
    end = time.monotonic() + 120
    while True:
        got, reply = client.recv(max(0.01, end - time.monotonic()))
        if got == protocol.STATUS and reply[1] in protocol.FINAL_STATES:
            raise AssertionError(f"the job ended before it ran: {reply}")
        if got == protocol.STATUS and reply[3].startswith("separating") and "(on worker " in reply[3]:
            return int(reply[0]), reply[3].rsplit("(on worker ", 1)[1].rstrip(")")


@pytest.fixture
def one_thread() -> None:
    """Torch here with one thread, as the workers run (OMP_NUM_THREADS=1): same sums, same samples."""
    import torch

    torch.set_num_threads(1)


def same_samples(a: str | Path, b: str | Path) -> bool:
    first, rate_a = sf.read(a, dtype="float32", always_2d=True)
    second, rate_b = sf.read(b, dtype="float32", always_2d=True)
    return rate_a == rate_b and first.shape == second.shape and bool(np.array_equal(first, second))


def test_separation_on_the_queue_equals_in_process_with_progress_each_second(
    daemon_client: tuple[Client, Client, Any], models: dict[str, Path], audio: dict[str, Path], tmp_path: Path
) -> None:
    import torch

    from engines.separation.files import separate_file

    jobs, _, _ = daemon_client
    status, result, statuses = run_job(jobs, protocol.SEPARATE, 0, 0, str(models["separate"]))
    assert status[1] == "done", status
    assert any("(on worker test-" in s[3] for _, s in statuses if s[1] == "running")
    # progress each second from the queue's first word to the end: a short job may say one status
    # before it is done, a long one many; neither leaves a second without news
    queued = [t for t, s in statuses if "(on worker " in s[3] or "queue worker" in s[3]]
    assert queued, statuses
    heard = [*queued, statuses[-1][0]]  # the final status ends the last gap
    assert max(b - a for a, b in itertools.pairwise(heard)) < 1.0, statuses
    torch.set_num_threads(1)  # as the workers run (OMP_NUM_THREADS=1)
    local = separate_file(
        path=str(audio["short"]),
        out_dir=str(tmp_path / "local"),
        model=str(models["separate"]),
        exact_sum=True,
        start_s=SHORT_S[0],
        end_s=SHORT_S[1],
    )
    assert list(result["files"]) == list(local)
    for stem, path in result["files"].items():
        assert Path(path).parent.parent == tmp_path / "stems"  # landed in the daemon's folder
        assert sf.info(path).frames == round((SHORT_S[1] - SHORT_S[0]) * RATE)
        assert same_samples(path, local[stem]), stem


def test_doctor_lists_the_workers_with_their_devices_and_warm_models(
    server: RedisServer, pool: dict[str, Any], models: dict[str, Path]
) -> None:
    from bridge.queue.doctor import queue_checks

    checks = queue_checks(server.url)
    assert checks[0].ok and "2 worker(s)" in checks[0].detail
    lines = {c.name: c for c in checks[1:]}
    assert {name.split("/")[0] for name in lines} == {"worker test-1", "worker test-2"}
    for check in lines.values():
        assert check.ok and "device CPU" in check.detail
        assert f"warm models: separate:{models['separate']}" in check.detail


def test_musicgen_on_the_queue_equals_in_process_for_the_same_seed(
    daemon_client: tuple[Client, Client, Any], models: dict[str, Path], tmp_path: Path, one_thread: None
) -> None:
    from engines.musicgen.pipeline import render_loop

    jobs, _, _ = daemon_client
    status, result, _ = run_job(
        jobs, protocol.MUSICGEN, "lofi drum beat", 1, "model", str(models["musicgen"]), "seed", 4
    )
    assert status[1] == "done", status
    assert Path(result["path"]).parent == tmp_path / "loops"
    local = render_loop(
        "lofi drum beat",
        out_path=str(tmp_path / "local.wav"),
        bars=1,
        tempo_bpm=100.0,
        model=str(models["musicgen"]),
        seed=4,
        sample_rate_hz=48000,
    )
    assert result["frames"] == local["frames"] == sf.info(result["path"]).frames
    assert same_samples(result["path"], local["path"])


def test_musicgen_variations_on_the_queue_land_each_take_with_its_seed_as_in_process(
    daemon_client: tuple[Client, Client, Any],
    live: LiveHost,
    models: dict[str, Path],
    tmp_path: Path,
    one_thread: None,
) -> None:
    from engines.musicgen.pipeline import render_loop

    jobs, _, _ = daemon_client
    status, result, _ = run_job(
        jobs,
        protocol.MUSICGEN,
        "lofi drum beat",
        1,
        "model",
        str(models["musicgen"]),
        "seed",
        7,
        "variations",
        3,
    )
    assert status[1] == "done", status
    local = render_loop(
        "lofi drum beat",
        out_path=str(tmp_path / "local.wav"),
        bars=1,
        tempo_bpm=100.0,
        model=str(models["musicgen"]),
        seed=7,
        sample_rate_hz=48000,
        variations=3,
    )
    takes = result["takes"]
    assert [t["seed"] for t in takes] == [t["seed"] for t in local["takes"]] == [7, 8, 9]
    assert len({t["path"] for t in takes}) == 3
    for queued, here in zip(takes, local["takes"], strict=True):
        assert Path(queued["path"]).parent == tmp_path / "loops"  # landed in the daemon's folder
        assert queued["frames"] == here["frames"] == sf.info(queued["path"]).frames
        assert same_samples(queued["path"], here["path"]), queued["seed"]
    track = takes[0]["track"]
    files = live.call(lambda: [live.song.tracks[track].clip_slots[t["slot"]].clip.file_path for t in takes])
    assert files == [t["path"] for t in takes]


def test_roo_separate_with_broker_writes_what_it_writes_in_process(
    server: RedisServer, pool: dict[str, Any], models: dict[str, Path], audio: dict[str, Path], tmp_path: Path
) -> None:
    from bridge.cli import main

    common = [str(audio["short"]), "--model", str(models["separate"]), "--start", "0.5", "--exact-sum"]
    assert main(["separate", *common, "--out", str(tmp_path / "queued"), "--broker", server.url]) == 0
    assert main(["separate", *common, "--out", str(tmp_path / "here")]) == 0
    for stem in ("drums", "bass", "other", "vocals"):
        assert same_samples(tmp_path / "queued" / f"{stem}.wav", tmp_path / "here" / f"{stem}.wav"), stem


def test_the_take_prepared_while_idle_is_rendered_on_a_queue_worker_and_served_to_vary(
    server: RedisServer,
    pool: dict[str, Any],
    live: LiveHost,
    models: dict[str, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MUSEAROO_BROKER", server.url)
    monkeypatch.setenv("MUSEAROO_LOOPS_DIR", str(tmp_path / "loops"))
    monkeypatch.setenv("MUSEAROO_PREPARE", "1")
    monkeypatch.setenv("MUSEAROO_PREPARE_IDLE_S", "0.2")
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            status, _, _ = run_job(
                client, protocol.MUSICGEN, "lofi", 1, "model", str(models["musicgen"]), "seed", 4
            )
            assert status[1] == "done", status
            preparer = daemon.preparer
            end = time.monotonic() + 120
            while preparer.ready is None:
                assert time.monotonic() < end, "no take was prepared on the queue"
                time.sleep(0.05)
            prepared = preparer.ready
            assert prepared.path.parent == tmp_path / "loops"  # landed here from the worker
            assert len(daemon.queue.timings) == 2  # the loop, then its next take: both on the queue
            status, _, _ = run_job(client, protocol.COMMAND, "give me another")
            assert status[1] == "done" and "(prepared)" in status[3], status
            assert preparer.served == [prepared.job_id]
        finally:
            client.close()


def test_cancel_stops_the_worker_at_once_and_it_serves_the_next_job(
    daemon_client: tuple[Client, Client, Any], server: RedisServer, models: dict[str, Path]
) -> None:
    jobs, _, _ = daemon_client
    job_id, worker = wait_running(jobs, protocol.SEPARATE, 1, 0, str(models["separate"]))
    jobs.send(protocol.CANCEL, job_id)
    cancelled_at = time.monotonic()
    final = jobs.wait_final(timeout=30)
    assert final[0] == job_id and final[1] == "cancelled", final
    while workers(server.client())[worker]["busy"]:
        assert time.monotonic() - cancelled_at < 1.0, "the worker still runs the cancelled job after 1 s"
        time.sleep(0.02)
    status, result, _ = run_job(jobs, protocol.SEPARATE, 0, 0, str(models["separate"]))
    assert status[1] == "done" and len(result["files"]) == 4, status


def test_a_killed_worker_is_named_and_the_job_retried_on_the_other_while_the_daemon_answers(
    daemon_client: tuple[Client, Client, Any], models: dict[str, Path]
) -> None:
    jobs, pings, daemon = daemon_client
    daemon.queue.retries = 1  # what `roo serve --retries 1` sets
    job_id, worker = wait_running(jobs, protocol.SEPARATE, 1, 0, str(models["separate"]))
    os.kill(int(worker.rsplit("/", 1)[1]), signal.SIGKILL)
    pings.send(protocol.PING, 7)
    assert pings.wait_for(protocol.PONG, timeout=2)[-1] == 7
    final, result, statuses = wait_final_collecting(jobs, job_id)
    lost = f"queue worker {worker} stopped while running separate_file"
    assert any(lost in s[3] and "sending it again (retry 1)" in s[3] for _, s in statuses), statuses
    assert final[1] == "done", final
    assert len(result["files"]) == 4 and any(
        "(on worker test-" in s[3] and worker not in s[3] for _, s in statuses
    )
    pings.send(protocol.PING, 8)
    assert pings.wait_for(protocol.PONG, timeout=2)[-1] == 8


def wait_final_collecting(
    client: Client, job_id: int
) -> tuple[list[Any], Any, list[tuple[float, list[Any]]]]:
    result, statuses = None, []
    end = time.monotonic() + 120
    while True:
        got, reply = client.recv(max(0.01, end - time.monotonic()))
        if got == protocol.RESULT:
            result = json.loads(reply[2])
        elif got == protocol.STATUS and reply[0] == job_id:
            statuses.append((time.monotonic(), reply))
            if reply[1] in protocol.FINAL_STATES:
                return reply, result, statuses


def test_redis_gone_mid_job_is_named_and_the_queue_comes_back_without_a_restart(
    daemon_client: tuple[Client, Client, Any], server: RedisServer, models: dict[str, Path]
) -> None:
    jobs, pings, _ = daemon_client
    job_id, _ = wait_running(jobs, protocol.SEPARATE, 1, 0, str(models["separate"]))
    server.stop()
    try:
        final = jobs.wait_final(timeout=30)
        assert final[0] == job_id and final[1] == "failed", final
        assert f"worker queue unreachable at {server.url}" in final[3]
        status, _, _ = run_job(jobs, protocol.SEPARATE, 0, 0, str(models["separate"]), timeout=30)
        assert status[1] == "failed" and "worker queue unreachable" in status[3], status
        pings.send(protocol.PING, 9)
        assert pings.wait_for(protocol.PONG, timeout=2)[-1] == 9
    finally:
        server.start()
    wait_for_workers(server.client(), 1)
    status, result, _ = run_job(jobs, protocol.SEPARATE, 0, 0, str(models["separate"]))
    assert status[1] == "done" and len(result["files"]) == 4, status
