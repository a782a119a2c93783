"""roo separate and roo musicgen offline without cached weights fail at once with roo doctor's fix."""

from __future__ import annotations

import socket
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from bridge.cli import main
from bridge.jobs.weights import demucs_checkpoints, reachable, require_demucs, require_musicgen
from bridge.setup.doctor import demucs_weights_check, musicgen_weights_check


@pytest.fixture
def offline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Empty model caches and no network (every outside connection refused, as on a plane)."""
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    monkeypatch.setenv("TORCH_HOME", str(tmp_path / "torch"))
    real = socket.create_connection

    def no_network(address: tuple[str, int], *args: object, **kwargs: object) -> socket.socket:
        if address[0] not in ("127.0.0.1", "localhost"):
            raise socket.gaierror(-2, "Name or service not known")
        return real(address, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "create_connection", no_network)
    return tmp_path


@pytest.mark.parametrize("hub_offline", ["1", "0"])
def test_separate_fails_at_once_with_the_doctor_fix(
    offline: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], hub_offline: str
) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", hub_offline)
    sf.write(offline / "mix.wav", np.zeros(4410), 44100)
    assert main(["separate", str(offline / "mix.wav"), "--out", str(offline / "stems")]) == 2
    err = capsys.readouterr().err
    assert "demucs model 'htdemucs' is not cached" in err and demucs_weights_check().fix in err
    # the fix says what a model folder holds, not only that one can be passed
    assert "<signature>.th" in err and "htdemucs.yaml" in err
    assert "Downloading" not in err and "Retrying" not in err
    assert not (offline / "stems").exists()


@pytest.mark.parametrize("hub_offline", ["1", "0"])
def test_musicgen_fails_at_once_with_the_doctor_fix(
    offline: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], hub_offline: str
) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", hub_offline)
    out = offline / "loop.wav"
    assert main(["musicgen", "drums", "--bars", "1", "--tempo", "120", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "MusicGen model 'small' (facebook/musicgen-small) is not cached" in err
    assert musicgen_weights_check().fix in err and not out.exists()
    assert "save_pretrained" in err and "config.json" in err


def test_cached_weights_and_model_folders_pass_the_check(offline: Path, tmp_path: Path) -> None:
    (offline / "hf" / "hub" / "models--facebook--musicgen-small").mkdir(parents=True)
    require_musicgen("small")  # cached: the loader takes over
    files = demucs_checkpoints("htdemucs")
    assert files and all(f.endswith(".th") for f in files)
    checkpoints = offline / "torch" / "hub" / "checkpoints"
    checkpoints.mkdir(parents=True)
    for name in files:
        (checkpoints / name).write_bytes(b"")
    require_demucs("htdemucs")
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "mine.yaml").write_text("models: []\n")
    require_demucs(str(tmp_path / "mine"))  # a folder is the loader's to judge


def test_reachable_opens_a_connection() -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        assert reachable("127.0.0.1", port, timeout_s=1.0)
    assert not reachable("127.0.0.1", port, timeout_s=1.0)
