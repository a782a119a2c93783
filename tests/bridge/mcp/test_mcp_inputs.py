"""Issue 53's numbered problems 3 and 4, each as it was met, through `roo mcp` over stdio against
`roo sim`: Live's refusals in the project's words, wrong-typed indices refused before a destructive
tool acts (the Set read before and after), no Python exception text, a long string refused at once
naming the limit, take_export's folder checked, and a NaN (sent as JSON's NaN literal) refused."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from typing import Any

import pytest

from tests.bridge.mcp.conftest import ROOT, Sim, mcp_client

pytestmark = pytest.mark.anyio
RAW = ("Traceback", "did not match C++ signature", "Error handling OSC message", "File name too long")


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def text_of(result: Any) -> str:
    return "".join(getattr(c, "text", "") for c in result.content)


async def refused(session: Any, tool: str, arguments: dict[str, Any], *words: str) -> str:
    result = await session.call_tool(tool, arguments)
    text = text_of(result)
    assert result.is_error, (tool, text)
    assert not any(raw in text for raw in RAW), (tool, text)
    for word in words:
        assert word in text, (tool, word, text)
    return text


async def value(session: Any, tool: str, arguments: dict[str, Any]) -> Any:
    result = await session.call_tool(tool, arguments)
    assert not result.is_error, text_of(result)
    return json.loads(text_of(result))


async def test_live_errors_in_the_projects_words(sim: Sim) -> None:
    async with mcp_client(sim) as session:
        await refused(session, "live_track_set", {"track": 42, "property": "volume", "value": 0.5},
                      "live_track_set: track 42 is out of range: expected 0..3 (the Set has 4 tracks)")  # fmt: skip
        await refused(session, "live_track_get", {"track": 42, "property": "name"},
                      "track 42 is out of range: expected 0..3 (the Set has 4 tracks)")  # fmt: skip
        await refused(session, "live_track_set", {"track": 0, "property": "volume", "value": "loud"},
                      'value (volume) "loud" is not valid: expected a number')  # fmt: skip
        await refused(session, "live_song_set", {"property": "tempo", "value": "fast"},
                      'value (tempo) "fast" is not valid: expected a number')  # fmt: skip
        await refused(session, "live_device_parameters", {"track": 0, "device": 3},
                      "device 3 is out of range: expected none (track 0 has 0 devices)")  # fmt: skip
        await refused(session, "live_create_midi_track", {"index": 99},
                      "index 99 is out of range: expected -1 (the end) or 0..4 (the Set has 4 tracks)")  # fmt: skip
        made = await value(session, "live_create_midi_track", {"index": 4})
        assert made["made"] == {"track": 4, "name": "5-MIDI"}, made


async def test_wrong_typed_indices_touch_nothing(sim: Sim) -> None:
    async with mcp_client(sim) as session:
        await value(session, "live_create_clip", {"track": 0, "slot": 0, "length_beats": 4})
        returns = await value(session, "live_song_get", {"property": "num_return_tracks"})
        for tool, arguments, name in (
            ("live_delete_return_track", {"track": True}, "track true"),
            ("live_delete_return_track", {"track": 0.0}, "track 0.0"),
            ("live_delete_clip", {"track": 0, "slot": -0.0}, "slot -0.0"),
            ("live_delete_track", {"track": False}, "track false"),
            ("live_scene_fire", {"scene": True}, "scene true"),
            ("live_delete_return_track", {"track": 7}, "track 7 is out of range: expected 0..1 (the Set has 2 "
             "return tracks)"),
        ):  # fmt: skip
            await refused(session, tool, arguments, f"{tool}: {name}")
        assert await value(session, "live_song_get", {"property": "num_return_tracks"}) == returns
        assert (await value(session, "live_slot_get", {"track": 0, "slot": 0, "property": "has_clip"}))[
            "value"
        ]
        assert (await value(session, "live_song_get", {"property": "is_playing"}))["value"] is False
        assert len((await value(session, "song", {}))["tracks"]) == 4


async def test_no_exception_text_and_limits_said(sim: Sim) -> None:
    where = {"track": 0, "slot": 0, "device": "mixer", "parameter": "volume"}
    async with mcp_client(sim) as session:
        note = {"pitch": "x", "start_beats": 0, "duration_beats": 1}
        await refused(session, "live_clip_add_notes", {"track": 0, "slot": 0, "notes": [note]},
                      'notes[0].pitch "x" is not valid: expected a whole number')  # fmt: skip
        for bad, shown in (("abc", '"abc"'), ([1], "[1]"), (None, "null")):
            await refused(session, "live_envelope_read", {**where, "at_beats": bad}, f"at_beats {shown}")
            await refused(session, "live_envelope_clear", {**where, "at_beats": bad}, f"at_beats {shown}")
        await refused(session, "separate", {"model": "m" * 100_000}, "model", "(100,000 characters) is too long",
                      "at most 2,000 characters")  # fmt: skip
        await refused(session, "command", {"text": "x" * 70_000}, "text", "(70,000 characters) is too long",
                      "expected at most 2,000 characters")  # fmt: skip
        made = await value(session, "generate", {"part": "bass", "track": 1, "slot": 0, "bars": 1, "seed": 1})
        take = made["take_ids"][0]
        strays = [ROOT / "False", ROOT / "{'k': 'v'}"]  # the folders a take once went into
        try:
            await refused(session, "take_export", {"take_id": take}, "out_dir is missing")
            await refused(session, "take_export", {"take_id": take, "out_dir": False}, "out_dir false")
            await refused(
                session, "take_export", {"take_id": take, "out_dir": {"k": "v"}}, 'out_dir {"k": "v"}'
            )
            assert not any(stray.exists() for stray in strays)
        finally:
            for stray in strays:
                shutil.rmtree(stray, ignore_errors=True)


def test_a_nan_start_is_refused(sim: Sim) -> None:
    """JSON's NaN literal (the SDK's client cannot write it: its JSON has none), as a client may send it."""
    lines = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-06-18",
         "capabilities": {}, "clientInfo": {"name": "raw", "version": "1"}}},
        {"jsonrpc": "2.0", "method": "notifications/initialized"},
    ]  # fmt: skip
    call = ('{"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {"name": "live_clip_add_notes", '
            '"arguments": {"track": 0, "slot": 0, "notes": [{"pitch": 60, "start_beats": NaN, '
            '"duration_beats": 1}]}}}')  # fmt: skip
    wire = "".join(json.dumps(line) + "\n" for line in lines) + call + "\n"
    proc = subprocess.Popen([sys.executable, *sim.mcp_args()], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True, env={**os.environ, **sim.env()}, cwd=ROOT)  # fmt: skip
    watchdog = threading.Timer(120, proc.kill)  # a server that never answers ends the test, not hangs it
    watchdog.start()
    try:
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(wire)
        proc.stdin.flush()
        answer: dict[str, Any] = {}
        while answer.get("id") != 2:
            line = proc.stdout.readline()
            assert line, "roo mcp ended without answering the call"
            answer = json.loads(line)
    finally:
        watchdog.cancel()
        proc.terminate()
        proc.wait(10)
    result = answer["result"]
    assert result["isError"], result
    assert "notes[0].start_beats NaN is not a number" in result["content"][0]["text"], result
