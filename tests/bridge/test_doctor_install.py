"""roo doctor: which Live answers (in-memory or Live), whether the install is this version, fixes on one line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bridge import protocol
from bridge.cli import main
from bridge.setup.doctor_install import INSTALL_FIX, install_check, live_identity
from livesim.host import LiveHost
from tests.conftest import free_udp_port
from tests.remote_scripts.osc_client import OscClient


@pytest.fixture
def sim() -> Iterator[LiveHost]:
    host = LiveHost(port=0, version=(12, 1, 5)).start_in_thread()
    try:
        yield host
    finally:
        host.stop()


def test_the_remote_script_says_who_it_is(sim: LiveHost) -> None:
    client = OscClient(sim.port)
    reply = client.ask(protocol.APPLICATION_GET_VERSION)
    client.close()
    assert reply == ["12.1.5", "musearoo-livesim", "Suite", protocol.PROTOCOL_VERSION]


def test_the_in_memory_live_is_told_from_live(sim: LiveHost) -> None:
    check = live_identity(sim.port)
    assert check is not None and check.ok
    assert check.detail == "in-memory Live (roo sim), pretending to be Live 12.1.5"
    sim.application.get_build_id = lambda: "2024-11-05_a1b2c3"  # type: ignore[method-assign]
    check = live_identity(sim.port)
    assert check is not None and check.detail == "Ableton Live 12.1.5 Suite (build 2024-11-05_a1b2c3)"
    assert live_identity(free_udp_port()) is None  # nothing answers: the reachability check says so


def test_doctor_checks_the_install_is_this_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    check = install_check(tmp_path)
    assert not check.ok and "no MuseAroo Remote Script" in check.detail and check.fix == INSTALL_FIX
    assert main(["install", "--user-library", str(tmp_path)]) == 0
    assert install_check(tmp_path).ok
    old = tmp_path / "Remote Scripts" / "MuseAroo" / "surface.py"
    old.write_text(old.read_text() + "# an older version\n")
    (tmp_path / "Presets" / "MIDI Effects" / "Max MIDI Effect" / "protocol.json").unlink()
    check = install_check(tmp_path)
    assert not check.ok and check.detail.startswith("2 file(s) differ from this version")
    assert "surface.py" in check.detail and "protocol.json" in check.detail


def test_doctor_prints_each_fix_on_one_line(
    sim: LiveHost, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["doctor", "--port", str(free_udp_port()), "--live-port", str(sim.port)]
    assert main([*args, "--user-library", str(tmp_path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert any("Live identity: in-memory Live (roo sim)" in line for line in lines)
    assert f"      -> {INSTALL_FIX}" in lines  # longer than the 80 columns rich wraps at
    assert len(INSTALL_FIX) + 9 > 80
