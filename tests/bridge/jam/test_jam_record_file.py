"""The jam's record file (issue 31): written on SIGTERM as on Ctrl-C, and an existing file is kept
(refused unless --force on the command line; a new name for /roo/jam/start ... record FILE)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import mido
import pytest

from bridge.cli import main
from bridge.jam.launch import JamOptions
from bridge.jam.record import free_name
from bridge.jam.remote import options_of
from engines.errors import InvalidValue
from tests.conftest import ROOT


def _jam(tmp_path: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MUSEAROO_DATA_DIR": str(tmp_path / "data")}
    env.pop("MUSEAROO_DB", None)
    command = [sys.executable, "-m", "bridge", "jam", "--midi", "jack", "--parts", "drums,bass", *args]
    return subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_the_record_file_is_written_when_the_jam_is_stopped_by_a_signal(
    jack: str, tmp_path: Path, signum: int
) -> None:
    out = tmp_path / "jam.mid"
    proc = _jam(tmp_path, "--tempo", "300", "--record", str(out))
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert "roo jam: playing" in line, line
        time.sleep(4.0)  # a 4-bar phrase at 300 BPM is 3.2 s: one has played
        proc.send_signal(signum)
        rest, _ = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
    assert proc.returncode in (130, 128 + signal.SIGTERM), (proc.returncode, rest)
    assert f"recorded to {out}" in rest, rest
    mid = mido.MidiFile(str(out))
    assert [t.name for t in mid.tracks] == ["drums", "bass"]
    assert sum(1 for t in mid.tracks for m in t if m.type == "note_on") > 0


def test_an_existing_record_file_is_refused_unless_forced_and_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MUSEAROO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("MUSEAROO_DB", raising=False)
    kept = tmp_path / "mine.mid"
    kept.write_bytes(b"an earlier take")
    with pytest.raises(InvalidValue, match="--force"):
        JamOptions(record=str(kept)).check()
    JamOptions(record=str(kept), force=True).check()
    assert main(["jam", "--midi", "jack", "--record", str(kept)]) == 2
    assert "exists" in capsys.readouterr().err
    assert kept.read_bytes() == b"an earlier take"


def test_a_device_started_jam_never_replaces_a_file(tmp_path: Path) -> None:
    kept = tmp_path / "mine.mid"
    kept.write_bytes(b"an earlier take")
    options = options_of(["record", str(kept)])
    assert options.record == str(tmp_path / "mine-2.mid")
    (tmp_path / "mine-2.mid").write_bytes(b"another")
    assert free_name(kept) == tmp_path / "mine-3.mid"
    assert free_name(tmp_path / "new.mid") == tmp_path / "new.mid"
