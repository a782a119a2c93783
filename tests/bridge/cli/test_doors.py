"""Every door checks its input first, the same way (issue 47): options, the daemon, parts and ids."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from bridge import osc, protocol
from bridge.cli import main
from bridge.cli.daemon_job import ANSWER_S


def free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind((protocol.HOST, 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize("word", ["--bar", "--bra"])
def test_an_abbreviated_option_is_refused_not_taken(
    word: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    never = tmp_path / "never.mid"
    with pytest.raises(SystemExit) as exit_info:
        main(["generate", "drums", word, "4", "--out", str(never)])
    assert not never.exists()
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: roo generate")  # the sub-command's own usage, not roo's
    assert f"unrecognized arguments: {word} 4; did you mean --bars?" in err


def test_a_near_miss_with_equals_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["history", "--prat=bass"])
    err = capsys.readouterr().err
    assert err.startswith("usage: roo history") and "did you mean --part?" in err


def test_a_far_miss_gets_no_guess(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["generate", "drums", "--zzzzzz", "1"])
    err = capsys.readouterr().err
    assert "unrecognized arguments: --zzzzzz 1" in err and "did you mean" not in err


@pytest.mark.parametrize("command", [["recall", "abcdef12"], ["fork", "abcdef12", "--bars", "4"]])
def test_no_daemon_is_said_within_about_a_second(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    started = time.monotonic()
    code = main([*command, "--port", str(free_udp_port())])
    waited = time.monotonic() - started
    assert code == 2
    err = capsys.readouterr().err
    assert "no answer from the daemon on udp://127.0.0.1:" in err and "is `roo serve` running?" in err
    assert (
        "within 1 s" in err and waited < 10.0
    )  # not the job's --timeout (30 s): that is for a daemon that answered


def test_a_job_that_answered_is_waited_for_past_the_first_second(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as daemon:
        daemon.bind((protocol.HOST, 0))
        port = daemon.getsockname()[1]

        def answer() -> None:
            data, client = daemon.recvfrom(65536)
            assert next(osc.decode(data))[0] == protocol.HISTORY_RECALL
            daemon.sendto(osc.encode(protocol.STATUS, [7, "queued", 0.0, "recall queued"]), client)
            time.sleep(ANSWER_S + 0.5)
            done = [7, "done", 1.0, "recalled into track 0 slot 1 (take 0ef9ff0ef9ff)"]
            daemon.sendto(osc.encode(protocol.STATUS, done), client)

        thread = threading.Thread(target=answer)
        thread.start()
        code = main(["recall", "0ef9ff", "--port", str(port), "--json"])
        thread.join()
    assert code == 0
    assert '"take_ids": ["0ef9ff0ef9ff"]' in capsys.readouterr().out


def test_separate_names_a_missing_file_before_the_model_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    missing = tmp_path / "missing.wav"
    assert main(["separate", str(missing), "--out", str(tmp_path / "stems")]) == 2
    err = capsys.readouterr().err
    assert f"{missing}: no such file: expected an audio file" in err and "not cached" not in err
    assert not (tmp_path / "stems").exists()


def test_separate_lists_the_known_models_for_an_unknown_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    wav = tmp_path / "a.wav"
    wav.write_bytes(b"RIFF")
    assert main(["separate", str(wav), "--out", str(tmp_path / "s"), "--model", "htdemucs_foo"]) == 2
    err = capsys.readouterr().err
    assert (
        "model 'htdemucs_foo' is not known: expected one of htdemucs, htdemucs_ft, htdemucs_6s, mdx_extra"
        in err
    )
    assert "not cached" not in err and "cannot be reached" not in err


def test_history_refuses_a_part_that_is_not_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MUSEAROO_DATA_DIR", str(tmp_path))
    assert main(["history", "--part", "bas"]) == 2
    err = capsys.readouterr().err
    assert "part 'bas' is not known: expected one of bass, chords, drums, loop, melody, stems" in err
    assert main(["history", "--part", "bass"]) == 0  # a real part with no takes yet: said, exit 0
    assert "no takes" in capsys.readouterr().out


def test_each_help_line_of_transform_says_one_default(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["transform", "--help"])
    text = " ".join(capsys.readouterr().out.split())  # argparse wraps lines: one line per option
    for option in ("--amount", "--strength", "--grid", "--key", "--pivot", "--beats", "--style"):
        said = text.rsplit(f"{option} {option.strip('-').upper()}", 1)[1].split(" --", 1)[0]
        assert said.count("default") == 1, (option, said)


def test_history_refuses_a_project_that_is_not_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MUSEAROO_DATA_DIR", str(tmp_path))
    assert main(["history", "--project", "My Song.als"]) == 2
    assert "project 'My Song.als' is not known: the projects are" in capsys.readouterr().err
    assert main(["history", "--project", "*"]) == 0  # every project: said, exit 0
