"""Whole path: a client's /roo/generate -> daemon -> real Remote Script in the in-memory Live -> notes."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from bridge import protocol
from livesim.host import LiveHost
from tests.bridge.harness import Client, running_daemon

GM_DRUMS = set(range(35, 82))


def part_tracks(message: str) -> dict[str, int]:
    """Each part's track index as the done message of all/song says it ("bass -> track 7 'Bass' (...)": 6,
    Live's seventh track)."""
    return {part: int(track) - 1 for part, track in re.findall(r"(\w+) -> track (\d+) '", message)}


@pytest.fixture
def live() -> Iterator[LiveHost]:
    host = LiveHost(port=0).start_in_thread()
    yield host
    host.stop()


@pytest.fixture
def client(live: LiveHost) -> Iterator[Client]:
    with running_daemon(live_port=live.port) as daemon:
        c = Client(daemon.port)
        yield c
        c.close()


def test_generate_drums_lands_in_the_clip(live: LiveHost, client: Client) -> None:
    client.send(protocol.GENERATE, "drums", "track", 0, "slot", 0, "bars", 4, "seed", 3)
    _job, state, progress, message = client.wait_final()
    assert (state, progress) == ("done", 1.0), message
    notes = live.clip_notes(0, 0)
    assert notes and {n[0] for n in notes} <= GM_DRUMS
    assert all(0 <= n[1] < 16 and n[2] > 0 and 1 <= n[3] <= 127 for n in notes)
    assert f"{len(notes)} notes" in message and "track 1, scene 1" in message
    props = live.clip_properties(0, 0)
    assert props is not None and props["length"] == 16.0
    # the same notes come back through the common grammar, as the contract checker reads them
    client.send(protocol.CLIP_GET_NOTES, 0, 0, port=live.port)
    reply = client.wait_for(protocol.CLIP_GET_NOTES)
    assert reply[:2] == [0, 0] and (len(reply) - 2) == 5 * len(notes)


def test_a_filled_slot_is_never_overwritten_unless_asked(live: LiveHost, client: Client) -> None:
    client.send(protocol.GENERATE, "drums", "track", 1, "slot", 2, "bars", 2, "seed", 1)
    assert client.wait_final()[1] == "done"
    first = live.clip_notes(1, 2)
    client.send(protocol.GENERATE, "drums", "track", 1, "slot", 2, "bars", 1, "seed", 2, "density", 1.0)
    _, state, _, message = client.wait_final()
    assert state == "done" and "scene 4" in message and "scene 3 was full" in message
    assert live.clip_notes(1, 2) == first
    client.send(protocol.GENERATE, "drums", "track", 1, "slot", 2, "bars", 1, "seed", 2, "replace", 1)
    _, state, _, message = client.wait_final()
    assert state == "done" and "scene 3" in message
    assert live.clip_notes(1, 2) != first


def test_the_selected_track_and_slot_are_the_default(live: LiveHost, client: Client) -> None:
    def select() -> None:
        live.song.view.selected_track = live.song.tracks[2]
        live.song.view.selected_scene = live.song.scenes[5]

    live.call(select)
    client.send(protocol.GENERATE, "drums", "bars", 1)
    _, state, _, message = client.wait_final()
    assert state == "done" and "track 3, scene 6" in message
    assert live.clip_notes(2, 5)


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["track", 99, "slot", 0], "track 99"),
        (["track", 0, "slot", 0, "bars", 0], "bars 0"),
        (
            ["track", 4, "slot", 0],
            "track 5 '5-Audio' is an audio track",
        ),  # an audio track holds no MIDI notes
        (["track", 0, "slot", 0, "key", "H major"], "'H major'"),
    ],
)
def test_bad_requests_fail_naming_the_value_and_nothing_is_lost(
    live: LiveHost, client: Client, args: list[object], named: str
) -> None:
    client.send(protocol.GENERATE, "drums", "track", 0, "slot", 1, "bars", 1)
    assert client.wait_final()[1] == "done"
    before = live.clip_notes(0, 1)
    client.send(protocol.GENERATE, "drums", *args)
    _, state, _, message = client.wait_final()
    assert state == "failed" and named in message
    assert live.clip_notes(0, 1) == before
    client.send(protocol.PING)
    assert client.wait_for(protocol.PONG)


def test_two_clients_at_once_each_get_their_own_answers(live: LiveHost, client: Client) -> None:
    other = Client(client.port)
    client.send(protocol.GENERATE, "drums", "track", 0, "slot", 6, "bars", 1)
    other.send(protocol.GENERATE, "drums", "track", 1, "slot", 6, "bars", 1)
    mine, theirs = client.wait_final(), other.wait_final()
    assert mine[1] == theirs[1] == "done" and mine[0] != theirs[0]
    assert "track 1, scene 7" in mine[3] and "track 2, scene 7" in theirs[3]
    other.close()


def test_all_writes_one_clip_per_part_into_tracks_named_after_them(live: LiveHost, client: Client) -> None:
    client.send(protocol.GENERATE, "all", "slot", 0, "bars", 4, "genre", "rock", "seed", 5, "key", "A minor")
    _, state, _, message = client.wait_final()
    assert state == "done", message
    names = live.call(lambda: [t.name for t in live.song.tracks])
    tracks = part_tracks(message)
    # the track rule: drums on the selected MIDI track (holding no part), the others on new tracks
    assert tracks["drums"] == 0 and "(the selected MIDI track, holding no other part)" in message
    assert [names[tracks[p]] for p in ("bass", "chords", "melody")] == ["Bass", "Chords", "Melody"]
    for part in ("drums", "bass", "chords", "melody"):
        notes = live.clip_notes(tracks[part], 0)
        assert notes and max(n[1] for n in notes) < 16, part
    bass = live.clip_notes(tracks["bass"], 0)
    assert all(28 <= n[0] <= 55 for n in bass)  # E1..G3
    # a second `all` reuses the same tracks and, the slots being full, moves down a slot
    client.send(protocol.GENERATE, "all", "slot", 0, "bars", 4, "seed", 6)
    _, state, _, message = client.wait_final()
    assert state == "done" and message.count("scene 2") == 4
    assert live.call(lambda: [t.name for t in live.song.tracks]) == names
    assert part_tracks(message) == tracks and message.count("(last written for the part)") == 4


def test_song_fills_new_scenes_named_by_section(live: LiveHost, client: Client) -> None:
    scenes_before = live.call(lambda: len(live.song.scenes))
    client.send(protocol.GENERATE, "song", "genre", "pop", "seed", 2, "bars", 8)
    _, state, _, message = client.wait_final(timeout=20)
    assert state == "done", message
    scene_names = live.call(lambda: [s.name for s in live.song.scenes])
    sections = scene_names[scenes_before:]
    assert sections and {"verse", "chorus"} <= {name.split()[0].lower() for name in sections}
    drums = part_tracks(message)["drums"]
    assert live.clip_notes(drums, scenes_before)  # the first section has drums or at least one part
