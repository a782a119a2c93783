"""Live's refusals in the project's words: which index is out of range and how many there are, which
value has the wrong type and what Live expects, never Live's or Boost.Python's own text.

An index input is known by its words (``live_tools._index``: "track index from 0", "device (on
the track) index from 0" ...); ``COUNTS`` says how to ask Live how many there are. A destructive
tool checks its indices before it sends anything (``check_indices``); any other tool's error is
read after (``translate``), by the same counts.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from bridge.actions.inputs import shown
from bridge.mcp.aosc import AbletonOSC
from bridge.mcp.live_tools import LiveTool
from engines.errors import InvalidValue, LiveError, RooError

Count = Callable[[AbletonOSC, Mapping[str, Any]], Awaitable[tuple[int, str]]]
PREFIX = "Error handling OSC message: "
SIGNATURE = re.compile(r"did not match C\+\+ signature:\s*[\w.]+\((?:[\w:]+,\s*)*([\w:]+)\)")
CPP_TYPES = {"float": "a number", "double": "a number", "int": "a whole number", "bool": "true or false (1 or 0)",
             "str": "a string", "std::string": "a string"}  # fmt: skip


async def _song(live: AbletonOSC, prop: str) -> int:
    reply = await live.call(f"/live/song/get/{prop}")
    return int(reply[0][0])


async def _tracks(live: AbletonOSC, v: Mapping[str, Any]) -> tuple[int, str]:
    n = await _song(live, "num_tracks")
    return n, f"the Set has {n} tracks"


async def _returns(live: AbletonOSC, v: Mapping[str, Any]) -> tuple[int, str]:
    n = await _song(live, "num_return_tracks")
    return n, f"the Set has {n} return tracks"


async def _scenes(live: AbletonOSC, v: Mapping[str, Any]) -> tuple[int, str]:
    n = await _song(live, "num_scenes")
    return n, f"the Set has {n} scenes"


async def _devices(live: AbletonOSC, v: Mapping[str, Any]) -> tuple[int, str]:
    reply = await live.call("/live/track/get/num_devices", v["track"])
    n = int(reply[0][-1])
    return n, f"track {v['track']} has {n} devices"


async def _parameters(live: AbletonOSC, v: Mapping[str, Any]) -> tuple[int, str]:
    reply = await live.call("/live/device/get/num_parameters", v["track"], v["device"])
    n = int(reply[0][-1])
    return n, f"device {v['device']} of track {v['track']} has {n} parameters"


async def _chains(live: AbletonOSC, v: Mapping[str, Any]) -> tuple[int, str]:
    reply = await live.call("/live/device/get/chains/name", v["track"], v["device"])
    n = len(reply[0]) - 2 if reply else 0
    return n, f"device {v['device']} of track {v['track']} has {n} chains"


async def _arrangement(live: AbletonOSC, v: Mapping[str, Any]) -> tuple[int, str]:
    reply = await live.call("/live/track/get/arrangement_clips/name", v["track"])
    n = len(reply[0]) - 1 if reply else 0
    return n, f"track {v['track']} has {n} arrangement clips"


COUNTS: dict[str, Count] = {
    "track": _tracks,
    "return track": _returns,
    "send": _returns,
    "scene": _scenes,
    "clip slot (scene)": _scenes,
    "device (on the track)": _devices,
    "parameter (on the device)": _parameters,
    "chain (in the rack)": _chains,
    "arrangement clip": _arrangement,
}


INSERT_AT: dict[str, Count] = {  # a creator's "index" (-1: the end) names a place among these
    "live_create_midi_track": _tracks,
    "live_create_audio_track": _tracks,
    "live_create_scene": _scenes,
    "live_insert_device": _devices,
}


def _noun(spec: Mapping[str, Any]) -> str:
    return str(spec.get("description", "")).removesuffix(" index from 0")


async def out_of_range(live: AbletonOSC, tool: LiveTool, values: Mapping[str, Any]) -> str | None:
    """The first index of ``values`` past what the Set holds, in words; None when all are in range.
    Indices are read in order, so a device is counted on a track known to exist."""
    for name, spec in tool.inputs:
        count = COUNTS.get(_noun(spec))
        if count is None or not isinstance(values.get(name), int):
            continue
        try:
            n, holds = await count(live, values)
        except (RooError, IndexError, ValueError, TypeError):
            return None  # the count itself failed: an earlier index is what Live refused
        if values[name] >= n:
            expected = f"0..{n - 1}" if n else "none"
            return f"{tool.name}: {name} {values[name]} is out of range: expected {expected} ({holds})"
    at, count = values.get("index"), INSERT_AT.get(tool.name)
    if count is not None and isinstance(at, int) and at > 0:
        try:
            n, holds = await count(live, values)
        except (RooError, IndexError, ValueError, TypeError):
            return None
        if at > n:
            return f"{tool.name}: index {at} is out of range: expected -1 (the end) or 0..{n} ({holds})"
    return None


async def check_indices(live: AbletonOSC, tool: LiveTool, values: Mapping[str, Any]) -> None:
    """InvalidValue before a destructive tool sends anything, when an index names nothing."""
    said = await out_of_range(live, tool, values)
    if said is not None:
        raise InvalidValue(said)


async def translate(live: AbletonOSC, tool: LiveTool, values: Mapping[str, Any], exc: LiveError) -> RooError:
    """``exc`` (Live's refusal) as the project says it: an index out of range with the count, a value
    of the wrong type with the type Live expects, else Live's reason without its prefix."""
    reason = str(exc).split(PREFIX, 1)[-1].strip()
    said = await out_of_range(live, tool, values)
    if said is not None:
        return InvalidValue(said)
    typed = SIGNATURE.search(reason)
    if typed is not None or "C++ signature" in reason:
        wanted = CPP_TYPES.get(typed.group(1), "another type") if typed else "another type"
        name = "value" if "value" in values else next(iter(values), "value")
        prop = f" ({values['property']})" if "property" in values else ""
        return InvalidValue(
            f"{tool.name}: {name}{prop} {shown(values.get(name))} is not valid: expected {wanted}"
        )
    return LiveError(f"{tool.name}: Live refused {shown(dict(values))}: {reason}")
