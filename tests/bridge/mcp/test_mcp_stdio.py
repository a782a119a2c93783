"""`roo mcp` over stdio, driven by the MCP SDK's own client, against `roo sim` (real processes):
the tool list and its schemas, a generate that lands notes in Live, a value refused before
anything runs with the OSC path's message, and a resource read."""

from __future__ import annotations

import json

import pytest

from bridge import protocol
from tests.bridge.mcp.conftest import Sim, mcp_client

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def text_of(result: object) -> str:
    return "".join(getattr(c, "text", "") for c in getattr(result, "content", []))


async def test_tools_schemas_a_generate_into_live_a_refusal_and_a_resource(sim: Sim) -> None:
    async with mcp_client(sim) as session:
        tools = {t.name: t for t in (await session.list_tools()).tools}
        assert {
            "generate",
            "transform",
            "analyze",
            "separate",
            "musicgen",
            "infill",
            "automate",
            "command",
        } <= set(tools)
        assert {"live_song_get", "live_clip_notes", "live_device_parameters"} <= set(tools)
        schema = tools["generate"].input_schema
        assert schema["properties"]["part"]["enum"] == list(protocol.PARTS)
        assert {"bars", "genre", "key", "seed", "arrangement", "at"} <= set(schema["properties"])
        assert tools["live_clip_notes"].annotations.read_only_hint is True
        assert tools["generate"].annotations.read_only_hint is False

        done = await session.call_tool(
            "generate", {"part": "bass", "track": 0, "slot": 0, "bars": 2, "seed": 5}
        )
        assert not done.is_error, text_of(done)
        notes = await session.call_tool("live_clip_notes", {"track": 0, "slot": 0})
        assert not notes.is_error, text_of(notes)
        assert len(json.loads(text_of(notes))["notes"]) > 0

        refused = await session.call_tool("generate", {"part": "bass", "bars": 100000})
        assert refused.is_error and "bars 100000 is out of range: expected 1..256" in text_of(refused)

        song = await session.read_resource("musearoo://song")
        context = json.loads(song.contents[0].text)
        assert context["tempo"] == 120.0 and context["signature_numerator"] == 4
        assert context["track_names"][:2] == ["1-MIDI", "2-MIDI"]
