"""The MCP server's clip-envelope tools (bridge.mcp.envelopes) against the real Remote Script in the
in-memory Live, through the Remote Script's own envelope requests: steps inserted into an arrangement
clip under a beat and read back at times from that beat, the clip's every beat read when no times
are given, the flat value where there is no envelope, refusals that name the bad value."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest

from bridge.live.client import LiveClient
from bridge.mcp.envelopes import BY_NAME
from engines.errors import InvalidValue, RooError
from livesim.host import LiveHost
from livesim.live_set import ClipDesc, SetDesc, TrackDesc

VERSE = (ClipDesc(0, "verse", 8.0, ((48, 0.0, 4.0, 90, 0),), start=8.0),)  # beats 8..16 of the Arrangement
WHERE = {"track": 0, "slot": -1, "at_beats": 10.0, "device": "mixer", "parameter": "volume"}


@pytest.fixture
def live() -> Iterator[LiveHost]:
    host = LiveHost(SetDesc(tracks=(TrackDesc("midi", "Bass", arrangement=VERSE),)), port=0).start_in_thread()
    yield host
    host.stop()


def call(live: LiveHost, tool: str, values: dict[str, Any]) -> dict[str, Any]:
    async def run() -> dict[str, Any]:
        client = LiveClient(port=live.port)
        await client.start()
        try:
            chosen = BY_NAME[tool]
            return await chosen.run(client, chosen.values(values))
        finally:
            client.close()

    return asyncio.run(run())


def test_steps_in_an_arrangement_clip_read_back_from_the_beat(live: LiveHost) -> None:
    steps = [
        {"time_beats": 0, "duration_beats": 2, "value": 0.2},
        {"time_beats": 2, "duration_beats": 1, "value": 0.6},
    ]
    assert call(live, "live_envelope_insert_steps", {**WHERE, "steps": steps})["steps"] == 2
    got = call(live, "live_envelope_read", {**WHERE, "times": [0.0, 1.5, 2.5, 3.5]})
    assert (got["device"], got["parameter"], got["has_envelope"]) == ("Mixer", "Track Volume", True)
    assert [p["value"] for p in got["points"]] == pytest.approx([0.2, 0.2, 0.6, 0.85])
    # in the clip's own time the steps sit 2 beats in (the region starts at beat 10, the clip at 8)
    track: Any = live.song.tracks[0]
    env = live.call(lambda: track.arrangement_clips[0].automation_envelope(track.mixer_device.volume))
    assert env is not None and live.call(lambda: env.value_at_time(2.5)) == pytest.approx(0.2)
    every = call(live, "live_envelope_read", {**WHERE, "step_beats": 2.0})  # 6 beats left from beat 10
    assert [p["time_beats"] for p in every["points"]] == [0.0, 2.0, 4.0, 6.0]
    assert call(live, "live_envelope_clear", WHERE)["had_envelope"] is True
    flat = call(live, "live_envelope_read", {**WHERE, "times": [0.0]})
    assert flat["has_envelope"] is False and flat["points"] == [
        {"time_beats": 0.0, "value": pytest.approx(0.85)}
    ]


def test_bad_values_are_refused_naming_them(live: LiveHost) -> None:
    with pytest.raises(RooError, match="time 7: expected it within the clip's 6 beats"):
        call(live, "live_envelope_read", {**WHERE, "times": [7.0]})
    with pytest.raises(RooError, match=r"no arrangement clip at bar 6\.1 \(beat 20\)"):
        call(live, "live_envelope_read", {**WHERE, "at_beats": 20.0, "times": [0.0]})
    with pytest.raises(InvalidValue, match="step_beats 0: expected more than 0"):
        call(live, "live_envelope_read", {**WHERE, "step_beats": 0})
    with pytest.raises(InvalidValue, match="'colour' is not known"):
        call(live, "live_envelope_clear", {**WHERE, "colour": 1})
    with pytest.raises(InvalidValue, match="steps is missing"):
        call(live, "live_envelope_insert_steps", WHERE)
