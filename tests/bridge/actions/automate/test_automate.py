"""/roo/automate through the real daemon and the real Remote Script in the in-memory Live: a shaped
clip envelope of a device's parameter (found by name) or the mixer's, in the parameter's own range,
one undo step; in a session clip or the arrangement clip under a beat; clear; refusals that name
the bad value and change nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from bridge import protocol
from livesim.host import LiveHost
from livesim.live_set import ClipDesc, SetDesc, TrackDesc
from tests.bridge.harness import Client, running_daemon

PAD = (ClipDesc(0, "pad", 16.0, ((60, 0.0, 16.0, 90, 0),)),)
VERSE = (ClipDesc(0, "verse", 32.0, ((48, 0.0, 4.0, 90, 0),)),)


@pytest.fixture
def live() -> Iterator[LiveHost]:
    tracks = (TrackDesc("midi", "Pad", clips=PAD), TrackDesc("midi", "Bass", arrangement=VERSE))
    host = LiveHost(SetDesc(tracks=tracks), port=0, version=(12, 3, 6)).start_in_thread()

    def devices() -> None:
        host.song.tracks[0].insert_device("Wavetable")
        host.song.tracks[0].insert_device("Auto Filter")
        host.song.tracks[1].insert_device("Operator")

    host.call(devices)
    yield host
    host.stop()
    assert host.errors == []


def ask(client: Client, *args: object) -> tuple[str, str]:
    client.send(protocol.AUTOMATE, *args)
    _, state, _, message = client.wait_final(30)
    return str(state), str(message)


Find = Callable[[Any], Any]  # the song -> a clip or a parameter


def values(live: LiveHost, clip_of: Find, param_of: Find, times: list[float]) -> list[float] | None:
    """The envelope's values at ``times`` (None: no envelope), read on Live's thread."""

    def read() -> list[float] | None:
        env = clip_of(live.song).automation_envelope(param_of(live.song))
        return None if env is None else [env.value_at_time(t) for t in times]

    return live.call(read)


def session_clip(song: Any) -> Any:
    return song.tracks[0].clip_slots[0].clip


def frequency(song: Any) -> Any:
    return next(p for p in song.tracks[0].devices[1].parameters if p.name == "Frequency")


def pad_volume(song: Any) -> Any:
    return song.tracks[0].mixer_device.volume


def test_a_filter_rise_over_the_clip_in_one_undo_step(live: LiveHost) -> None:
    steps = live.call(lambda: live.doc.undo_steps)
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            state, said = ask(
                client, 0, "Auto Filter", "frequency", "rise", "from", 0.2, "to", 0.9, "slot", 0
            )
            assert state == "done", said
            assert (
                "Auto Filter 'Frequency' on track 1, scene 1: rise 0.2 to 0.9 over 16 beats (64 steps)"
                in said
            )
        finally:
            client.close()
    got = values(live, session_clip, frequency, [0.0, 8.0, 15.9])
    assert got is not None and got[0] == pytest.approx(0.2) and got[2] == pytest.approx(0.9)
    assert 0.5 < got[1] < 0.6  # straight: the middle step is about halfway
    assert live.call(lambda: live.doc.undo_steps) == steps + 1
    live.call(live.song.undo)
    assert values(live, session_clip, frequency, [0.0]) is None


def test_a_volume_fade_in_over_bars_and_a_ducking_lfo_in_the_arrangement(live: LiveHost) -> None:
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            state, said = ask(
                client, 0, "mixer", "volume", "rise", "bars", 2, "slot", 0, "from", 0.0, "to", 0.85
            )
            assert state == "done", said
            state, said = ask(client, 1, "mixer", "volume", "lfo", "at", 8.0, "bars", 1, "rate", 1.0)
            # the clip named as the Remote Script names it (places.arrangement_clip_at), then where the region starts
            assert (
                state == "done"
                and "on track 2 'Bass', the clip 'verse' at bar 1.1, from bar 3.1: lfo" in said
            ), said
        finally:
            client.close()
    fade = values(live, session_clip, pad_volume, [0.0, 7.9, 8.0, 12.0])
    assert fade is not None and fade[0] == 0.0 and fade[1] == pytest.approx(0.85)
    assert fade[2] == fade[3] == pytest.approx(0.85)  # after the two bars: the flat value, as it was
    duck = values(
        live,
        lambda song: song.tracks[1].arrangement_clips[0],
        lambda song: song.tracks[1].mixer_device.volume,
        [8.0, 8.5, 9.0, 9.5, 12.0, 0.0],
    )
    assert duck is not None
    assert duck[0] == duck[2] == 0.0 and duck[1] == duck[3] == 1.0  # low on each beat, up between
    assert duck[4] == duck[5] == pytest.approx(0.85)  # outside the bar the envelope is untouched


def test_refusals_name_the_value_and_write_nothing_then_clear(live: LiveHost) -> None:
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            state, said = ask(client, 0, "Auto Filter", "frequency", "rise", "to", 2.0, "slot", 0)
            assert state == "failed" and "to 2 is out of range" in said and "0..1" in said, said
            state, said = ask(client, 0, "Reverb", "decay", "rise", "slot", 0)
            assert state == "failed" and "no device 'Reverb'" in said and "'Auto Filter'" in said, said
            state, said = ask(client, 0, "Auto Filter", "cutoff", "rise", "slot", 0)
            assert state == "failed" and "'Frequency'" in said and "'Resonance'" in said, said
            state, said = ask(client, 0, "Auto Filter", "frequency", "wobble")
            assert state == "failed" and "shape 'wobble'" in said and "lfo" in said, said
            state, said = ask(client, 0, "Auto Filter", "frequency", "rise", "bars", 8, "slot", 0)
            assert state == "failed" and "do not fit the clip" in said, said
            state, said = ask(client, 1, "mixer", "volume", "rise", "at", 40.0)
            assert state == "failed" and "no arrangement clip at bar 11.1 (beat 40)" in said, said
            assert values(live, session_clip, frequency, [0.0]) is None
            assert ask(client, 0, "mixer", "pan", "swell", "slot", 0)[0] == "done"
            state, said = ask(client, "clear", 0, "mixer", "pan", "slot", 0)
            assert (state, said) == ("done", "cleared mixer 'pan' on track 1")
            assert values(live, session_clip, lambda song: song.tracks[0].mixer_device.panning, [0.0]) is None
            state, said = ask(client, "clear", 0, "slot", 0)
            assert state == "done" and "(there was none)" in said, said
        finally:
            client.close()


def test_last_bars_end_the_envelope_at_the_clip_end_and_first_bars_start_it(live: LiveHost) -> None:
    """The pad's clip is 4 bars (16 beats): ``last_bars 1`` draws over beats 12..16, the rest kept as
    it was; ``first_bars 1`` over beats 0..4; both with ``bars``, or more bars than the clip, refused."""
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            state, said = ask(
                client, 0, "mixer", "volume", "fall", "last_bars", 1, "slot", 0, "from", 0.85, "to", 0.0
            )
            assert state == "done" and "over 4 beats, the clip's last 4 beats from beat 12" in said, said
            fall = values(live, session_clip, pad_volume, [0.0, 11.9, 12.0, 14.0, 15.99])
            assert fall is not None and fall[0] == fall[1] == pytest.approx(0.85), fall  # before: as it was
            assert fall[2] == pytest.approx(0.85) and 0.3 < fall[3] < 0.55 and fall[4] < 0.05, fall
            state, said = ask(
                client,
                0,
                "Auto Filter",
                "frequency",
                "rise",
                "first_bars",
                1,
                "slot",
                0,
                "from",
                0.2,
                "to",
                0.9,
            )
            assert state == "done" and "over 4 beats (" in said, said
            rise = values(live, session_clip, frequency, [0.0, 3.99, 8.0])
            assert (
                rise is not None and rise[0] == pytest.approx(0.2) and rise[1] == pytest.approx(0.9, abs=0.02)
            )
            state, said = ask(client, 0, "mixer", "pan", "rise", "bars", 2, "last_bars", 1, "slot", 0)
            assert state == "failed" and "bars 2 and last_bars 1 both given" in said, said
            state, said = ask(client, 0, "mixer", "pan", "rise", "last_bars", 5, "slot", 0)
            assert state == "failed" and "last_bars 5 (20 beats) do not fit the clip" in said, said
            state, said = ask(client, 0, "mixer", "pan", "rise", "last_bars", 0, "slot", 0)
            assert state == "failed" and "last_bars 0: expected a whole number of bars >= 1" in said, said
            assert values(live, session_clip, lambda song: song.tracks[0].mixer_device.panning, [0.0]) is None
        finally:
            client.close()
