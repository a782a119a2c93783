"""Which Set is open (issue 57): the Remote Script gives each Set an id kept in the Set itself
(Song.set_data), pushes it with its name before anything else in a snapshot, and pushes the next
Set's to the same clients when Live opens another Set (a new instance of the script)."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest

from bridge import protocol
from livesim import LiveHost
from livesim.live_set import SetDesc, TrackDesc, parse_set
from livesim.song import Song
from tests.remote_scripts.osc_client import OscClient

KEY = protocol.DATA_KEY_PREFIX + protocol.SET_ID_KEY


def heard(client: OscClient, wanted: str) -> list[Any]:
    """The next message on ``wanted`` this client hears (others, pushes, skipped)."""
    for _ in range(64):
        address, args = client.receive()
        if address == wanted:
            return args
    raise AssertionError(f"nothing was heard on {wanted}")


def pushed_set(client: OscClient) -> list[Any]:
    return heard(client, protocol.RS_SET_PUSH)


def test_each_set_has_an_id_kept_in_it_and_pushed_first_as_another_opens() -> None:
    host = LiveHost(SetDesc(file_path="C:\\Music\\Gig Project\\Gig.als"), port=0).start_in_thread()
    client = OscClient(host.port)
    try:
        client.send(protocol.RS_CONTEXT_LISTEN, 1)
        assert client.receive() == (protocol.RS_CONTEXT_LISTEN, [1])
        address, (_seq, gig_id, name) = client.receive()  # the Set before its context
        assert address == protocol.RS_SET_PUSH and name == "Gig" and len(gig_id) == 16
        assert client.receive()[0] == protocol.RS_CONTEXT_PUSH and host.doc.undo_steps == 0
        gig = host.song
        assert host.call(lambda: gig.get_data(KEY, None)) == gig_id  # kept in the Set: saved with it

        other = host.open_set(SetDesc(tracks=(TrackDesc("midi", "Drums"),)))  # never saved
        _seq, other_id, other_name = pushed_set(client)  # to the same client, unasked
        assert other_name == "" and other_id != gig_id
        assert host.call(lambda: other.get_data(KEY, None)) == other_id

        host.open_set(gig)  # reopened as saved: the same id
        assert pushed_set(client)[1:] == [gig_id, "Gig"]
        client.send(protocol.RS_CONTEXT_GET, 2)
        assert heard(client, protocol.RS_CONTEXT_GET)[10] == 6  # the Gig Set's six tracks answer
        assert host.errors == [] and host.sets_opened == 3
    finally:
        client.close()
        host.stop()


def test_a_set_file_carries_its_id_and_path() -> None:
    desc = parse_set({"file_path": "/Sets/Song.als", "data": {KEY: "a1b2c3d4e5f60718"}})
    assert desc.file_path == "/Sets/Song.als" and desc.data == ((KEY, "a1b2c3d4e5f60718"),)
    host = LiveHost(desc, port=0).start_in_thread()
    client = OscClient(host.port)
    try:
        client.send(protocol.RS_CONTEXT_LISTEN, 1)
        assert pushed_set(client)[1:] == ["a1b2c3d4e5f60718", "Song"]
    finally:
        client.close()
        host.stop()


def test_a_live_that_cannot_keep_the_id_derives_it_from_the_path_and_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(self: Song, key: str, value: Any, /) -> None:
        raise RuntimeError("set_data is not available")

    monkeypatch.setattr(Song, "set_data", refuse)
    host = LiveHost(SetDesc(file_path="/Sets/Song.als"), port=0).start_in_thread()
    client = OscClient(host.port)
    try:
        client.send(protocol.RS_CONTEXT_LISTEN, 1)
        derived = "path-" + hashlib.sha1(b"/Sets/Song.als").hexdigest()[:12]
        assert pushed_set(client)[1] == derived
        assert any("cannot keep MuseAroo's id" in line and derived in line for line in host.log)
        assert host.errors == []
    finally:
        client.close()
        host.stop()
