"""The README's Arrangement examples, run in order as a new user would (issue 57, item 6): every
`roo send` line from the quick start's block to the Arrangement's offline block, through the real
`roo send` against the daemon (with a take history, as `roo serve` runs) and the in-memory Live
`roo sim` starts; each must end done. The block that needs model weights is left out (said so there)."""

from __future__ import annotations

import shlex
from collections.abc import Iterator
from pathlib import Path

import pytest

from bridge.cli import main
from bridge.history import open_store
from livesim.host import LiveHost
from tests.bridge.harness import running_daemon

ROOT = Path(__file__).resolve().parents[1]
FROM = ".venv/bin/roo sim &"  # the quick start's block
TO = "With the MIDI-GPT and Demucs weights"  # the examples after this need model weights


def readme_sends() -> list[list[str]]:
    text = (ROOT / "README.md").read_text()
    start = text.index(FROM)
    lines = text[start : text.index(TO, start)].splitlines()
    sends = [
        shlex.split(line.split(" # ")[0])[1:] for line in lines if line.startswith(".venv/bin/roo send ")
    ]
    assert len(sends) >= 8, sends
    return sends


@pytest.fixture
def live() -> Iterator[LiveHost]:
    host = LiveHost(port=0).start_in_thread()  # roo sim's Set: six empty tracks at 120 BPM
    yield host
    host.stop()


def test_the_readmes_arrangement_examples_run_in_order_on_a_fresh_sim(
    live: LiveHost, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path)
    with running_daemon(live_port=live.port, history=store) as daemon:
        for args in readme_sends():
            port = live.port if args[1].startswith(("/live/", "/roo/live/")) else daemon.port
            code = main([*args, "--port", str(port), "--wait", "60"])
            out = capsys.readouterr().out
            assert code == 0, (args, out)
            assert " failed " not in out and "/live/error" not in out, (args, out)
