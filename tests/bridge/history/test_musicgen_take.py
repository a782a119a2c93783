"""A MusicGen loop through the daemon and model worker is a take: its file stored by hash, its seed."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from bridge import protocol
from bridge.history import open_store
from engines.musicgen.random_model import save_random_model
from livesim.host import LiveHost
from tests.bridge.actions.musicgen.test_musicgen_action import musicgen
from tests.bridge.harness import Client, running_daemon


@pytest.fixture
def live() -> Iterator[LiveHost]:
    host = LiveHost(port=0).start_in_thread()
    yield host
    host.stop()


def test_a_loop_is_a_take_with_its_audio_and_seed(
    live: LiveHost, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tiny = save_random_model(tmp_path / "model", seed=21)
    monkeypatch.setenv("MUSEAROO_LOOPS_DIR", str(tmp_path / "loops"))
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    store = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path / "data")
    with running_daemon(live_port=live.port, history=store) as daemon:
        client = Client(daemon.port)
        try:
            (_job, state, _, message), result = musicgen(
                client, "lofi drum beat", 1, "model", str(tiny), "seed", 4
            )
            client.send(protocol.COMMAND, "another take")  # a vary of the loop
            _, again_state, _, again = client.wait_final(timeout=120)
        finally:
            client.close()
    assert state == "done" and result is not None, message
    found = re.search(r"\(take ([0-9a-f]{12})\)", str(message))
    assert found, message
    take = store.get(found.group(1))
    assert take.action == "musicgen" and take.seed == 4 and take.params["prompt"] == "lofi drum beat"
    assert take.live == {"track": result["track"], "slot": result["slot"]}
    (out,) = take.outputs
    assert out["frames"] == result["frames"] and out["sample_rate"] == 48000
    props = live.clip_properties(int(str(result["track"])), int(str(result["slot"])))
    assert props is not None
    assert hashlib.sha256(Path(props["file_path"]).read_bytes()).hexdigest() == out["sha256"]
    assert store.check() == []
    assert again_state == "done", again
    varied = store.get(re.findall(r"\(take ([0-9a-f]{12})\)", str(again))[-1])
    assert varied.action == "musicgen" and varied.parent_id == take.take_id  # the loop it varies
    store.close()
