"""`roo jam --midi jack` with no JACK server: one line that names `jackd -S -d dummy`, none of libjack's
own noise (issue 30, point 7: five lines of "Cannot connect to server socket ..." before)."""

from __future__ import annotations

import os
import subprocess
import sys


def test_no_jack_server_says_how_to_start_one() -> None:
    env = dict(os.environ, JACK_DEFAULT_SERVER=f"roo-none-{os.getpid()}", JACK_NO_START_SERVER="1")
    done = subprocess.run(
        [sys.executable, "-m", "bridge", "jam", "--midi", "jack", "--bars", "1"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert done.returncode != 0
    assert "jackd -S -d dummy" in done.stderr, done.stderr
    noise = ("Cannot connect to server", "JackShmReadWritePtr", "jack server is not running")
    assert not any(line in done.stderr for line in noise), done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
