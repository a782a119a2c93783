"""How many times an action waits for Live: the context is pushed, a clip is read in one message.

Whole paths: a client -> the real daemon -> the real Remote Script in the in-memory Live; every
/roo/live/* request the daemon makes is noted (the daemon's own context refreshes, and its read of
what it keeps in the Set when Live answers, left out).
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bridge import protocol
from bridge.daemon import Daemon
from bridge.history import open_store
from livesim.host import LiveHost
from livesim.notes import MidiNoteSpecification
from tests.bridge.harness import Client, running_daemon

REFRESH = (protocol.RS_CONTEXT_GET, protocol.RS_CONTEXT_LISTEN, protocol.RS_GET_DATA)
CHORDS = [(60, 0.0, 2.0, 90, 0), (64, 0.0, 2.0, 90, 0), (67, 0.0, 2.0, 90, 0), (65, 2.0, 2.0, 90, 0)]


@pytest.fixture
def live() -> Iterator[LiveHost]:
    host = LiveHost(port=0).start_in_thread()
    yield host
    host.stop()
    assert host.errors == []


def until(condition: Callable[[], bool], what: str) -> None:
    end = time.monotonic() + 5.0
    while not condition():
        assert time.monotonic() < end, what
        time.sleep(0.005)


def trips_of(
    daemon: Daemon, client: Client, address: str, *args: object, every: list[str] | None = None
) -> tuple[list[str], str]:
    """The Live requests one job made, and its final message (it must end done); ``every`` gets
    them all, the context requests too."""
    trips: list[str] = [] if every is None else every
    daemon.live.on_round_trip = lambda sent, seconds: trips.append(sent)
    client.send(address, *args)
    final = client.wait_final()
    daemon.live.on_round_trip = None
    assert final[1] == "done", final
    return [t for t in trips if t not in REFRESH], str(final[3])


def selected_slot_known(daemon: Daemon, fill: str) -> bool:
    pushed = daemon.live.pushed
    slots = daemon.live.slots.get(0, "")
    return pushed is not None and pushed.selected_track == 0 and slots[:1] == fill


def test_generate_with_an_empty_selected_slot_is_the_write_alone(live: LiveHost) -> None:
    with running_daemon(live_port=live.port) as daemon:
        until(lambda: selected_slot_known(daemon, "0"), "Live pushed no fill state of the selected slot")
        client = Client(daemon.port)
        trips, _ = trips_of(daemon, client, protocol.GENERATE, "bass", "track", 1, "slot", 3, "bars", 2)
        client.close()
    assert trips == [protocol.RS_WRITE_CLIP_FROM]  # made for that slot being empty: Live checks it


def selected_clip_pushed(daemon: Daemon, notes: int) -> bool:
    """Whether the daemon holds the selected clip (track 1, scene 1) as Live pushed it, with ``notes`` notes."""
    kept = daemon.live.readings.get((0, 0))
    return kept is not None and len(kept.notes) == notes


def test_following_the_selected_midi_clip_is_the_write_alone(live: LiveHost) -> None:
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        client.send(protocol.CLIP_SLOT_CREATE_CLIP, 0, 0, 4.0, port=live.port)
        client.send(protocol.CLIP_ADD_NOTES, 0, 0, *[v for note in CHORDS for v in note], port=live.port)
        # Live pushes the selected clip as it changes: it is known before the click
        until(lambda: selected_clip_pushed(daemon, len(CHORDS)), "Live pushed no selected clip")
        trips, said = trips_of(daemon, client, protocol.GENERATE, "bass", "track", 1, "slot", 3, "bars", 2)
        assert trips == [protocol.RS_WRITE_CLIP_FROM]  # the write alone: Live checks the source in it
        assert "following track 1, scene 1" in said
        # the same source again
        trips, said = trips_of(daemon, client, protocol.GENERATE, "chords", "track", 1, "slot", 4, "bars", 2)
        assert trips == [protocol.RS_WRITE_CLIP_FROM] and "following track 1, scene 1" in said
        every: list[str] = []
        trips, _ = trips_of(
            daemon,
            client,
            protocol.TRANSFORM,
            "transpose",
            "track",
            0,
            "slot",
            0,
            "semitones",
            2,
            every=every,
        )
        # a transform of the selected clip takes it as Live pushed it too: the write alone, which
        # Live checks (the clip, the signature)
        assert trips == [protocol.RS_WRITE_CLIP_FROM] and protocol.RS_CONTEXT_GET not in every
        assert [n[0] for n in live.clip_notes(0, 1)] == [n[0] + 2 for n in CHORDS]
        client.close()


def test_an_edit_of_the_selected_clip_is_pushed_and_followed_without_a_read(live: LiveHost) -> None:
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        client.send(protocol.CLIP_SLOT_CREATE_CLIP, 0, 0, 4.0, port=live.port)
        client.send(protocol.CLIP_ADD_NOTES, 0, 0, *[v for note in CHORDS for v in note], port=live.port)
        until(lambda: selected_clip_pushed(daemon, len(CHORDS)), "Live pushed no selected clip")
        trips_of(daemon, client, protocol.GENERATE, "bass", "track", 1, "slot", 3, "bars", 2)
        # the user changes the selected clip in Live: Live pushes it as it changes
        client.send(protocol.CLIP_REMOVE_NOTES, 0, 0, port=live.port)
        e_minor = [(64, 0.0, 4.0, 90, 0), (67, 0.0, 4.0, 90, 0), (71, 0.0, 4.0, 90, 0)]
        client.send(protocol.CLIP_ADD_NOTES, 0, 0, *[v for note in e_minor for v in note], port=live.port)
        until(lambda: selected_clip_pushed(daemon, len(e_minor)), "Live pushed no edited clip")
        trips, said = trips_of(daemon, client, protocol.GENERATE, "bass", "track", 1, "slot", 4, "bars", 2)
        client.close()
    assert trips == [protocol.RS_WRITE_CLIP_FROM] and "made again" not in said and "E minor" in said
    bass = live.clip_notes(1, 4)
    assert bass and bass[0][0] % 12 == 4  # the bass starts on the new source's root, E


def test_a_source_changed_since_it_was_read_is_read_again_from_the_refusal(live: LiveHost) -> None:
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        # a named source in a slot that is not selected: Live pushes nothing about its notes
        client.send(protocol.CLIP_SLOT_CREATE_CLIP, 0, 1, 4.0, port=live.port)
        client.send(protocol.CLIP_ADD_NOTES, 0, 1, *[v for note in CHORDS for v in note], port=live.port)
        client.send(protocol.SONG_GET + "tempo", port=live.port)
        client.wait_for(protocol.SONG_GET + "tempo")  # answered after the clip was made: Live has it
        source = ("source_track", 0, "source_slot", 1)
        trips, _ = trips_of(
            daemon, client, protocol.GENERATE, "bass", "track", 1, "slot", 3, "bars", 2, *source
        )
        assert trips == [protocol.RS_CLIP_READ, protocol.RS_WRITE_CLIP_FROM]
        # the source changes in Live (its slot stays filled: nothing tells the daemon)
        client.send(protocol.CLIP_REMOVE_NOTES, 0, 1, port=live.port)
        e_minor = [(64, 0.0, 4.0, 90, 0), (67, 0.0, 4.0, 90, 0), (71, 0.0, 4.0, 90, 0)]
        client.send(protocol.CLIP_ADD_NOTES, 0, 1, *[v for note in e_minor for v in note], port=live.port)
        client.send(protocol.SONG_GET + "tempo", port=live.port)
        client.wait_for(protocol.SONG_GET + "tempo")  # answered after the edits: Live has them
        trips, said = trips_of(
            daemon, client, protocol.GENERATE, "bass", "track", 1, "slot", 4, "bars", 2, *source
        )
        client.close()
    # the kept reading was refused in Live (no answer is noted for a refusal), and the refusal
    # carried the new notes: made again from them without another read
    assert trips == [protocol.RS_WRITE_CLIP_FROM]
    assert "made again: the source clip changed" in said and "E minor" in said
    bass = live.clip_notes(1, 4)
    assert bass and bass[0][0] % 12 == 4  # the bass starts on the new source's root, E


def test_a_clip_put_in_the_empty_selected_slot_in_the_same_tick_is_followed(live: LiveHost) -> None:
    with running_daemon(live_port=live.port) as daemon:
        until(lambda: selected_slot_known(daemon, "0"), "Live pushed no fill state of the selected slot")
        client = Client(daemon.port)
        sent = threading.Event()

        def fill_and_hold() -> None:
            """Put a clip with notes in the selected slot, then hold Live's main thread until the
            daemon has sent its write, made while it knew the slot as empty: both meet in one tick."""
            clip = live.song.tracks[0].clip_slots[0].create_clip(4.0)
            clip.add_new_notes(
                [MidiNoteSpecification(p, s, d, float(v), bool(m)) for p, s, d, v, m in CHORDS]
            )
            holding.set()
            sent.wait(20.0)

        holding = threading.Event()  # Live's main thread is held: the request goes only after that
        holder = threading.Thread(target=lambda: live.call(fill_and_hold, timeout=30.0))
        holder.start()
        assert holding.wait(20.0), "Live's main thread never ran the fill"
        client.send(protocol.GENERATE, "bass", "track", 1, "slot", 3, "bars", 2)
        until(lambda: protocol.RS_WRITE_CLIP_FROM in daemon.live.waiting_for(), "the write never left")
        sent.set()
        final = client.wait_final()
        holder.join()
        client.close()
    assert final[1] == "done", final
    assert "made again: the source clip changed" in final[3] and "following track 1, scene 1" in final[3]


def test_a_transform_of_a_selection_made_in_the_same_tick_transforms_the_new_one(live: LiveHost) -> None:
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        client.send(protocol.CLIP_SLOT_CREATE_CLIP, 0, 0, 4.0, port=live.port)
        client.send(protocol.CLIP_ADD_NOTES, 0, 0, *[v for note in CHORDS for v in note], port=live.port)
        client.send(protocol.CLIP_SLOT_CREATE_CLIP, 2, 0, 4.0, port=live.port)
        client.send(protocol.CLIP_ADD_NOTES, 2, 0, 48, 0.0, 1.0, 100, 0, port=live.port)
        until(lambda: selected_clip_pushed(daemon, len(CHORDS)), "Live pushed no selected clip")
        sent = threading.Event()

        def select_and_hold() -> None:
            """Select track 2, then hold Live's main thread until the daemon has sent its write, made
            for the selection it knew (track 0): both meet in one tick."""
            live.song.view.selected_track = live.song.tracks[2]
            holding.set()
            sent.wait(20.0)

        holding = threading.Event()  # as above: the request goes only once Live's main thread is held
        holder = threading.Thread(target=lambda: live.call(select_and_hold, timeout=30.0))
        holder.start()
        assert holding.wait(20.0), "Live's main thread never ran the selection"
        client.send(protocol.TRANSFORM, "transpose", "track", -1, "slot", -1, "semitones", 2)
        until(lambda: protocol.RS_WRITE_CLIP_FROM in daemon.live.waiting_for(), "the write never left")
        sent.set()
        final = client.wait_final()
        holder.join()
        client.close()
    assert final[1] == "done" and "of track 3, scene 1" in final[3], final
    assert [n[0] for n in live.clip_notes(2, 1)] == [50]  # the newly selected clip, transposed
    assert live.clip_properties(0, 1) is None  # nothing made from the one selected before


def test_a_recall_is_the_write_alone(live: LiveHost, tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path)
    with running_daemon(live_port=live.port, history=store) as daemon:
        client = Client(daemon.port)
        _, said = trips_of(daemon, client, protocol.GENERATE, "bass", "track", 1, "slot", 0, "bars", 2)
        found = re.search(r"\(take ([0-9a-f]{12})\)", said)
        assert found, said
        trips, said = trips_of(daemon, client, protocol.HISTORY_RECALL, found.group(1), "track", 2, "slot", 3)
        client.close()
    assert trips == [protocol.RS_WRITE_CLIP] and "track 3, scene 4" in said  # no context asked: the write
    assert live.clip_notes(2, 3) == live.clip_notes(1, 0)
