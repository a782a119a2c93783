"""Issue 57, problems 1 and 5: one daemon, two Sets opened in turn in the in-memory Live.

Each Set keeps its own memory: the track a part was last written to in one Set says nothing in the
other (problem 1), and the take history is kept per Set: another Set's takes are listed "in another
Set" under that Set's project, never marked undone by this Set's slots, and a recall of one lands
on its part's track here (problem 5). The Set's id is kept in the Set, so reopening it brings its
memory back.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bridge import protocol
from bridge.history import Store, open_store
from bridge.mcp.calls import Calls
from bridge.mcp.door import Door
from bridge.mcp.roo_tools import BY_NAME as ROO_TOOLS
from livesim.host import LiveHost
from livesim.live_set import ClipDesc, SetDesc, TrackDesc
from tests.bridge.harness import Client, running_daemon

PIANO_ROWS = tuple((60 + i, bar * 4.0, 4.0, 80, 0) for bar in range(4) for i in (0, 4, 7))
MORNING = SetDesc(
    tracks=(TrackDesc("midi", "Drums"), TrackDesc("midi", "Bass"), TrackDesc("midi", "3-MIDI")),
    file_path="/Users/p/Music/Morning Project/Morning.als",
)
EVENING = SetDesc(
    tracks=(
        TrackDesc("midi", "Keys", (ClipDesc(0, "Piano", 16.0, PIANO_ROWS),)),
        TrackDesc("midi", "Drums"),
        TrackDesc("midi", "Bass"),
    ),
    file_path="/Users/p/Music/Evening Project/Evening.als",
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    found = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path / "data")
    yield found
    found.close()


@pytest.fixture
def live() -> Iterator[LiveHost]:
    host = LiveHost(MORNING, port=0).start_in_thread()
    yield host
    host.stop()


def done(client: Client, address: str, *args: Any) -> str:
    client.send(address, *args)
    _job, state, _progress, message = client.wait_final(timeout=30.0)
    assert state == "done", message
    return str(message)


def open_set(live: LiveHost, daemon: Any, desc: Any) -> str:
    """Open a Set in Live and wait until the daemon knows it is open; its id."""
    song = live.open_set(desc)
    set_id = live.call(lambda: song.get_data("musearoo.set_id", ""))
    names = live.call(lambda: [t.name for t in song.tracks])
    end = time.monotonic() + 10.0
    while [name for name, _midi in daemon.live.track_list or ()] != names:
        assert time.monotonic() < end, "the daemon did not hear that another Set was opened"
        time.sleep(0.01)
    time.sleep(0.2)  # the new Set's slot pushes are handled (an undone mark would be written now)
    return str(set_id)


def listing(client: Client) -> list[dict[str, Any]]:
    client.send(protocol.HISTORY_LIST, "limit", 20)
    rows = []
    while True:
        address, args = client.recv(5.0)
        if address == protocol.HISTORY_END:
            return rows
        if address == protocol.HISTORY_TAKE:
            rows.append(dict(zip(protocol.HISTORY_TAKE_FIELDS, args, strict=False)))


def take_of(message: str) -> str:
    return message.rsplit("(take ", 1)[1].split(")")[0]


def test_two_sets_in_turn_keep_their_own_tracks_and_takes(live: LiveHost, store: Store) -> None:
    morning = live.song
    with running_daemon(live_port=live.port, history=store) as daemon:
        client = Client(daemon.port)
        try:
            said = done(client, protocol.GENERATE, "drums", "bars", 2, "seed", 1)
            assert "drums -> track 1 'Drums'" in said, said
            bass = take_of(done(client, protocol.GENERATE, "bass", "bars", 2, "seed", 2))
            assert live.clip_notes(1, 0)
            morning_id = live.call(lambda: morning.get_data("musearoo.set_id", ""))
            assert morning_id  # the Remote Script gave the Set an id, kept in the Set

            open_set(live, daemon, EVENING)
            # problem 1: typed words; the drums go to this Set's Drums track, not beside the piano
            said = done(client, protocol.COMMAND, "generate drums")
            assert "drums -> track 2 'Drums' (named for the part)" in said, said
            assert [n[0] for n in live.clip_notes(0, 0)] == [r[0] for r in PIANO_ROWS]  # the piano alone
            assert live.call(lambda: live.song.tracks[0].clip_slots[1].has_clip) is False
            # problem 5: the Morning takes are in another Set, never "undone", under their project
            rows = {row["take_id"]: row for row in listing(client)}
            assert store.get(bass).undone is False
            evening_rows = [r for r in rows.values() if r["in_another_set"] == 0]
            assert evening_rows and all(r["project"] == "Evening" for r in evening_rows), rows
            # MCP's take_list of every project: each take's Set's project, the other Set's takes said
            mcp = asyncio.run(
                Calls(Door(daemon.port), None).roo(
                    ROO_TOOLS["take_list"], {"limit": 20, "project": "*"}, None
                )
            )  # type: ignore[arg-type]
            listed = {row["take_id"]: row for row in mcp.data["takes"]}
            assert (
                not mcp.error and listed[bass]["in_another_set"] == 1 and listed[bass]["project"] == "Morning"
            )
            assert {row["project"] for row in listed.values() if not row["in_another_set"]} == {"Evening"}
            said = done(client, protocol.HISTORY_RECALL, bass)  # onto this Set's Bass track
            assert "made in another Set; bass -> track 3 'Bass'" in said and "in track 3, scene 1" in said, (
                said
            )
            assert not live.call(lambda: live.song.tracks[1].clip_slots[1].has_clip)  # not beside the drums

            open_set(live, daemon, morning)  # reopened as saved: the same id, its memory back
            assert daemon.live.set_id == morning_id
            said = done(client, protocol.GENERATE, "drums", "bars", 2, "seed", 3)
            assert "drums -> track 1 'Drums' (last written for the part)" in said, said
            assert not store.get(bass).undone
            morning_rows = listing(client)
            assert {r["take_id"]: r["in_another_set"] for r in morning_rows}[bass] == 0
            assert {r["project"] for r in morning_rows} == {"Morning"}
        finally:
            client.close()
    assert live.errors == []
