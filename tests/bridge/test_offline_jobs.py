"""/roo/separate and /roo/musicgen offline without cached weights fail at once with roo doctor's fix."""

from __future__ import annotations

import socket
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from bridge import protocol
from bridge.setup.doctor import demucs_weights_check, musicgen_weights_check
from livesim.host import LiveHost
from livesim.live_set import parse_set
from tests.bridge.harness import Client, running_daemon


@pytest.fixture
def offline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Empty model caches and no network beyond loopback."""
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    monkeypatch.setenv("TORCH_HOME", str(tmp_path / "torch"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "0")
    monkeypatch.setenv("MUSEAROO_STEMS_DIR", str(tmp_path / "stems"))
    monkeypatch.setenv("MUSEAROO_LOOPS_DIR", str(tmp_path / "loops"))
    real = socket.create_connection

    def no_network(address: tuple[str, int], *args: object, **kwargs: object) -> socket.socket:
        if address[0] not in ("127.0.0.1", "localhost"):
            raise socket.gaierror(-2, "Name or service not known")
        return real(address, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "create_connection", no_network)
    return tmp_path


def final(live: LiveHost, *request: object) -> tuple[str, str]:
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        client.send(*request)
        _job, state, _progress, message = client.wait_final(timeout=30.0)
        client.close()
    return str(state), str(message)


def test_musicgen_job_fails_at_once(offline: Path) -> None:
    with LiveHost(port=0) as live:
        state, message = final(live, protocol.MUSICGEN, "lofi drums", 1)
    assert state == "failed"
    assert "MusicGen model 'small' (facebook/musicgen-small) is not cached" in message
    assert musicgen_weights_check().fix in message
    assert not (offline / "loops").exists()


def test_separate_job_fails_at_once(offline: Path) -> None:
    path = offline / "mix.wav"
    sf.write(path, np.zeros((4800, 2)), 48000)
    clip = {"slot": 0, "name": "Mix", "file": str(path), "warping": False}
    desc = parse_set({"tracks": [{"type": "audio", "name": "Mix", "clips": [clip]}]})
    with LiveHost(desc, port=0) as live:
        state, message = final(live, protocol.SEPARATE, 0, 0)
    assert state == "failed"
    assert "demucs model 'htdemucs' is not cached" in message and demucs_weights_check().fix in message
    assert not (offline / "stems").exists()
