"""Issue 30, points 2 and 3, through the real daemon and the real Remote Script in the in-memory Live:
each part lands on its own track (the track rule), and what a part follows is chosen by the follow
rule and said in the done message."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from bridge import protocol
from bridge.actions.place.track import Placed, choose, homes
from bridge.app import SongState
from bridge.history import TakeDraft, open_store
from livesim.host import LiveHost
from livesim.live_set import ClipDesc, SetDesc, TrackDesc
from tests.bridge.harness import Client, running_daemon

# G | C | D | G as block chords
PROGRESSION = ((7, (0, 4, 7)), (0, (0, 4, 7)), (2, (0, 4, 7)), (7, (0, 4, 7)))
CHORD_ROWS = tuple(
    (60 + (root + i) % 12, bar * 4.0, 4.0, 80, 0)
    for bar, (root, shape) in enumerate(PROGRESSION)
    for i in shape
)
MELODY_ROWS = tuple((72 + (0, 2, 4, 7, 9, 7, 4, 2)[k % 8], k * 0.5, 0.4, 90, 0) for k in range(16))
DRUM_ROWS = tuple((p, t * 0.5, 0.25, 100, 0) for t in range(16) for p in ((36, 42) if t % 4 == 0 else (42,)))
DRUMS, LEAD, FREE, KEYS = 0, 1, 2, 3
SELECTED = "the selected MIDI track, holding no other part"


@pytest.fixture
def live() -> Iterator[LiveHost]:
    tracks = (
        TrackDesc("midi", "Drums", (ClipDesc(0, "Beat", 8.0, DRUM_ROWS),)),
        TrackDesc("midi", "Lead", (ClipDesc(0, "melody funk s39", 8.0, MELODY_ROWS),)),
        TrackDesc("midi", "3-MIDI"),
        TrackDesc("midi", "Keys", (ClipDesc(0, "Keys", 16.0, CHORD_ROWS),)),
        TrackDesc("audio", "5-Audio"),
    )
    host = LiveHost(SetDesc(tracks=tracks, root_note=7, scale_name="Major"), port=0).start_in_thread()
    yield host
    host.stop()


@pytest.fixture
def client(live: LiveHost) -> Iterator[Client]:
    with running_daemon(live_port=live.port) as daemon:
        c = Client(daemon.port)
        c.daemon = daemon  # type: ignore[attr-defined]
        yield c
        c.close()


def select(live: LiveHost, client: Client, track: int, slot: int) -> None:
    """Select a clip slot in Live and wait until the daemon holds Live's push of it."""

    def pick() -> None:
        live.song.view.selected_track = live.song.tracks[track]
        live.song.view.selected_scene = live.song.scenes[slot]

    live.call(pick)
    end = time.monotonic() + 5.0
    while (ctx := client.daemon.live.pushed) is None or (ctx.selected_track, ctx.selected_slot) != (  # type: ignore[attr-defined]
        track,
        slot,
    ):
        assert time.monotonic() < end, "Live pushed no context with the new selection"
        time.sleep(0.01)


def generate(client: Client, part: str, *args: object) -> str:
    client.send(protocol.GENERATE, part, "bars", 2, "seed", 7, *args)
    _job, state, _progress, message = client.wait_final(timeout=20.0)
    assert state == "done", message
    return str(message)


def clip_names(live: LiveHost, track: int) -> list[str]:
    return live.call(lambda: [s.clip.name for s in live.song.tracks[track].clip_slots if s.has_clip])


def track_names(live: LiveHost) -> list[str]:
    return live.call(lambda: [t.name for t in live.song.tracks])


def test_with_the_drum_track_selected_every_part_lands_on_its_own_track(
    live: LiveHost, client: Client
) -> None:
    select(live, client, DRUMS, 0)  # the drum clip selected, as a producer leaves it
    said = generate(client, "bass")
    assert "bass -> track 6 'Bass' (a new MIDI track for the part)" in said, said
    assert track_names(live)[5] == "Bass" and live.clip_notes(5, 0)
    # the kick rule applies: a drum clip leads the bass's rhythm, and that is said
    assert "locked to the kick of track 1, scene 1 ('Beat') (the selected drums clip)" in said
    said = generate(client, "chords")
    assert "chords -> track 4 'Keys' (named for the part)" in said and "in track 4, scene 2" in said
    assert "following: Live's key G major and the genre's progression" in said
    assert "melody -> track 2 'Lead' (named for the part)" in generate(client, "melody")
    assert "drums -> track 1 'Drums' (named for the part)" in generate(client, "drums")
    assert "bass -> track 6 'Bass' (last written for the part)" in generate(client, "bass")
    assert len(track_names(live)) == 6  # one track made, once
    assert all(name.startswith(("Beat", "drums")) for name in clip_names(live, DRUMS))
    assert all(name.startswith("bass") for name in clip_names(live, 5))


def test_the_selected_free_midi_track_takes_a_part_and_keeps_it(live: LiveHost, client: Client) -> None:
    select(live, client, FREE, 0)
    said = generate(client, "bass")
    assert "bass -> track 3 '3-MIDI' (the selected MIDI track, holding no other part)" in said
    # the track now holds the bass: a part without a home of its own does not go there
    live.call(lambda: setattr(live.song.tracks[LEAD], "name", "Vox"))  # the melody loses its named track
    end = time.monotonic() + 5.0
    while (client.daemon.live.track_list or [("", True)] * 2)[LEAD][0] != "Vox":  # type: ignore[attr-defined]
        assert time.monotonic() < end, "Live pushed no track names with the rename"
        time.sleep(0.01)
    said = generate(client, "melody")
    assert "melody -> track 6 'Melody' (a new MIDI track for the part)" in said, said
    assert all(name.startswith("bass") for name in clip_names(live, FREE))


def test_a_part_goes_onto_another_parts_track_only_when_the_request_names_it(
    live: LiveHost, client: Client
) -> None:
    said = generate(client, "bass", "track", DRUMS, "slot", 3)
    assert "bass -> track 1 'Drums' (named in the request)" in said and "in track 1, scene 4" in said


def test_drums_never_follow_a_selected_melody_clip(live: LiveHost, client: Client) -> None:
    select(live, client, LEAD, 0)
    said = generate(client, "drums", "track", DRUMS, "slot", 1)
    assert "onsets" not in said and "following: no clip (the genre's groove)" in said, said
    assert "the selected melody clip track 2, scene 1 ('melody funk s39') does not lead drums" in said


def test_a_bass_without_a_source_follows_the_key_not_a_melody_clip(live: LiveHost, client: Client) -> None:
    select(live, client, LEAD, 0)
    said = generate(client, "bass", "track", FREE, "slot", 0)
    assert "following: Live's key G major and the genre's progression" in said, said
    assert "locked to the kick" not in said and "following track 1" not in said


def test_song_does_not_follow_a_melody_clip_left_selected(live: LiveHost, client: Client) -> None:
    select(live, client, LEAD, 0)
    client.send(protocol.GENERATE, "song", "genre", "pop", "seed", 2, "bars", 8)
    _job, state, _progress, said = client.wait_final(timeout=30.0)
    assert state == "done", said
    assert "following track 1" not in said and "following: Live's key G major" in said, said


def follow(client: Client, *args: object) -> list[object]:
    client.send(protocol.FOLLOW, *args)
    return client.wait_for(protocol.FOLLOW_STATE)


def test_the_marked_chord_source_leads_and_follow_none_follows_nothing(
    live: LiveHost, client: Client
) -> None:
    assert follow(client)[0] == "auto"
    state = follow(client, KEYS, 0)
    assert state[:3] == ["clip", KEYS, 0] and "track 4, scene 1 ('Keys')" in str(state[3]), state
    select(live, client, LEAD, 0)  # a melody clip selected: the marked source leads all the same
    said = generate(client, "bass", "track", FREE, "slot", 1)
    assert "following track 4, scene 1 ('Keys') (the marked chord source)" in said, said
    assert follow(client, "none")[0] == "none"
    select(live, client, KEYS, 0)  # a chord clip selected: followed nothing all the same
    said = generate(client, "chords", "track", KEYS, "slot", 2)
    assert (
        "following: Live's key G major and the genre's progression" in said and "following track" not in said
    )
    # a named source still wins
    said = generate(client, "bass", "track", FREE, "slot", 2, "source_track", KEYS, "source_slot", 0)
    assert "following track 4, scene 1 ('Keys')" in said
    assert follow(client, "auto")[0] == "auto"
    said = generate(client, "chords", "track", KEYS, "slot", 3)
    assert "following track 4, scene 1 ('Keys') (the selected chords clip)" in said, said


def test_a_bad_follow_request_names_the_value(client: Client) -> None:
    client.send(protocol.FOLLOW, "sideways")
    address, message = client.wait_for(protocol.ERROR)
    assert address == protocol.FOLLOW and "'sideways'" in str(message) and "none" in str(message)


def test_the_rule_in_order_and_a_restart_remembers_the_tracks_from_the_history(tmp_path: Path) -> None:
    tracks = [("Drums", True), ("Bass Drum", True), ("Keys", True), ("1-MIDI", True), ("Audio", False)]
    assert choose("bass", tracks, {}, selected=0) is None  # a drum track selected: a new track
    assert choose("bass", tracks, {}, selected=3) == Placed("bass", 3, "1-MIDI", SELECTED)
    assert choose("bass", tracks, {}, selected=4) is None  # an audio track takes no part
    assert choose("chords", tracks, {}, selected=3) == Placed("chords", 2, "Keys", "named for the part")
    assert choose("melody", tracks, {"bass": 3}, selected=3) is None  # 1-MIDI holds the bass now
    assert choose("bass", tracks, {"bass": 3}, selected=0) == Placed(
        "bass", 3, "1-MIDI", "last written for the part"
    )
    # a bass once written onto Keys (the request named it) does not make Keys its home (issue 57)
    assert choose("chords", tracks, {"bass": 2}, selected=0) == Placed(
        "chords", 2, "Keys", "named for the part"
    )
    assert choose("bass", tracks, {"bass": 2}, selected=3) == Placed("bass", 3, "1-MIDI", SELECTED)
    assert choose("drums", tracks, {}, selected=3).track == 0  # type: ignore[union-attr]  # first named
    store = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path / "data")
    try:
        store.commit(TakeDraft(action="generate", part="bass", live={"track": 3, "slot": 0}))
        store.commit(TakeDraft(action="jam", part="bass"))  # newer, but in no track
        app = SimpleNamespace(song=SongState(), history=store, set_id="")

        async def in_history(fn: Any, *args: Any) -> Any:
            return fn(*args)

        app.in_history = in_history
        assert asyncio.run(homes(app)) == {"bass": 3}  # type: ignore[arg-type]
    finally:
        store.close()


def test_the_follow_choice_is_kept_in_the_set_across_a_daemon_restart(live: LiveHost) -> None:
    """The marked source and "follow nothing" live in the Set (Song.set_data), not in the daemon:
    a new daemon on the same Set reads them back; another Set has its own (none: the rule)."""
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            assert follow(client, KEYS, 0)[:3] == ["clip", KEYS, 0]
        finally:
            client.close()
    assert (
        live.call(lambda: live.song.get_data("musearoo.follow", None))
        == '{"chord_source": [3, 0], "follow_nothing": false}'
    )
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            assert wait_for_follow(client, "clip")[:3] == ["clip", KEYS, 0]  # read back from the Set
            assert follow(client, "none")[0] == "none"
        finally:
            client.close()
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            assert wait_for_follow(client, "none")[0] == "none"
        finally:
            client.close()
    other = LiveHost(
        SetDesc(tracks=(TrackDesc("midi", "Keys", (ClipDesc(0, "Keys", 16.0, CHORD_ROWS),)),)), port=0
    )
    other.start_in_thread()
    try:
        with running_daemon(live_port=other.port) as daemon:
            client = Client(daemon.port)
            try:
                assert follow(client)[0] == "auto"  # this Set keeps nothing: the rule
            finally:
                client.close()
    finally:
        other.stop()


def wait_for_follow(client: Client, mode: str, timeout_s: float = 10.0) -> list[object]:
    """/roo/follow's state once the daemon has read the Set's choice back (it reads when Live answers)."""
    end = time.monotonic() + timeout_s
    while True:
        state = follow(client)
        if state[0] == mode or time.monotonic() > end:
            return state
        time.sleep(0.05)


def test_a_set_value_that_cannot_be_read_leaves_the_rule(live: LiveHost) -> None:
    live.call(lambda: live.song.set_data("musearoo.follow", "{not json"))
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            time.sleep(0.3)  # the daemon reads the Set's choice when Live first answers
            assert follow(client)[0] == "auto"
        finally:
            client.close()
