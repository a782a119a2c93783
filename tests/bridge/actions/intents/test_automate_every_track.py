"""A fade of the whole song ("fade everything out", "fade the whole band out at the end") is drawn on every
track's clip in the selected scene, through the real Remote Script in the in-memory Live (round 35, w84: it
had been drawn on the selected track alone: a live wrong act); over a section of the Arrangement it is asked."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bridge.commands import agree
from livesim.host import LiveHost
from livesim.live_set import ClipDesc, SetDesc, TrackDesc
from tests.bridge.actions.intents.test_region_commands import command
from tests.bridge.harness import Client, running_daemon


def _clip(pitch: int) -> tuple[ClipDesc, ...]:
    return (ClipDesc(0, "loop", 16.0, ((pitch, 0.0, 16.0, 90, 0),)),)


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    "text",
    ["fade all of it out", "fade the whole band out at the end", "fade out every track over the last 4 bars",
     "slowly fade the whole mix out"],
)  # fmt: skip
def test_a_fade_of_the_whole_song_is_every_part(text: str) -> None:
    intent = agree.parse(text)
    assert intent.action == "automate" and intent.part == "all", intent
    assert intent.params["shape"] == "fall" and "track_name" not in intent.params, intent


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(("text", "part"), [("fade the strings out", None), ("fade it out at the end", None)])
def test_a_fade_of_one_thing_stays_one(text: str, part: str | None) -> None:
    assert agree.parse(text).part == part


@pytest.fixture
def live() -> Iterator[LiveHost]:
    tracks = tuple(
        TrackDesc("midi", name, clips=_clip(p)) for name, p in (("Pad", 60), ("Keys", 64), ("Lead", 72))
    )
    host = LiveHost(SetDesc(tracks=tracks), port=0).start_in_thread()
    yield host
    host.stop()
    assert host.errors == []


def _envelope(live: LiveHost, track: int) -> object:
    def read() -> object:
        t = live.song.tracks[track]
        return t.clip_slots[0].clip.automation_envelope(t.mixer_device.volume)

    return live.call(read)


def test_fade_everything_out_draws_on_every_track(live: LiveHost) -> None:
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            state, said = command(
                client, "fade the whole band out in the outro"
            )  # a section: asked, none drawn
            assert state == "failed" and "name one track" in said, said
            assert all(_envelope(live, t) is None for t in range(3))
            state, said = command(client, "fade everything out")
            assert state == "done", said
            assert all(_envelope(live, t) is not None for t in range(3)), said
            assert all(f"track {t + 1}, scene 1" in said for t in range(3)), said
        finally:
            client.close()
