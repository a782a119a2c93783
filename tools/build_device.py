"""Build the MuseAroo Max for Live device from this description.

Writes three files into ``max_for_live/`` (or ``--out DIR``): ``protocol.json`` (from
``bridge.protocol.as_json()``), ``MuseAroo.maxpat`` (the patcher JSON, generated here so ports,
addresses and menus come from the protocol module) and ``MuseAroo.amxd`` (a MIDI-effect device:
little-endian chunks ``ampf`` = ``mmmm``, ``meta`` (4 bytes), ``ptch`` = the patcher JSON plus a
NUL). ``--check`` rebuilds in memory and exits 1 when a committed file differs.

The patcher is thin: UI controls send plain messages ("generate drums", "bars 4", ...) into
``[node.script musearoo_device.js]``, which holds the logic; its outlet is routed to
``[udpsend]``, ``[udpreceive]`` and the status, progress, round-trip and song lines.
"""

from __future__ import annotations

import argparse
import json
import struct
import sys
from pathlib import Path

from bridge import protocol

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: tools.maxpatch from this checkout
from tools.device_patch import GENRES, NODE_OUTPUTS, NODE_SCRIPT, TRACK_SCRIPT, build_patch  # noqa: E402, F401

DEVICE_DIR = ROOT / "max_for_live"
DEVICE_NAME = "MuseAroo"
DEVICE_WIDTH = 772  # 440 for the main controls, then the groove, history and audio-to-MIDI columns
DEVICE_HEIGHT = 169  # the height of every device in Live's device view
# What a user library install needs beside the .amxd (node.script and js load them by name).
DEVICE_FILES = (f"{DEVICE_NAME}.amxd", NODE_SCRIPT, "musearoo_logic.js", TRACK_SCRIPT, "protocol.json")


def patcher_json() -> str:
    patch = build_patch()
    patcher = {
        "patcher": {
            "fileversion": 1,
            "appversion": {"major": 8, "minor": 6, "revision": 0, "architecture": "x64", "modernui": 1},
            "classnamespace": "box",
            "rect": [100.0, 100.0, 1000.0, 700.0],
            "openrect": [0.0, 0.0, float(DEVICE_WIDTH), float(DEVICE_HEIGHT)],
            "openinpresentation": 1,
            "default_fontsize": 10.0,
            "default_fontface": 0,
            "default_fontname": "Arial Bold",
            "gridsize": [8.0, 8.0],
            "devicewidth": float(DEVICE_WIDTH),
            "description": "MuseAroo: generate parts, MusicGen, analysis and stems from a local daemon",
            "boxes": patch.boxes,
            "lines": patch.lines,
            "dependency_cache": [{"name": name, "type": "TEXT", "implicit": 1} for name in DEVICE_FILES[1:4]],
            "autosave": 0,
        }
    }
    return json.dumps(patcher, indent=2) + "\n"


def chunk(tag: bytes, data: bytes) -> bytes:
    return tag + struct.pack("<I", len(data)) + data


def amxd_bytes(patcher: str) -> bytes:
    """A MIDI-effect .amxd: ampf 'mmmm', meta (4 bytes), ptch (patcher JSON, NUL-terminated)."""
    ptch = patcher.encode("utf-8") + b"\x00"
    return chunk(b"ampf", b"mmmm") + chunk(b"meta", b"\x00\x00\x00\x00") + chunk(b"ptch", ptch)


def built_files() -> dict[str, bytes]:
    patcher = patcher_json()
    return {
        "protocol.json": protocol.as_json().encode("utf-8"),
        f"{DEVICE_NAME}.maxpat": patcher.encode("utf-8"),
        f"{DEVICE_NAME}.amxd": amxd_bytes(patcher),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEVICE_DIR, help="folder to write into")
    parser.add_argument("--check", action="store_true", help="exit 1 if the files there differ")
    args = parser.parse_args(argv)
    stale = []
    for name, data in built_files().items():
        path = args.out / name
        if args.check:
            if not path.is_file() or path.read_bytes() != data:
                stale.append(name)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    if stale:
        print(f"stale device files in {args.out}: {', '.join(stale)} (run: make device)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
