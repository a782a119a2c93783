"""A separation through the real daemon and model worker is a take whose stems are stored by hash."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
import soundfile as sf

from bridge import protocol
from bridge.history import open_store
from engines.separation.random_model import save_random_model
from tests.bridge.actions.separate.test_separate_request import STEMS, live_with, separate, track_names
from tests.bridge.harness import Client, running_daemon


@pytest.fixture
def model_dir(tmp_path: Path) -> Path:
    return save_random_model(tmp_path / "model", "tiny", seed=5)


@pytest.fixture
def song_file(tmp_path: Path) -> Path:
    import numpy as np

    path = tmp_path / "Song Mix.wav"
    sf.write(path, 0.2 * np.random.default_rng(9).standard_normal((2 * 48000 + 11, 2)).clip(-5, 5) / 5, 48000)
    return path


def test_stems_are_a_take_stored_by_hash_and_recalled(
    tmp_path: Path, model_dir: Path, song_file: Path
) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path / "data")
    live = live_with(song_file)
    try:
        with pytest.MonkeyPatch.context() as env:
            env.setenv("MUSEAROO_STEMS_DIR", str(tmp_path / "stems"))
            with running_daemon(live_port=live.port, history=store) as daemon:
                client = Client(daemon.port)
                track = track_names(live).index("Mix")
                status, result = separate(client, track, 1, str(model_dir))
                assert status[1] == "done", status
                found = re.search(r"\(take ([0-9a-f]{12})\)", status[3])
                assert found and result is not None
                take = store.get(found.group(1))
                assert take.action == "separate" and take.live == {"track": track + 1, "slot": 1, "tracks": 4}
                outputs = {o["name"]: o for o in take.outputs}
                assert list(outputs) == list(STEMS)
                for stem, source in result["files"].items():
                    out = outputs[stem]
                    stored = Path(out["path"])
                    assert stored.is_relative_to(tmp_path / "data" / "audio")
                    assert out["sha256"] == hashlib.sha256(stored.read_bytes()).hexdigest()
                    assert stored.read_bytes() == Path(source).read_bytes()
                    info = sf.info(source)
                    assert (out["frames"], out["sample_rate"]) == (info.frames, info.samplerate)
                assert store.check() == []
                client.send(protocol.HISTORY_RECALL, take.take_id, "track", track + 1, "slot", 5)
                _, state, _, message = client.wait_final(timeout=30)
                assert state == "done" and "drums in track" in message, message
                recalls = re.search(r"\(take ([0-9a-f, ]+)\)", message)
                assert recalls, message
                for recall_id in recalls.group(1).split(", "):  # each stem recalled is a take, its child
                    again = store.get(recall_id)
                    assert again.action == "recall" and again.parent_id == take.take_id
                    assert again.outputs[0]["sha256"] == outputs[again.outputs[0]["name"]]["sha256"]
                props = live.clip_properties(track + 1, 5)
                assert (
                    props is not None
                    and props["is_audio_clip"]
                    and props["file_path"] == outputs["drums"]["path"]
                )
                client.close()
    finally:
        live.stop()
