"""A key said of the clip in hand when that clip was played by hand (issue 55, w62b): "put this clip in E minor"
moves that clip's own notes into the key (a transpose written beside it, the hand-played clip kept), never
remakes the part MuseAroo generated last in its place; a take MuseAroo made is still remade in the key, and a
drum clip played by hand is asked about (no key to move it to).

Through the real daemon and the real Remote Script in the in-memory Live."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bridge import protocol
from livesim.host import LiveHost
from livesim.live_set import ClipDesc, SetDesc, TrackDesc
from tests.bridge.harness import Client, running_daemon

# an A minor organ riff played by hand (not a take): A C E, then G B D
RIFF = tuple((pitch, i * 1.0, 1.0, 96, 0) for i, pitch in enumerate((57, 60, 64, 67, 71, 74, 69, 57)))
# a hand-played beat on a track named for drums: kick and snare
BEAT = tuple((36 if i % 2 == 0 else 38, i * 1.0, 0.5, 100, 0) for i in range(8))


@pytest.fixture
def live() -> Iterator[LiveHost]:
    tracks = (
        TrackDesc("midi", "Bass"),
        TrackDesc("midi", "Organ", (ClipDesc(0, "played in", 8.0, RIFF),)),
        TrackDesc("midi", "Drums", (ClipDesc(0, "my beat", 8.0, BEAT),)),
    )
    host = LiveHost(SetDesc(tracks=tracks), port=0).start_in_thread()
    yield host
    host.stop()


def _final(client: Client, address: str, *args: object) -> tuple[str, str]:
    client.send(address, *args)
    _, state, _, message = client.wait_final(30)
    return str(state), str(message)


def _select(live: LiveHost, track: int, slot: int) -> None:
    live.call(
        lambda: setattr(live.song.view, "highlighted_clip_slot", live.song.tracks[track].clip_slots[slot])
    )


def _pitches(live: LiveHost, track: int, slot: int) -> list[int]:
    def read() -> list[int]:
        clip = live.song.tracks[track].clip_slots[slot].clip
        return [
            n.pitch for n in sorted(clip.get_notes_extended(0, 128, 0.0, 64.0), key=lambda n: n.start_time)
        ]

    return live.call(read)


def _filled(live: LiveHost, track: int) -> list[bool]:
    return live.call(lambda: [s.has_clip for s in live.song.tracks[track].clip_slots])


@pytest.mark.parametrize("said", ["put this clip in E minor", "change the key of this clip to E minor"])
def test_a_hand_played_clip_is_moved_into_the_key_not_a_generated_part_remade(
    live: LiveHost, said: str
) -> None:
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            state, message = _final(client, protocol.GENERATE, "bass", "track", 0, "slot", 0, "bars", 2)
            assert state == "done", message
            bass_slots = _filled(live, 0)
            _select(live, 1, 0)
            state, message = _final(client, protocol.COMMAND, said)
        finally:
            client.close()
    assert state == "done", message
    assert _filled(live, 0) == bass_slots  # no bass remade in E minor in place of the organ clip
    assert _pitches(live, 1, 0) == [p for p, *_ in RIFF]  # the hand-played clip is kept as it was
    moved = _pitches(live, 1, 1)  # A minor -> E minor: every note a fifth up (or a fourth down)
    assert [(m - p) % 12 for m, (p, *_) in zip(moved, RIFF, strict=True)] == [7] * len(RIFF), moved
    assert "your own clip" in message and "E minor" in message


def test_a_hand_played_drum_clip_asks_which_pitched_clip(live: LiveHost) -> None:
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            _select(live, 2, 0)
            state, message = _final(client, protocol.COMMAND, "change the key of this clip to E minor")
        finally:
            client.close()
    assert state != "done" and "drums" in message and "E minor" in message, (state, message)
    assert _filled(live, 2)[1:] == [False] * (len(_filled(live, 2)) - 1)  # nothing written beside the beat


def test_a_take_musearoo_made_is_still_remade_in_the_key(live: LiveHost) -> None:
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            state, message = _final(client, protocol.GENERATE, "bass", "track", 0, "slot", 0, "bars", 2)
            assert state == "done", message
            _select(live, 0, 0)
            state, message = _final(client, protocol.COMMAND, "change the key of this clip to E minor")
        finally:
            client.close()
    assert state == "done", message
    assert "your own clip" not in message and "E minor" in message, message  # made again, not transposed
