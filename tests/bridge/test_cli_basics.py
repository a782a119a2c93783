"""roo send and roo doctor against a real daemon; the CLI lists its sub-commands."""

from __future__ import annotations

from pathlib import Path

import pytest

from bridge import protocol
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
    said = f"no reply from 127.0.0.1:{port} within 0.2 s: is the daemon running there? (start it with `roo serve`)"
    assert said in capsys.readouterr().out
    assert main(["send", protocol.SONG_GET + "tempo", "--port", str(port), "--wait", "0.2"]) == 1
    assert "within 0.2 s: is Live (or `roo sim`) running there?" in capsys.readouterr().out


def test_doctor_reports_missing_live_with_a_fix(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["doctor", "--port", str(free_udp_port()), "--live-port", str(free_udp_port())])
    out = capsys.readouterr().out
    assert code == 1
    assert "Live reachable: no answer" in out and "roo sim" in out
    assert "package python-osc: importable" in out
    assert "madmom's trained models" in out and "CC BY-NC-SA 4.0" in out  # the licences are said
    assert "MusicGen weights" in out and "CC BY-NC 4.0" in out


def test_help_lists_the_backbone_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for name in ("serve", "send", "install", "doctor"):
        assert name in out


def test_doctor_names_the_microphone_or_says_how_to_get_one(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import sounddevice as sd

    from bridge.commands.learned import Learned, write_learned
    from bridge.setup import doctor

    monkeypatch.setenv("MUSEAROO_CACHE_DIR", str(tmp_path / "analysis"))

    def no_device(device: object, kind: str) -> dict:
        raise sd.PortAudioError("Error querying device -1")

    monkeypatch.setattr(sd, "query_devices", no_device)
    missing = doctor.microphone_check()
    assert not missing.ok and "no default input" in missing.detail and "typed commands" in missing.fix
    monkeypatch.setattr(
        sd, "query_devices", lambda device, kind: {"name": "USB Mic", "default_samplerate": 48000.0}
    )
    found = doctor.microphone_check()
    assert (
        found.ok
        and found.detail == "USB Mic at 48000 Hz; voice not learned yet (the first press is decoded whole)"
    )
    write_learned(tmp_path / "voice-state.json", Learned(",".join(["1"] * 13), 900.0, 3000.0))
    assert doctor.microphone_check().detail.endswith("voice learned from earlier presses")
