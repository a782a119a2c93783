"""An analysis job through a real redis-server and a real `roo worker`: it comes back with its
beats, downbeats, key and chords, the same as the analysis run here, and as the music played.

The audio is a synthetic chord progression over a click track (C G Am F, one chord a bar at
120 BPM); `roo analyze FILE --broker URL --json` sends it to the worker (no shared cache:
``--no-cache``), and the answer is compared with ``analyze_file`` run in this process and with
the progression written here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import soundfile as sf

from tests.bridge.queue_procs import RedisServer, start_worker, started_redis, stop_worker, wait_for_workers
from tests.conftest import ROOT
from tests.engines.analysis.synth import SR, progression

PROGRESSION = ["C:maj", "G:maj", "A:min", "F:maj"] * 2  # 16 s at 120 BPM, a bar (2 s) each


@pytest.fixture(scope="module")
def server() -> Iterator[RedisServer]:
    yield from started_redis()


@pytest.fixture(scope="module")
def worker(server: RedisServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    log = tmp_path_factory.mktemp("worker") / "worker.log"
    proc = start_worker(server.url, "test-analysis", [], log)
    try:
        wait_for_workers(server.client(), 1)
        yield log
    finally:
        stop_worker(proc)


def analyze_on_the_queue(url: str, path: Path, backend: str, cache: Path) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1", "XDG_CACHE_HOME": str(cache)}
    command = [sys.executable, "-m", "bridge", "analyze", str(path), "--broker", url, "--json"]
    done = subprocess.run(
        [*command, "--no-cache", "--backend", backend],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def chord_at(chords: list[dict[str, Any]], t: float) -> str:
    return next((c["label"] for c in chords if c["start_s"] <= t < c["end_s"]), "none")


@pytest.mark.parametrize("backend", ["madmom", "librosa"])
def test_an_analysis_through_the_queue_comes_back_whole(
    server: RedisServer, worker: Path, tmp_path: Path, backend: str
) -> None:
    from engines.analysis.cache import analyze_file

    audio = tmp_path / "progression.wav"
    sf.write(audio, progression(PROGRESSION, 120.0), SR, subtype="PCM_16")
    queued = analyze_on_the_queue(server.url, audio, backend, tmp_path / "cache")
    local = analyze_file(audio, backend=backend, use_cache=False).to_dict()

    # What was played, written here: a bar of each chord, 2 s each, in C major, 4/4 at 120 BPM.
    assert queued["key"] == "C major"
    assert [chord_at(queued["chords"], 2.0 * bar + 1.0) for bar in range(8)] == PROGRESSION
    assert queued["tempo_bpm"] == pytest.approx(120.0, rel=0.02)
    assert len(queued["beats_s"]) >= 28 and len(queued["downbeats_s"]) >= 6
    assert queued["time_signature"] == [4, 4] and queued["backend"] == backend

    # And the same as the analysis run in this process, field by field.
    assert queued["chords"] == local["chords"]
    assert queued["key"] == local["key"] and queued["time_signature"] == local["time_signature"]
    assert queued["beats_s"] == pytest.approx(local["beats_s"], abs=1e-3)
    assert queued["downbeats_s"] == pytest.approx(local["downbeats_s"], abs=1e-3)
    assert queued["tempo_bpm"] == pytest.approx(local["tempo_bpm"], abs=1e-3)
    assert queued["key_confidence"] == pytest.approx(local["key_confidence"], abs=1e-3)
    assert set(queued) == set(local)
