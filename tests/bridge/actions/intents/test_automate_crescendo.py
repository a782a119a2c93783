"""A crescendo said of a track or a part lands as its volume envelope through the real daemon and Remote
Script in the in-memory Live (issue 55, round 36): "crescendo the strings over 4 bars" rises on the track
named Strings over its 16 beats, "diminuendo the strings over 2 bars" falls over 8, and "crescendo the
bass into the chorus" rises over the bars before the chorus's cue point (the words had been asked about,
"continue this for 4 bars?", with the learned reading on)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bridge import protocol
from livesim.host import LiveHost
from livesim.live_set import ClipDesc, SetDesc, TrackDesc
from tests.bridge.actions.intents.test_automate_regions import volume_at
from tests.bridge.actions.intents.test_region_commands import lay_cues
from tests.bridge.harness import Client, running_daemon

STRINGS = (ClipDesc(0, "strings", 16.0, ((60, 0.0, 16.0, 90, 0),)),)
ENCODER_LOAD_S = 60  # the first command waits for the sentence encoder's load


@pytest.fixture
def live() -> Iterator[LiveHost]:
    tracks = (
        TrackDesc("midi", "Drums"),
        TrackDesc("midi", "Bass"),
        TrackDesc("midi", "Strings", clips=STRINGS),
    )
    host = LiveHost(SetDesc(tracks=tracks), port=0).start_in_thread()
    lay_cues(host)
    yield host
    host.stop()
    assert host.errors == []


def say(client: Client, text: str) -> tuple[str, str]:
    client.send(protocol.COMMAND, text)
    _, state, _, message = client.wait_final(ENCODER_LOAD_S)
    return str(state), str(message)


def strings_volume(live: LiveHost, times: list[float]) -> list[float] | None:
    def read() -> list[float] | None:
        t = live.song.tracks[2]
        env = t.clip_slots[0].clip.automation_envelope(t.mixer_device.volume)
        return None if env is None else [round(env.value_at_time(x), 3) for x in times]

    return live.call(read)


@pytest.mark.usefixtures("learned_reading")
def test_a_crescendo_and_a_diminuendo_are_drawn(live: LiveHost) -> None:
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            state, said = say(client, "crescendo the strings over 4 bars")
            assert state == "done" and "rise 0 to 0.85" in said, said
            rise = strings_volume(live, [0.0, 8.0, 15.9])
            assert rise is not None and rise[0] == 0.0 and rise[0] < rise[1] < rise[2], rise
            state, said = say(client, "diminuendo the strings over 2 bars")
            assert state == "done" and "fall 0.85 to 0" in said, said
            fall = strings_volume(live, [0.0, 4.0, 7.9])
            assert fall is not None and fall[0] > fall[1] > fall[2], fall
            for text in ("a bassline for the verse", "a bassline for the chorus"):
                state, said = say(client, text)
                assert state == "done", said
            state, said = say(client, "crescendo the bass into the chorus")  # the verse's last bars
            assert state == "done" and "at bar 5.1" in said, said
        finally:
            client.close()
    into = volume_at(live, 1, 16.0, [0.1, 8.0, 15.9])
    assert into[0] < into[1] < into[2], into
