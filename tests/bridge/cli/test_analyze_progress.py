"""roo analyze shows a progress bar on a terminal, none when piped or with --json (real processes, a pty)."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
import soundfile as sf

from tests.conftest import ROOT
from tests.engines.analysis.synth import SR, progression


@pytest.fixture(scope="module")
def song(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("audio") / "song.wav"
    sf.write(path, progression(["A:min", "F:maj"], 120.0), SR)
    return path


def analyze(song: Path, *extra: str, terminal: bool) -> tuple[str, str]:
    """Run ``roo analyze`` with stderr on a pseudo-terminal (or a pipe); returns (stdout, stderr)."""
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "MUSEAROO_CACHE_DIR": str(song.parent)}
    env.pop("NO_COLOR", None)
    command = [sys.executable, "-m", "bridge", "analyze", str(song), "--no-cache", *extra]
    if not terminal:
        proc = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        return proc.stdout, proc.stderr
    leader, follower = pty.openpty()
    with subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=follower) as proc:
        os.close(follower)
        seen, end = b"", time.monotonic() + 120.0
        while True:
            assert time.monotonic() < end, f"roo analyze did not end within 120 s: {seen[-500:]!r}"
            if not select.select([leader], [], [], 0.5)[0]:  # nothing to read yet: wait, then look again
                continue
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal closed: the process ended
                break
            if not chunk:
                break
            seen += chunk
        assert proc.stdout is not None
        out = proc.stdout.read().decode()
        assert proc.wait(60) == 0, seen
    os.close(leader)
    return out, seen.decode(errors="replace")


def test_a_terminal_gets_a_progress_bar(song: Path) -> None:
    out, err = analyze(song, terminal=True)
    assert "analysing" in err and "%" in err
    assert out.startswith("file:") and "analysing" not in out


def test_none_when_piped_or_json(song: Path) -> None:
    _out, err = analyze(song, terminal=False)
    assert "analysing" not in err
    out, err = analyze(song, "--json", terminal=True)
    assert "analysing" not in err and out.startswith("{")
