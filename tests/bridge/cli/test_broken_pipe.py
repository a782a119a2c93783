"""A `roo` command whose reader goes away (`roo parse --json | head -c 1`) ends quietly."""

from __future__ import annotations

import subprocess
import sys

import pytest

COMMANDS = [
    ["parse", "make the drums busier", "--json"],
    ["generate", "--genre", "?"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0])
def test_a_closed_pipe_ends_without_a_traceback(args: list[str]) -> None:
    # the read end is closed before the command writes, so its first write meets EPIPE
    proc = subprocess.Popen(
        [sys.executable, "-m", "bridge", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.stderr.close()
    code = proc.wait(timeout=60)
    assert "Traceback" not in err and "BrokenPipeError" not in err, err
    assert code == 141, (code, err)
