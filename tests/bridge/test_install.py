"""roo install: the Remote Script with python-osc vendored and the device land in a User Library."""

from __future__ import annotations

from pathlib import Path

import pytest

from bridge.cli import main
from bridge.setup.install import (
    DEVICE_DIR,
    DEVICE_FILES,
    PROTOCOL_SOURCE,
    SCRIPT_SOURCE,
    default_user_library,
    script_files,
)
from engines.errors import InvalidValue


def test_install_copies_script_protocol_and_vendored_pythonosc(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["install", "--user-library", str(tmp_path)]) == 0
    script = tmp_path / "Remote Scripts" / "MuseAroo"
    assert (script / "__init__.py").is_file()
    assert (script / "roo_protocol.py").read_bytes() == PROTOCOL_SOURCE.read_bytes()
    assert (script / "vendor" / "pythonosc" / "osc_message.py").is_file()
    assert not list(script.rglob("__pycache__"))
    device_dir = tmp_path / "Presets" / "MIDI Effects" / "Max MIDI Effect"
    for name in DEVICE_FILES:
        assert (device_dir / name).read_bytes() == (DEVICE_DIR / name).read_bytes()
    assert "installed" in capsys.readouterr().out
    # a second install replaces the first cleanly
    (script / "stale.py").write_text("x = 1\n")
    assert main(["install", "--user-library", str(tmp_path)]) == 0
    assert not (script / "stale.py").exists()


def test_a_missing_user_library_and_its_subfolders_are_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = tmp_path / "fresh" / "User Library"
    assert main(["install", "--user-library", str(library)]) == 0
    out = capsys.readouterr().out
    assert f"created {library}" in out
    assert (library / "Remote Scripts" / "MuseAroo" / "__init__.py").is_file()
    assert (library / "Presets" / "MIDI Effects" / "Max MIDI Effect" / "MuseAroo.amxd").is_file()
    assert out.rstrip().endswith("then run `roo serve`.")


def test_only_runtime_files_are_copied(tmp_path: Path) -> None:
    assert main(["install", "--user-library", str(tmp_path)]) == 0
    script = tmp_path / "Remote Scripts" / "MuseAroo"
    top = {p.name for p in script.iterdir()}
    assert ".gitignore" not in top and (SCRIPT_SOURCE / ".gitignore").is_file()
    assert top == {p.parts[0] for p in script_files()} | {"roo_protocol.py", "vendor"}
    assert not [p for p in script.rglob(".*")]
    # the AbletonOSC mode is a subpackage: its modules travel too, byte for byte
    for relative in (p for p in script_files() if len(p.parts) > 1):
        assert (script / relative).read_bytes() == (SCRIPT_SOURCE / relative).read_bytes()
    assert (script / "abletonosc" / "server.py").is_file()


def test_a_file_in_place_of_the_library_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    taken = tmp_path / "file"
    taken.write_text("x")
    assert main(["install", "--user-library", str(taken)]) == 2
    assert f"User Library {taken} is a file" in capsys.readouterr().err


def test_default_paths_follow_live_on_macos_and_windows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert default_user_library("darwin", tmp_path) == tmp_path / "Music" / "Ableton" / "User Library"
    monkeypatch.setenv("USERPROFILE", str(tmp_path))
    assert default_user_library("win32", tmp_path) == tmp_path / "Documents" / "Ableton" / "User Library"
    with pytest.raises(InvalidValue, match="--user-library"):
        default_user_library("linux", tmp_path)


@pytest.mark.usefixtures("abletonosc_ports")
def test_install_abletonosc_writes_the_setting_the_script_reads(tmp_path: Path) -> None:
    import socket

    from bridge import protocol

    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.bind((protocol.HOST, protocol.ABLETONOSC_PORT))
        except OSError:
            pytest.skip("UDP 11000 is taken here")
    assert main(["install", "--user-library", str(tmp_path), "--abletonosc"]) == 0
    script = tmp_path / "Remote Scripts" / "MuseAroo"
    setting = script / protocol.ABLETONOSC_SETTING_FILE
    assert setting.read_text(encoding="utf-8").strip() == '{"enabled": true}'
    # an install without the flag switches the mode off again
    assert main(["install", "--user-library", str(tmp_path)]) == 0
    assert not setting.exists()


@pytest.mark.usefixtures("abletonosc_ports")
def test_install_abletonosc_is_refused_while_port_11000_is_taken(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import socket

    from bridge import protocol

    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as taken:
        try:
            taken.bind((protocol.HOST, protocol.ABLETONOSC_PORT))
        except OSError:
            pass  # already taken by someone else: the refusal is what we check either way
        assert main(["install", "--user-library", str(tmp_path), "--abletonosc"]) == 2
    err = capsys.readouterr().err
    assert "11000 is taken" in err and "AbletonOSC" in err
    assert not (tmp_path / "Remote Scripts").exists()  # nothing was written
