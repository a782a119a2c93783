"""A filter sweep on a track without Auto Filter (issue 57, item 6): on Live 12.3+ the daemon has the
Remote Script insert it (Track.insert_device) at the end of the chain, draws the sweep and says it
inserted it; before 12.3 it is refused saying how to add it, and nothing changes. Whole path: the
real daemon, the real Remote Script in the in-memory Live; OSC and typed words."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bridge import protocol
from livesim.host import LiveHost
from livesim.live_set import ClipDesc, SetDesc, TrackDesc
from tests.bridge.harness import Client, running_daemon

KEYS = (ClipDesc(0, "keys", 16.0, ((60, 0.0, 16.0, 90, 0),)),)


def host(version: tuple[int, int, int]) -> LiveHost:
    live = LiveHost(SetDesc(tracks=(TrackDesc("midi", "Keys", clips=KEYS),)), port=0, version=version)
    live.start_in_thread()
    if version >= (12, 3, 0):  # an instrument before it (Live 12.2 cannot insert one from a script)
        live.call(lambda: live.song.tracks[0].insert_device("Wavetable"))
    return live


@pytest.fixture
def live() -> Iterator[LiveHost]:
    h = host((12, 3, 6))
    yield h
    h.stop()
    assert h.errors == []


def devices(live: LiveHost) -> list[str]:
    return live.call(lambda: [d.name for d in live.song.tracks[0].devices])


def run(live: LiveHost, address: str, *args: object) -> tuple[str, str]:
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            client.send(address, *args)
            _, state, _, message = client.wait_final(30)
        finally:
            client.close()
    return str(state), str(message)


def test_a_sweep_inserts_auto_filter_where_the_track_has_none_and_says_so(live: LiveHost) -> None:
    state, said = run(live, protocol.AUTOMATE, 0, "Auto Filter", "frequency", "rise", "slot", 0)
    assert state == "done", said
    assert said.startswith("Auto Filter inserted on track 1 (it had none; one more undo takes it out); "), (
        said
    )
    assert "Auto Filter 'Frequency' on track 1, scene 1: rise" in said, said
    assert devices(live) == ["Wavetable", "Auto Filter"]

    def envelope() -> object:
        track = live.song.tracks[0]
        frequency = next(p for p in track.devices[1].parameters if p.name == "Frequency")
        return track.clip_slots[0].clip.automation_envelope(frequency)

    assert live.call(envelope) is not None
    # a second sweep finds it: nothing more inserted, nothing said of it
    state, said = run(live, protocol.AUTOMATE, 0, "Auto Filter", "frequency", "fall", "slot", 0)
    assert state == "done" and "inserted" not in said, said
    assert devices(live) == ["Wavetable", "Auto Filter"]


def test_typed_a_filter_sweep_inserts_it_too(live: LiveHost) -> None:
    state, said = run(live, protocol.COMMAND, "filter sweep up on the keys")
    assert state == "done" and "Auto Filter inserted on track 1" in said, said
    assert devices(live) == ["Wavetable", "Auto Filter"]


def test_before_live_12_3_the_sweep_is_refused_saying_how_to_add_it() -> None:
    old = host((12, 2, 0))
    try:
        state, said = run(old, protocol.AUTOMATE, 0, "Auto Filter", "frequency", "rise", "slot", 0)
        assert state == "failed", said
        assert "track 1 'Keys' has no device 'Auto Filter': its devices are none (or mixer)" in said, said
        assert (
            "Live 12.3 or later inserts it: add Auto Filter to track 1 'Keys' in Live (Audio Effects)" in said
        ), said
        assert devices(old) == []
    finally:
        old.stop()
