"""The worker queue's parts without workers: settings, blobs through a real Redis, version checks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from bridge.queue import blobs
from bridge.queue.jobspec import check_versions, versions_for
from bridge.queue.options import queue_from_env
from bridge.queue.settings import LONGEST_JOB_S, make_celery, redact
from bridge.queue.task import execute
from engines.errors import InvalidValue, RooError, WorkerMismatch
from tests.bridge.queue_procs import RedisServer, free_port
from tests.conftest import require_tool

SEPARATE = "engines.separation.files:separate_file"


@pytest.fixture(scope="module")
def redis_client() -> Iterator[object]:
    server = RedisServer(require_tool("redis-server"), free_port())
    server.start()
    yield server.client()
    server.stop()


def test_only_json_crosses_the_queue_and_long_jobs_are_not_redelivered_early() -> None:
    conf = make_celery("redis://:s3cret@127.0.0.1:6390/0").conf
    assert conf.accept_content == ["json"] and conf.result_accept_content == ["json"]
    assert conf.task_serializer == conf.result_serializer == "json"
    assert conf.task_acks_late and conf.task_reject_on_worker_lost and conf.worker_prefetch_multiplier == 1
    assert conf.broker_transport_options["visibility_timeout"] > LONGEST_JOB_S


def test_tls_urls_check_certificates_and_passwords_are_never_shown() -> None:
    conf = make_celery("rediss://:s3cret@gpu.local:6380/0").conf
    assert conf.broker_use_ssl is not None and conf.redis_backend_use_ssl is not None
    assert redact("rediss://:s3cret@gpu.local:6380/0") == "rediss://:***@gpu.local:6380/0"
    with pytest.raises(InvalidValue, match=r"'amqp://:\*\*\*@x:5672/': expected redis://"):
        make_celery("amqp://:pw@x:5672/")


def test_fallback_without_a_broker_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MUSEAROO_BROKER", raising=False)
    assert queue_from_env() is None
    with pytest.raises(InvalidValue, match="--fallback local needs --broker"):
        queue_from_env(fallback="local")


def test_integer_audio_travels_as_flac_float_audio_byte_for_byte(
    redis_client: object, tmp_path: Path
) -> None:
    rng = np.random.default_rng(3)
    audio = (0.3 * rng.standard_normal((5000, 2))).astype(np.float32)
    sf.write(tmp_path / "pcm.wav", audio, 44100, subtype="PCM_24")
    sf.write(tmp_path / "float.wav", audio, 44100, subtype="FLOAT")
    pcm = blobs.put_file(redis_client, tmp_path / "pcm.wav")
    flt = blobs.put_file(redis_client, tmp_path / "float.wav")
    assert (pcm["codec"], pcm["name"], flt["codec"]) == ("flac", "pcm.flac", "raw")
    landed = blobs.land(redis_client, pcm, tmp_path / "out" / "pcm.flac")
    assert np.array_equal(sf.read(landed)[0], sf.read(tmp_path / "pcm.wav")[0])
    copy = blobs.land(redis_client, flt, tmp_path / "out" / "float.wav")
    assert copy.read_bytes() == (tmp_path / "float.wav").read_bytes()


def test_a_damaged_or_expired_file_is_refused_and_not_written(redis_client: object, tmp_path: Path) -> None:
    (tmp_path / "a.mid").write_bytes(b"MThd" + bytes(range(200)) * 50)
    desc = blobs.put_file(redis_client, tmp_path / "a.mid")
    bad = {**desc, "sha256": "0" * 64}
    with pytest.raises(RooError, match=r"'a.mid' from the worker queue is damaged: SHA-256"):
        blobs.land(redis_client, bad, tmp_path / "out" / "a.mid")
    assert not (tmp_path / "out" / "a.mid").exists()
    redis_client.delete(desc["key"])  # type: ignore[attr-defined]
    with pytest.raises(RooError, match=r"has 0 of 1 chunks \(expired or lost in Redis\)"):
        blobs.land(redis_client, desc, tmp_path / "out" / "a.mid")


def test_files_landed_ahead_of_an_answer_are_removed_when_the_job_fails(
    redis_client: object, tmp_path: Path
) -> None:
    import asyncio

    from bridge.queue.follow import forget

    (tmp_path / "a.mid").write_bytes(b"MThd" + bytes(range(200)) * 50)
    (tmp_path / "b.mid").write_bytes(b"MThd" + bytes(range(100)) * 50)
    stored = blobs.put_files(redis_client, {"a.mid": tmp_path / "a.mid", "b.mid": tmp_path / "b.mid"})
    out = tmp_path / "out"

    async def fail_after_landing() -> None:
        early = {
            name: asyncio.ensure_future(asyncio.to_thread(blobs.land, redis_client, desc, out / name))
            for name, desc in stored.items()
        }
        await early["a.mid"]  # one landed, one may still be landing as the job fails
        forget(early)
        await asyncio.gather(*early.values())
        await asyncio.sleep(0)  # the done callbacks run

    asyncio.run(fail_after_landing())
    assert not list(out.iterdir())  # nothing of the failed job is left where results belong


def test_a_worker_with_other_versions_refuses_the_job_by_name(tmp_path: Path) -> None:
    kwargs = {"path": "/a.wav", "out_dir": "/o", "model": "htdemucs"}
    sent = versions_for(SEPARATE, kwargs)
    check_versions("w1", SEPARATE, kwargs, sent)  # the same versions pass
    with pytest.raises(
        WorkerMismatch, match=r"queue worker w1 runs musearoo version '0\.1\.0\+[0-9a-f]{12}'"
    ):
        check_versions("w1", SEPARATE, kwargs, {**sent, "musearoo": "0.0.9+old"})
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "tiny.yaml").write_text("a")
    folder = {**kwargs, "model": str(tmp_path / "m")}
    sent = versions_for(SEPARATE, folder)
    (tmp_path / "m" / "tiny.yaml").write_text("b")  # the worker's copy of the model differs
    with pytest.raises(WorkerMismatch, match="runs model version 'folder:"):
        check_versions("w1", SEPARATE, folder, sent)


def test_the_worker_answers_a_mismatch_as_a_named_error(redis_client: object) -> None:
    request = {
        "target": SEPARATE,
        "kwargs": {"path": "/a.wav", "out_dir": "/o", "model": "htdemucs"},
        "versions": {"musearoo": "0.0.9+old", "model": "htdemucs"},
        "cancel_key": "musearoo:cancel:test",
    }
    answer = execute(request, redis=redis_client, worker="w1", publish=lambda meta: None)
    assert answer["error"][:2] == ["engines.errors", "WorkerMismatch"]
    assert "0.0.9+old" in answer["error"][2]


def test_doctor_names_an_unreachable_broker_and_a_queue_without_workers(redis_client: object) -> None:
    from bridge.queue.doctor import queue_checks

    gone = f"redis://127.0.0.1:{free_port()}/0"
    (check,) = queue_checks(gone)
    assert not check.ok and check.detail.startswith(f"worker queue unreachable at {gone}")
    port = redis_client.connection_pool.connection_kwargs["port"]  # type: ignore[attr-defined]
    (check,) = queue_checks(f"redis://127.0.0.1:{port}/0")
    assert not check.ok and "no worker is registered" in check.detail and "roo worker --broker" in check.fix


def test_with_fallback_local_a_gone_broker_runs_the_job_here_and_says_so(tmp_path: Path) -> None:
    import asyncio

    from bridge.jobs.board import Job
    from bridge.queue import QueueWorker
    from engines.errors import QueueUnreachable
    from engines.separation.random_model import save_random_model

    model = str(save_random_model(tmp_path / "model", "tiny", seed=5))
    sf.write(tmp_path / "mix.wav", np.zeros((4800, 2)) + 0.1, 48000, subtype="PCM_16")
    kwargs = {"path": str(tmp_path / "mix.wav"), "model": model, "exact_sum": True}
    gone = f"redis://127.0.0.1:{free_port()}/0"
    messages: list[str] = []

    class Recorded(Job):
        def report(self, fraction: float, message: str = "") -> None:
            messages.append(message)

    strict = QueueWorker(gone)
    with pytest.raises(QueueUnreachable, match=f"worker queue unreachable at {gone}"):
        asyncio.run(
            strict.call(
                Recorded(1, "separate", ("127.0.0.1", 9)), SEPARATE, out_dir=str(tmp_path / "a"), **kwargs
            )
        )
    lenient = QueueWorker(gone, fallback_local=True)
    try:
        job = Recorded(2, "separate", ("127.0.0.1", 9))
        paths = asyncio.run(lenient.call(job, SEPARATE, out_dir=str(tmp_path / "b"), **kwargs))
    finally:
        lenient.close()
    assert sorted(paths) == ["bass", "drums", "other", "vocals"]
    assert all(Path(p).parent == tmp_path / "b" for p in paths.values())
    assert any(
        m.startswith(f"worker queue unreachable at {gone}") and "running it on the local worker" in m
        for m in messages
    )


def test_a_model_loaded_at_worker_start_is_warmed_and_later_results_do_not_change(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import logging
    import random

    from bridge.queue.serve_worker import preload
    from engines.separation import load_model, separate
    from engines.separation.random_model import save_random_model

    model = str(save_random_model(tmp_path / "model", "tiny", seed=7))
    mix = (0.2 * np.random.default_rng(4).standard_normal((3 * 44100, 2))).astype(np.float32)
    first = separate(mix, 44100, load_model(model), seed=3)
    state = random.getstate()
    with caplog.at_level(logging.INFO, logger="bridge.queue"):
        assert preload([f"separate:{model}"]) == [f"separate:{model}"]
    assert any(r.getMessage().startswith(f"warmed separate:{model} in ") for r in caplog.records)
    assert random.getstate() == state  # the warm-up drew nothing from the job's random numbers
    after = separate(mix, 44100, load_model(model), seed=3)
    assert all(np.array_equal(first[name], after[name]) for name in first)
