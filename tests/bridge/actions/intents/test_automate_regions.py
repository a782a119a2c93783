"""Issue 43: automation said of a region of the Arrangement ("swell the bass into the chorus", "duck
the bass on every beat in the chorus") draws on the arrangement clip the cue points name: the bar
before the section for "into", the section's own clip otherwise. Through the daemon and the real
Remote Script in the in-memory Live; values read back with value_at_time."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bridge.commands.parser import parse
from livesim.host import LiveHost
from livesim.live_set import SetDesc, TrackDesc
from tests.bridge.actions.intents.test_region_commands import command, lay_cues
from tests.bridge.harness import Client, running_daemon


def test_the_words_carry_the_region() -> None:
    into = parse("filter sweep up into the chorus")
    assert into.action == "automate" and into.params["region"] == {
        "section": "chorus",
        "nth": 1,
        "into": True,
    }
    duck = parse("duck the bass on every beat in the chorus")
    assert duck.action == "automate" and duck.params["region"] == {"section": "chorus", "nth": 1}
    assert "region" not in parse("fade the pad in over 8 bars").params


@pytest.fixture
def live() -> Iterator[LiveHost]:
    host = LiveHost(SetDesc(tracks=(TrackDesc("midi", "Drums"), TrackDesc("midi", "Bass"))), port=0)
    host.start_in_thread()
    lay_cues(host)
    yield host
    host.stop()


def volume_at(live: LiveHost, track: int, start_beats: float, times: list[float]) -> list[float]:
    """The volume envelope of the arrangement clip starting at ``start_beats``, at ``times`` in the
    clip's own beats (Live's clip envelopes count from the clip's start)."""

    def read() -> list[float]:
        t = live.song.tracks[track]
        clip = next(c for c in t.arrangement_clips if c.start_time == start_beats)
        envelope = clip.automation_envelope(t.mixer_device.volume)
        assert envelope is not None, f"no volume envelope on the clip at {start_beats}"
        return [round(envelope.value_at_time(x), 3) for x in times]

    return live.call(read)


def test_drawn_into_and_in_a_section_of_the_arrangement(live: LiveHost) -> None:
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            for text in ("a bassline for the verse", "a bassline for the chorus"):
                state, said = command(client, text)
                assert state == "done", said
            state, said = command(client, "swell the bass into the chorus")  # the verse's last 4 bars
            assert state == "done" and "at bar 5.1" in said, said
            swell = volume_at(live, 1, 16.0, [0.1, 8.0, 15.9])
            assert swell[0] < swell[1] and swell[2] < swell[1], swell  # up to the middle, down again
            state, said = command(client, "duck the bass on every beat in the chorus")  # 32..48
            assert state == "done", said
            ducked = volume_at(live, 1, 32.0, [0.0, 0.5, 1.0, 15.5])
            assert min(ducked) < max(ducked), ducked
            state, said = command(client, "swell the bass into the intro")  # nothing before beat 0
            assert state == "failed" and "beat -16" in said, said
        finally:
            client.close()


def test_a_fade_over_the_last_bars_of_a_section(live: LiveHost) -> None:
    """Issue 55: "over the last 2 bars of the chorus" draws on the chorus's clip (32..48) over its
    last 2 bars, beats 8..16 of the clip; the rest of the clip keeps its volume."""
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            state, said = command(client, "a bassline for the chorus")
            assert state == "done", said
            state, said = command(client, "fade the bass out over the last 2 bars of the chorus")
            assert (
                state == "done"
                and "on track 2 'Bass', the clip 'bass pop s1' at bar 9.1, from bar 11.1: fall" in said
            ), said
            state, said = command(client, "fade the bass out over the last 8 bars of the chorus")
            assert state == "failed" and "8 bar(s) said of its 4" in said, said
        finally:
            client.close()
    fall = volume_at(live, 1, 32.0, [0.0, 7.9, 8.0, 12.0, 15.99])
    assert fall[0] == fall[1] == fall[2] == 0.85 and 0.3 < fall[3] < 0.55 and fall[4] < 0.05, fall
