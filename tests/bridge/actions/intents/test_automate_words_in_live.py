"""Automation said in words lands as clip envelopes through the real daemon and Remote Script in
the in-memory Live (issue 43): "fade the pad in over 8 bars" on the track named Pad, "duck the bass
on every beat" on the bass just generated; a filter sweep where no filter is names the devices."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bridge import protocol
from livesim.host import LiveHost
from livesim.live_set import ClipDesc, SetDesc, TrackDesc
from tests.bridge.harness import Client, running_daemon

PAD = (ClipDesc(0, "pad", 32.0, ((60, 0.0, 32.0, 80, 0),)),)


@pytest.fixture
def live() -> Iterator[LiveHost]:
    tracks = (TrackDesc("midi", "Drums"), TrackDesc("midi", "Bass"), TrackDesc("midi", "Pad", clips=PAD))
    host = LiveHost(SetDesc(tracks=tracks), port=0).start_in_thread()
    yield host
    host.stop()
    assert host.errors == []


def say(client: Client, text: str) -> tuple[str, str]:
    client.send(protocol.COMMAND, text)
    _, state, _, message = client.wait_final(30)
    return str(state), str(message)


def volume(live: LiveHost, track: int, times: list[float]) -> list[float] | None:
    def read() -> list[float] | None:
        t = live.song.tracks[track]
        env = t.clip_slots[0].clip.automation_envelope(t.mixer_device.volume)
        return None if env is None else [env.value_at_time(x) for x in times]

    return live.call(read)


def test_fade_and_duck_by_words(live: LiveHost) -> None:
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            state, said = say(client, "fade the pad in over 8 bars")
            assert state == "done" and "Mixer 'Track Volume' on track 3, scene 1: rise 0 to 0.85" in said, (
                said
            )
            client.send(protocol.GENERATE, "bass", "track", 1, "slot", 0, "bars", 2)
            assert client.wait_final(30)[1] == "done"
            state, said = say(client, "duck the bass on every beat")
            assert state == "done" and "lfo 0.3 to 0.85" in said, said
            state, said = say(client, "filter sweep up on the pad")
            # a sweep on a track with no Auto Filter inserts one and says so (issue 57)
            assert state == "done" and "Auto Filter inserted on track 3" in said, said
        finally:
            client.close()
    fade = volume(live, 2, [0.0, 16.0, 31.9])
    assert fade is not None and fade[0] == 0.0 and 0.4 < fade[1] < 0.45 and fade[2] == pytest.approx(0.85)
    duck = volume(live, 1, [0.0, 0.5, 1.0, 1.5])
    assert duck == pytest.approx([0.3, 0.85, 0.3, 0.85])
    devices = live.call(lambda: [d.name for d in live.song.tracks[2].devices])
    assert "Auto Filter" in devices


def test_a_fade_said_over_the_last_or_first_bars_of_the_clip(live: LiveHost) -> None:
    """Issue 55: "over the last 2 bars" (``scope`` ``last_bars``) ends the envelope at the clip's end,
    "over the first 2 bars" starts it at the clip's start; the pad's clip has 8 bars (32 beats)."""
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            state, said = say(client, "fade the pad out over the last 2 bars")
            assert state == "done" and "from beat 24" in said, said
            state, said = say(client, "bring the pad in gradually over the first 2 bars")
            assert state == "done" and "over 8 beats (" in said, said
            state, said = say(client, "fade the pad out over the last 16 bars")
            assert state == "failed" and "last_bars 16 (64 beats) do not fit the clip" in said, said
        finally:
            client.close()
    got = volume(live, 2, [0.0, 4.0, 7.99, 16.0, 23.9, 24.0, 28.0, 31.99])
    assert got is not None and got[0] == 0.0 and 0.3 < got[1] < 0.55 and got[2] > 0.8, got  # in
    assert got[3] == got[4] == got[5] == pytest.approx(0.85), got  # between: as it was
    assert 0.3 < got[6] < 0.55 and got[7] < 0.05, got  # out, ending at the clip's end
