"""Issue 47: a take's settings travel with it. A bass generated in E minor, funk, 4 bars, then
varied by words, by the device's address (/roo/transform vary) and by fork: each new take keeps
E minor, funk and 4 bars, and the done message says what it kept. A clip that is not a take is
read, and its reading is what the new take records.

Through the real daemon and the real Remote Script in the in-memory Live."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bridge import protocol
from bridge.history import Store, open_store
from livesim.host import LiveHost
from livesim.live_set import ClipDesc, SetDesc, TrackDesc
from tests.bridge.harness import Client, running_daemon

# a C major chord clip made by hand (not a take): C | F | G | C
CHORDS = tuple(
    (root + i, bar * 4.0, 4.0, 90, 0) for bar, root in enumerate((60, 65, 67, 60)) for i in (0, 4, 7)
)


@pytest.fixture
def live() -> Iterator[LiveHost]:
    tracks = (TrackDesc("midi", "Bass"), TrackDesc("midi", "Keys", (ClipDesc(0, "by hand", 16.0, CHORDS),)))
    host = LiveHost(SetDesc(tracks=tracks), port=0).start_in_thread()
    yield host
    host.stop()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path / "files")
    yield s
    s.close()


def run(client: Client, address: str, *args: object) -> str:
    client.send(address, *args)
    _, state, _, message = client.wait_final(30)
    assert state == "done", message
    return str(message)


def newest(store: Store) -> tuple[dict[str, object], dict[str, object], str | None]:
    take = store.get(store.takes()[0].take_id)
    return take.context, take.params, take.parent_id


def test_a_variation_keeps_its_takes_key_genre_and_bars(live: LiveHost, store: Store) -> None:
    with running_daemon(live_port=live.port, history=store) as daemon:
        client = Client(daemon.port)
        try:
            run(
                client,
                protocol.GENERATE,
                "bass",
                "track",
                0,
                "slot",
                0,
                "bars",
                4,
                "genre",
                "funk",
                "key",
                "E minor",
            )
            first = store.takes()[0].take_id
            live.call(
                lambda: setattr(live.song.view, "highlighted_clip_slot", live.song.tracks[0].clip_slots[0])
            )
            said = run(client, protocol.COMMAND, "vary the bass")
            context, params, parent = newest(store)
            assert context["key"] == "E minor" and params["genre"] == "funk" and params["bars"] == 4, (
                context,
                params,
            )
            assert parent == first and f"kept E minor from take {first[:6]}" in said, said
            # the vary names the part's own track itself: said as that, not as the request's (issue 47)
            assert "(last written for the part)" in said and "named in the request" not in said, said
            said = run(client, protocol.TRANSFORM, "vary", "track", 0, "slot", 0)
            context, params, parent = newest(store)
            assert (context["key"], context["genre"], context["bars"]) == ("E minor", "funk", 4), context
            assert f"kept E minor from take {first[:6]}" in said, said
        finally:
            client.close()


def test_a_clip_that_is_not_a_take_is_read_and_its_reading_recorded(live: LiveHost, store: Store) -> None:
    with running_daemon(live_port=live.port, history=store) as daemon:
        client = Client(daemon.port)
        try:
            said = run(client, protocol.TRANSFORM, "vary", "track", 1, "slot", 0)
            context, _, _ = newest(store)
            assert context["key"] == "C major", context  # the clip's reading, never the defaults' pop
            assert "genre" not in context and context["bars"] == 4, context  # unknown, never the default pop
            assert "read C major" in said, said
        finally:
            client.close()


def test_the_devices_vary_keeps_the_selected_takes_key(live: LiveHost, store: Store) -> None:
    """The device's Vary sends its last /roo/generate again with a new seed and no key, the slot
    selected: the selected take is its source, and the new part keeps the key and chords the take
    was made over instead of reading its notes (the E minor bass read as A major)."""
    with running_daemon(live_port=live.port, history=store) as daemon:
        client = Client(daemon.port)
        try:
            run(client, protocol.GENERATE, "bass", "track", 0, "slot", 0, "bars", 4, "genre", "funk",
                "key", "E minor")  # fmt: skip
            first = store.takes()[0].take_id
            live.call(
                lambda: setattr(live.song.view, "highlighted_clip_slot", live.song.tracks[0].clip_slots[0])
            )
            said = run(client, protocol.GENERATE, "bass", "track", -1, "slot", -1, "bars", 4, "genre", "funk",
                       "density", 0.5, "complexity", 0.5, "seed", 2)  # fmt: skip
            context, params, parent = newest(store)
            assert (context["key"], params["genre"], params["bars"]) == ("E minor", "funk", 4), context
            assert parent == first and f"kept E minor from take {first[:6]}" in said, said
        finally:
            client.close()
