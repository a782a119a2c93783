"""The daemon against liblo's independent C implementation: oscsend in, oscdump out."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator

import pytest

from tests.bridge.harness import running_daemon
from tests.conftest import free_udp_port, require_tool


@pytest.fixture
def dump() -> Iterator[tuple[int, subprocess.Popen[str]]]:
    oscdump = require_tool("oscdump")
    port = free_udp_port()
    proc = subprocess.Popen([oscdump, "-L", str(port)], stdout=subprocess.PIPE, text=True)
    time.sleep(0.3)
    yield port, proc
    proc.terminate()
    proc.wait(5)
    assert proc.stdout is not None
    proc.stdout.close()


def _lines_until(proc: subprocess.Popen[str], needle: str, timeout: float = 5.0) -> list[str]:
    assert proc.stdout is not None
    lines: list[str] = []
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        line = proc.stdout.readline()
        lines.append(line.strip())
        if needle in line:
            return lines
    raise AssertionError(f"{needle!r} not seen in {lines}")


def test_oscsend_register_and_generate_reaches_oscdump(dump: tuple[int, subprocess.Popen[str]]) -> None:
    oscsend = require_tool("oscsend")
    port, proc = dump
    with running_daemon(live_port=free_udp_port()) as daemon:
        subprocess.run([oscsend, "127.0.0.1", str(daemon.port), "/roo/register", "i", str(port)], check=True)
        lines = _lines_until(proc, "/roo/registered")
        assert f"/roo/registered i {port}" in lines[-1]
        # bars 0 is refused: the failed status names it, sent to the registered oscdump port
        subprocess.run(
            [
                oscsend,
                "127.0.0.1",
                str(daemon.port),
                "/roo/generate",
                "ssisi",
                "drums",
                "track",
                "0",
                "bars",
                "0",
            ],
            check=True,
        )
        lines = _lines_until(proc, "failed")
        assert any("/roo/status" in line and "queued" in line for line in lines)
        assert "bars 0 is out of range" in lines[-1]
