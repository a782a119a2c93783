"""Copy the Remote Script (with python-osc vendored) and the device into Ableton's User Library."""

from __future__ import annotations

import json
import os
import shutil
import socket
import sys
from pathlib import Path

from bridge import protocol
from engines.errors import InvalidValue

ROOT = Path(__file__).resolve().parents[2]
SCRIPT_SOURCE = ROOT / "remote_scripts" / "MuseAroo"
PROTOCOL_SOURCE = Path(__file__).resolve().parents[1] / "protocol.py"
DEVICE_DIR = ROOT / "max_for_live"
# node.script and js load their files from beside the device: they travel together
DEVICE_FILES = (
    "MuseAroo.amxd",
    "musearoo_device.js",
    "musearoo_logic.js",
    "musearoo_track.js",
    "protocol.json",
)
DEVICE_FOLDER = ("Presets", "MIDI Effects", "Max MIDI Effect")


def default_user_library(platform: str = sys.platform, home: Path | None = None) -> Path:
    """Live's default User Library on macOS and Windows; elsewhere --user-library is needed."""
    home = home or Path.home()
    if platform == "darwin":
        return home / "Music" / "Ableton" / "User Library"
    if platform.startswith("win"):
        profile = Path(os.environ.get("USERPROFILE", str(home)))
        return profile / "Documents" / "Ableton" / "User Library"
    raise InvalidValue(
        f"no default Ableton User Library on platform {platform!r}: pass --user-library PATH "
        "(Live runs on macOS and Windows; see Live's Settings > Library)"
    )


def _vendored_pythonosc() -> Path:
    import pythonosc

    return Path(pythonosc.__file__).resolve().parent


def script_files() -> list[Path]:
    """The Remote Script's runtime files, relative to its folder: its Python modules and those of its
    subpackages (the AbletonOSC mode), nothing else (.gitignore, caches, the vendored python-osc)."""
    return sorted(
        p.relative_to(SCRIPT_SOURCE)
        for p in SCRIPT_SOURCE.rglob("*.py")
        if p.is_file() and "vendor" not in p.relative_to(SCRIPT_SOURCE).parts
    )


def check_abletonosc_port() -> None:
    """Raise InvalidValue when AbletonOSC's port (UDP 11000) is taken: the mode could not serve there."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.bind((protocol.HOST, protocol.ABLETONOSC_PORT))
        except OSError as exc:
            raise InvalidValue(
                f"--abletonosc: UDP {protocol.HOST}:{protocol.ABLETONOSC_PORT} is taken ({exc}), most likely by "
                "AbletonOSC itself: remove it from Live's Control Surfaces (or quit what holds the port), "
                "or install without --abletonosc"
            ) from exc


def install(user_library: Path, *, abletonosc: bool = False) -> list[Path]:
    """Install into ``user_library`` (created with its subfolders when missing); returns the paths written.

    Replaces an older install; copies only runtime files. ``abletonosc``: also serve AbletonOSC's
    grammar on its ports (a setting file beside the script); refused while UDP 11000 is taken.
    """
    if user_library.exists() and not user_library.is_dir():
        raise InvalidValue(f"User Library {user_library} is a file: expected Live's User Library folder")
    if abletonosc:
        check_abletonosc_port()
    if not (SCRIPT_SOURCE / "__init__.py").is_file():
        raise InvalidValue(
            f"Remote Script source {SCRIPT_SOURCE} is missing: run from a full MuseAroo checkout"
        )
    missing = [name for name in DEVICE_FILES if not (DEVICE_DIR / name).is_file()]
    if missing:
        raise InvalidValue(f"device files {missing} are missing in {DEVICE_DIR}: run `make device` first")
    script_target = user_library / "Remote Scripts" / "MuseAroo"
    if script_target.exists():
        shutil.rmtree(script_target)
    script_target.mkdir(parents=True)
    for relative in script_files():
        (script_target / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SCRIPT_SOURCE / relative, script_target / relative)
    shutil.copyfile(PROTOCOL_SOURCE, script_target / "roo_protocol.py")
    shutil.copytree(
        _vendored_pythonosc(),
        script_target / "vendor" / "pythonosc",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "test*", ".*"),
    )
    written = [script_target]
    if abletonosc:
        setting = script_target / protocol.ABLETONOSC_SETTING_FILE
        setting.write_text(json.dumps({"enabled": True}) + "\n", encoding="utf-8")
        written.append(setting)
    device_dir = user_library.joinpath(*DEVICE_FOLDER)
    device_dir.mkdir(parents=True, exist_ok=True)
    for name in DEVICE_FILES:
        shutil.copyfile(DEVICE_DIR / name, device_dir / name)
        written.append(device_dir / name)
    return written
