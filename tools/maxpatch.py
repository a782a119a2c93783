"""Max patcher JSON, built in Python: object boxes with their inlet and outlet counts, patch lines,
and Live parameters (live.text buttons, live.menu, live.numbox and live.dial) for a device.

tools/build_device.py describes the MuseAroo device with these; Max reads the result as a
``.maxpat`` and, wrapped in the .amxd chunks, as a Max for Live device.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Rect = tuple[float, float, float, float]


def newobj_ports(text: str) -> tuple[int, int]:
    """Inlet and outlet counts of the object boxes this device uses, as Max 8 reports them."""
    name, *args = text.split()
    fixed = {
        "udpsend": (1, 0),
        "udpreceive": (1, 1),
        "node.script": (1, 2),
        "js": (1, 1),  # musearoo_track.js declares inlets = 1, outlets = 1
        "prepend": (1, 1),
        "live.thisdevice": (1, 3),
        "midiin": (1, 1),
        "midiout": (1, 0),
        "print": (1, 0),
    }
    if name in fixed:
        return fixed[name]
    if name == "route":
        return 2, len(args) + 1
    if name in ("t", "trigger"):
        return 1, len(args)
    raise ValueError(f"object {name!r} has no known inlet/outlet counts: add it to newobj_ports")


@dataclass
class Patch:
    boxes: list[dict[str, Any]] = field(default_factory=list)
    lines: list[dict[str, Any]] = field(default_factory=list)
    _row: int = 0

    def add(self, maxclass: str, inlets: int, outlets: int, **attrs: Any) -> str:
        box_id = f"obj-{len(self.boxes) + 1}"
        self._row += 1
        box: dict[str, Any] = {
            "id": box_id,
            "maxclass": maxclass,
            "numinlets": inlets,
            "numoutlets": outlets,
            "patching_rect": [20.0 + 230.0 * (self._row % 4), 20.0 + 40.0 * (self._row // 4), 200.0, 22.0],
        }
        if outlets:
            box["outlettype"] = [""] * outlets
        box.update(attrs)
        self.boxes.append({"box": box})
        return box_id

    def obj(self, text: str) -> str:
        inlets, outlets = newobj_ports(text)
        return self.add("newobj", inlets, outlets, text=text)

    def message(self, text: str) -> str:
        return self.add("message", 2, 1, text=text)

    def ui(self, maxclass: str, inlets: int, outlets: int, rect: Rect, **attrs: Any) -> str:
        return self.add(maxclass, inlets, outlets, presentation=1, presentation_rect=list(rect), **attrs)

    def label(self, text: str, rect: Rect) -> str:
        return self.ui("comment", 1, 0, rect, text=text)

    def connect(self, source: str, outlet: int, destination: str, inlet: int = 0) -> None:
        self.lines.append({"patchline": {"source": [source, outlet], "destination": [destination, inlet]}})


def parameter(longname: str, kind: int, **values: Any) -> dict[str, Any]:
    """A Live parameter (automatable, saved with the Set): kind 0 float, 1 int, 2 enum."""
    valueof = {"parameter_longname": longname, "parameter_shortname": longname, "parameter_type": kind}
    valueof.update(values)
    return {"parameter_enable": 1, "varname": longname, "saved_attribute_attributes": {"valueof": valueof}}


def button(patch: Patch, name: str, rect: Rect) -> str:
    return patch.ui(
        "live.text",
        1,
        2,
        rect,
        text=name,
        mode=0,
        **parameter(name, 2, parameter_enum=["off", "on"], parameter_mmax=1),
    )


def menu(patch: Patch, name: str, items: tuple[str, ...], rect: Rect) -> str:
    enum = parameter(
        name,
        2,
        parameter_enum=list(items),
        parameter_mmax=len(items) - 1,
        parameter_initial_enable=1,
        parameter_initial=[0],
    )
    return patch.ui("live.menu", 1, 3, rect, **enum)


def ranged(
    patch: Patch,
    maxclass: str,
    name: str,
    kind: int,
    span: tuple[float, float, float],
    rect: Rect,
    **extra: Any,
) -> str:
    """A number control (live.numbox, live.dial) with its range and initial value (lo, hi, initial)."""
    lo, hi, initial = span
    values = parameter(
        name,
        kind,
        parameter_mmin=lo,
        parameter_mmax=hi,
        parameter_initial_enable=1,
        parameter_initial=[initial],
        **extra,
    )
    return patch.ui(maxclass, 1, 2, rect, **values)
