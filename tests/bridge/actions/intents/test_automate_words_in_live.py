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
            assert state == "done" and "Mixer 'Track Volume' on track 2 slot 0: rise 0 to 0.85" in said, said
            client.send(protocol.GENERATE, "bass", "track", 1, "slot", 0, "bars", 2)
            assert client.wait_final(30)[1] == "done"
            state, said = say(client, "duck the bass on every beat")
            assert state == "done" and "lfo 0.3 to 0.85" in said, said
            state, said = say(client, "filter sweep up on the pad")
            # a sweep on a track with no Auto Filter inserts one and says so (issue 57)
            assert state == "done" and "Auto Filter inserted on track 2" in said, said
        finally:
            client.close()
    fade = volume(live, 2, [0.0, 16.0, 31.9])
    assert fade is not None and fade[0] == 0.0 and 0.4 < fade[1] < 0.45 and fade[2] == pytest.approx(0.85)
    duck = volume(live, 1, [0.0, 0.5, 1.0, 1.5])
    assert duck == pytest.approx([0.3, 0.85, 0.3, 0.85])
    devices = live.call(lambda: [d.name for d in live.song.tracks[2].devices])
    assert "Auto Filter" in devices
