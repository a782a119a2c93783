"""Shared readers for the device tests: the build module, the built files, the patcher graph."""

from __future__ import annotations

import importlib.util
import json
import struct
import sys
from collections import deque
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DEVICE_DIR = ROOT / "max_for_live"
BUILD_SCRIPT = ROOT / "tools" / "build_device.py"
JS_FILES = ("musearoo_device.js", "musearoo_logic.js", "musearoo_track.js")


def build_module() -> ModuleType:
    """tools/build_device.py as a module (tools/ is not a package)."""
    if "build_device" in sys.modules:
        return sys.modules["build_device"]
    spec = importlib.util.spec_from_file_location("build_device", BUILD_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_device"] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


def read_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """Split an .amxd into (tag, payload) chunks; fails on a truncated chunk."""
    chunks: list[tuple[bytes, bytes]] = []
    at = 0
    while at < len(data):
        assert at + 8 <= len(data), f"truncated chunk header at byte {at}"
        tag = data[at : at + 4]
        (size,) = struct.unpack("<I", data[at + 4 : at + 8])
        assert at + 8 + size <= len(data), f"chunk {tag!r} claims {size} bytes past the end"
        chunks.append((tag, data[at + 8 : at + 8 + size]))
        at += 8 + size
    return chunks


def protocol_facts() -> dict[str, Any]:
    facts: dict[str, Any] = json.loads((DEVICE_DIR / "protocol.json").read_text())
    return facts


def patcher() -> dict[str, Any]:
    """The patcher as shipped: from the .amxd's ptch chunk."""
    chunks = dict(read_chunks((DEVICE_DIR / "MuseAroo.amxd").read_bytes()))
    doc: dict[str, Any] = json.loads(chunks[b"ptch"].rstrip(b"\x00"))
    return doc["patcher"]


class Graph:
    """Boxes by id and cords by source, to ask what a control's output reaches."""

    def __init__(self, patch: dict[str, Any]) -> None:
        self.boxes: dict[str, dict[str, Any]] = {b["box"]["id"]: b["box"] for b in patch["boxes"]}
        self.cords: dict[str, list[tuple[int, str, int]]] = {}
        for line in patch["lines"]:
            (src, outlet), (dst, inlet) = line["patchline"]["source"], line["patchline"]["destination"]
            self.cords.setdefault(src, []).append((outlet, dst, inlet))

    def named(self, varname: str) -> dict[str, Any]:
        found = [b for b in self.boxes.values() if b.get("varname") == varname]
        assert len(found) == 1, f"expected one box named {varname!r}, found {len(found)}"
        return found[0]

    def with_text(self, prefix: str) -> list[dict[str, Any]]:
        return [b for b in self.boxes.values() if str(b.get("text", "")).startswith(prefix)]

    def reaches(self, start: str, goal: str, outlet: int | None = None) -> bool:
        """Whether a message from ``start`` (one outlet, or any) can arrive at box ``goal``."""
        todo = deque([start])
        seen = {start}
        while todo:
            box = todo.popleft()
            for out, dst, _ in self.cords.get(box, []):
                if box == start and outlet is not None and out != outlet:
                    continue
                if dst == goal:
                    return True
                if dst not in seen:
                    seen.add(dst)
                    todo.append(dst)
        return False
