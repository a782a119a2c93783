"""Clip envelopes as raw points: read values at times, insert steps, clear (the tools live_envelope_*).

They go through the Remote Script's own clip-envelope requests, the ones ``/roo/automate`` uses
(``bridge.live.envelopes``: ``/roo/live/read_envelope``, ``write_envelope``, ``clear_envelope``),
so the clip and the parameter are found the same way: a session clip by its slot, or with slot -1
the arrangement clip under ``at_beats``; the device by name or class name, or ``mixer`` (volume,
pan, send A ...); the parameter by name. Live's API reads an envelope only by ``value_at_time``,
so a read samples the times asked (every ``step_beats`` over the clip when none are).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from bridge.actions.options import INDEX_MAX
from bridge.live.client import LiveClient
from engines.automation import Step
from engines.errors import InvalidValue

MAX_POINTS = 4096  # the Remote Script's limit per read
INDEX = {"type": "integer", "minimum": 0, "maximum": INDEX_MAX}
WHERE: tuple[tuple[str, dict[str, Any]], ...] = (
    ("track", {**INDEX, "description": "track index from 0"}),
    ("slot", {"type": "integer", "minimum": -1, "description": "clip slot from 0, or -1: the arrangement clip under at_beats"}),
    ("at_beats", {"type": "number", "default": -1.0, "description": "with slot -1: a beat of the Arrangement inside the clip"}),
)  # fmt: skip
DEVICE = (
    "device",
    {"type": "string", "description": "the device's name or class name on the track, or 'mixer'"},
)
PARAMETER = (
    "parameter",
    {"type": "string", "description": "the parameter's name (mixer: volume, pan, send A ...)"},
)
STEPS = {
    "type": "array",
    "minItems": 1,
    "description": "steps: value held from time_beats (from the clip's start, or at_beats) for duration_beats",
    "items": {"type": "object", "required": ["time_beats", "duration_beats", "value"],
              "properties": {k: {"type": "number"} for k in ("time_beats", "duration_beats", "value")}},
}  # fmt: skip
Run = Callable[[LiveClient, Mapping[str, Any]], Awaitable[dict[str, Any]]]


@dataclass(frozen=True, slots=True)
class EnvelopeTool:
    name: str
    about: str
    inputs: tuple[tuple[str, Mapping[str, Any]], ...]
    effect: str
    run: Run

    def schema(self) -> dict[str, Any]:
        required = [name for name, spec in self.inputs if "default" not in spec]
        props = {
            name: {k: x for k, x in spec.items() if (k, x) != ("default", None)} for name, spec in self.inputs
        }
        return {"type": "object", "properties": props, "required": required, "additionalProperties": False}

    def values(self, given: Mapping[str, Any]) -> dict[str, Any]:
        """The inputs with their defaults; an unknown or missing one is refused naming it."""
        names = [name for name, _ in self.inputs]
        unknown = sorted(set(given) - set(names))
        if unknown:
            raise InvalidValue(f"{self.name}: {unknown[0]!r} is not known: expected {', '.join(names)}")
        out = {name: given.get(name, spec.get("default")) for name, spec in self.inputs}
        missing = [name for name, spec in self.inputs if name not in given and "default" not in spec]
        if missing:
            raise InvalidValue(
                f"{self.name}: {missing[0]} is missing: expected {dict(self.inputs)[missing[0]]['description']}"
            )
        return out


def _where(v: Mapping[str, Any]) -> tuple[int, int, float]:
    return int(v["track"]), int(v["slot"]), float(v["at_beats"])


async def read(live: LiveClient, v: Mapping[str, Any]) -> dict[str, Any]:
    track, slot, at = _where(v)
    times = v.get("times")
    if times is None:
        step = float(v["step_beats"])
        if step <= 0:
            raise InvalidValue(f"step_beats {step:g}: expected more than 0 beats")
        target = await live.envelope_target(track, slot, at, v["device"], v["parameter"])
        span = target.clip_length_beats - (at - target.clip_start_beats if slot < 0 else 0.0)
        times = [i * step for i in range(min(MAX_POINTS, int(span / step + 1e-9) + 1)) if i * step <= span]
    if not isinstance(times, list) or not times or not all(isinstance(t, (int, float)) for t in times):
        raise InvalidValue(f"times {times!r}: expected a non-empty list of beats")
    got = await live.read_envelope(track, slot, at, v["device"], v["parameter"], [float(t) for t in times])
    values = got.pop("values")
    got["points"] = [{"time_beats": float(t), "value": x} for t, x in zip(times, values, strict=True)]
    return got


async def insert(live: LiveClient, v: Mapping[str, Any]) -> dict[str, Any]:
    steps = v["steps"]
    if not isinstance(steps, list) or not steps:
        raise InvalidValue(f"steps {steps!r}: expected a non-empty list of time_beats, duration_beats, value")
    made = []
    for i, s in enumerate(steps):
        if not isinstance(s, dict) or not {"time_beats", "duration_beats", "value"} <= set(s):
            raise InvalidValue(f"step {i} {s!r}: expected time_beats, duration_beats and value")
        made.append(Step(float(s["time_beats"]), float(s["duration_beats"]), float(s["value"])))
    track, slot, at = _where(v)
    count = await live.write_envelope(
        track, slot, at, v["device"], v["parameter"], made, clear=bool(v["clear"])
    )
    return {"track": track, "slot": slot, "steps": count}


async def clear(live: LiveClient, v: Mapping[str, Any]) -> dict[str, Any]:
    track, slot, at = _where(v)
    had = await live.clear_envelope(track, slot, at, v["device"], v["parameter"])
    return {"track": track, "slot": slot, "had_envelope": had}


ENVELOPE_TOOLS = (
    EnvelopeTool("live_envelope_read", "Read a clip's automation envelope of a parameter: its value at each "
                 "time (beats from the clip's start), or every step_beats over the clip.",
                 (*WHERE, DEVICE, PARAMETER,
                  ("times", {"type": "array", "items": {"type": "number"}, "default": None,
                             "description": "beats to read at (default: every step_beats over the clip)"}),
                  ("step_beats", {"type": "number", "default": 1.0, "description": "the spacing when no times"})),
                 "read", read),
    EnvelopeTool("live_envelope_insert_steps", "Insert steps into a clip's automation envelope of a parameter "
                 "(made if the clip has none; clear: start from an empty one), in one undo step.",
                 (*WHERE, DEVICE, PARAMETER, ("steps", STEPS),
                  ("clear", {"type": "boolean", "default": False, "description": "clear the envelope first"})),
                 "write", insert),
    EnvelopeTool("live_envelope_clear", "Remove a clip's automation envelope of a parameter (device and "
                 "parameter both empty: every envelope of the clip).",
                 (*WHERE, (DEVICE[0], {**DEVICE[1], "default": ""}), (PARAMETER[0], {**PARAMETER[1], "default": ""})),
                 "delete", clear),
)  # fmt: skip
BY_NAME = {tool.name: tool for tool in ENVELOPE_TOOLS}
