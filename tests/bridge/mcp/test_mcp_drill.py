"""The drill of bad calls (issue 53), through the SDK's client over stdio against `roo sim`: for
every tool, bad values made from its own schema (booleans and -0.0 for integers, wrong types, null,
a 70,000-character string, a value past the range, a name missing or unknown, an index past what
the Set holds for a tool that changes it), mixed with good reads. Every bad call is refused with a
message naming the input and the value, no Python exception text reaches the client, the Set is
the same after as before (so nothing destructive ran on a wrong-typed index), and the server
still answers after."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest

from tests.bridge.mcp.conftest import Sim, mcp_client

pytestmark = pytest.mark.anyio
HUGE = "x" * 70_000
RAW = ("Traceback", "Error executing tool", "did not match C++ signature", "Boost", 'File "', "Errno")
GOOD = [("live_song_get", {"property": "tempo"}, "120"), ("live_track_get", {"track": 0, "property": "name"}, "1-MIDI"),
        ("song", {}, '"tempo": 120.0')]  # fmt: skip
STATE_READS = [("song", {})] + [("live_song_get", {"property": p}) for p in
               ("num_return_tracks", "is_playing", "scene_names", "cue_points", "tempo")]  # fmt: skip


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def kinds(spec: dict[str, Any]) -> list[str]:
    kind = spec.get("type", [])
    return [kind] if isinstance(kind, str) else list(kind)


def filler(spec: dict[str, Any]) -> Any:
    """A value of the right type (not necessarily one Live takes: the bad input is refused first)."""
    if "enum" in spec:
        return spec["enum"][0]
    kind = kinds(spec)[0]
    low = spec.get("minimum", spec.get("exclusiveMinimum", 0))
    if kind == "array":
        return [filler(spec.get("items", {"type": "integer"}))] * int(spec.get("minItems", 0))
    if kind == "object":
        return {name: filler(s) for name, s in spec.get("properties", {}).items()}
    return {"integer": max(0, int(low)), "number": float(max(0, low)) + 1.0, "string": "a",
            "boolean": False}[kind]  # fmt: skip


def bad_values(spec: dict[str, Any], full: bool) -> list[Any]:
    """Values no input of ``spec`` takes: every kind the first time its shape is met (``full``), then
    the ones an assistant sends most (booleans and -0.0 for an index, a huge string, past the range)."""
    types = kinds(spec)
    out: list[Any] = []
    if "integer" in types:
        out += [True, -0.0] + ([False, 2.5, "3", None, {"k": "v"}] if full else [])
    if "number" in types and "string" not in types:
        out += [True] + (["abc", math.inf, None, [1]] if full else [])
    if "string" in types:
        out += [HUGE] + ([False, None, ["a"]] if full and "boolean" not in types else [None] if full else [])
        if "enum" in spec:
            out.append("not-a-choice")
    if "boolean" in types and "number" not in types:
        out += [1] + (["true", None] if full else [])
    if types == ["array"]:
        item = spec.get("items", {}).get("type")
        out += ["x"] + (
            [None, {"k": 1}, ["x"] if item in ("number", "integer", "object") else [5]] if full else []
        )
    if ("integer" in types or "number" in types) and "string" not in types and full:
        if "maximum" in spec:
            out.append(spec["maximum"] + 1)
        if "minimum" in spec:
            out.append(spec["minimum"] - 1)
    return out


def named(value: Any) -> list[str]:
    """How a refusal may name ``value``: as JSON (a list: or the item refused), a long string by its length."""
    if isinstance(value, str) and len(value) > 100:
        return [f"{len(value):,} characters"]
    if isinstance(value, float) and math.isinf(value):
        return ["Infinity", "null"]  # the SDK's client writes inf as null
    return [json.dumps(value)] + ([json.dumps(v) for v in value] if isinstance(value, list) else [])


def calls(tools: list[Any]) -> list[tuple[str, dict[str, Any], str, list[str]]]:
    """(tool, arguments, the input, what the refusal must name) for every bad call."""
    out = []
    met: set[str] = set()
    for tool in tools:
        props: dict[str, Any] = tool.input_schema.get("properties", {})
        base = {name: filler(spec) for name, spec in props.items()}
        for name, spec in props.items():
            key = json.dumps({k: v for k, v in spec.items() if k != "description"}, sort_keys=True)
            for value in bad_values(spec, key not in met):
                out.append((tool.name, {**base, name: value}, name, named(value)))
            met.add(key)
        for name in tool.input_schema.get("required", []):
            out.append((tool.name, {k: v for k, v in base.items() if k != name}, name, ["missing"]))
        out.append((tool.name, {**base, "nonesuch": 1}, "nonesuch", ["not an input"]))
        changes = tool.annotations is not None and tool.annotations.read_only_hint is False
        for name, spec in props.items():  # a tool that changes the Set: an index naming nothing
            if (
                changes
                and tool.name.startswith("live_")
                and str(spec.get("description", "")).endswith("index from 0")
            ):
                out.append((tool.name, {**base, name: 999}, name, ["999", "out of range"]))
    return out


def text_of(result: Any) -> str:
    return "".join(getattr(c, "text", "") for c in result.content)


async def state(session: Any) -> list[str]:
    return [text_of(await session.call_tool(name, args)) for name, args in STATE_READS]


async def test_the_drill_of_bad_calls(sim: Sim) -> None:
    async with mcp_client(sim) as session:
        tools = (await session.list_tools()).tools
        drill = calls(tools)
        assert len(drill) >= 500, len(drill)
        before = await state(session)
        failures: list[str] = []
        for i, (tool, arguments, name, names) in enumerate(drill):
            result = await session.call_tool(tool, arguments)
            text = text_of(result)
            if not result.is_error or any(raw in text for raw in RAW):
                failures.append(f"{tool} {name}={str(arguments.get(name))[:40]}: {text[:200]}")
            elif name not in text or not any(n in text for n in names):
                failures.append(f"{tool} {name}={str(arguments.get(name))[:40]} not named: {text[:200]}")
            if i % 10 == 0:  # a good call between the bad ones, answered as ever
                good, good_args, wanted = GOOD[(i // 10) % len(GOOD)]
                answer = await session.call_tool(good, good_args)
                assert not answer.is_error and wanted in text_of(answer), text_of(answer)
        assert failures == [], f"{len(failures)} of {len(drill)}:\n" + "\n".join(failures[:40])
        assert await state(session) == before  # nothing was deleted, fired, renamed or started
        assert len((await session.list_tools()).tools) == len(tools)
