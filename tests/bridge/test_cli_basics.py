"""roo send and roo doctor against a real daemon; the CLI lists its sub-commands."""

from __future__ import annotations

import pytest

from bridge.cli import main
from tests.bridge.harness import running_daemon
from tests.conftest import free_udp_port


def test_send_prints_the_pong(capsys: pytest.CaptureFixture[str]) -> None:
    with running_daemon(live_port=free_udp_port()) as daemon:
        assert main(["send", "/roo/ping", "hello", "--port", str(daemon.port), "--wait", "0.3"]) == 0
    assert capsys.readouterr().out.strip() == "/roo/pong 1 hello"


def test_send_waits_for_a_job_and_fails_on_failed(capsys: pytest.CaptureFixture[str]) -> None:
    with running_daemon(live_port=free_udp_port()) as daemon:
        code = main(
            ["send", "/roo/generate", "drums", "bars", "0", "--port", str(daemon.port), "--wait", "0.3"]
        )
    out = capsys.readouterr().out
    assert code == 1 and "queued" in out and "failed" in out and "bars 0" in out


def test_send_without_an_answer_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    port = free_udp_port()
    assert main(["send", "/roo/ping", "--port", str(port), "--wait", "0.2"]) == 1
    assert f"no reply from 127.0.0.1:{port}" in capsys.readouterr().out


def test_doctor_reports_missing_live_with_a_fix(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["doctor", "--port", str(free_udp_port()), "--live-port", str(free_udp_port())])
    out = capsys.readouterr().out
    assert code == 1
    assert "Live reachable: no answer" in out and "roo sim" in out
    assert "package python-osc: importable" in out


def test_help_lists_the_backbone_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for name in ("serve", "send", "install", "doctor"):
        assert name in out
