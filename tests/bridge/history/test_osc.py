"""/roo/history/* over real UDP: list, recall, fork, star, message and project, through the in-memory Live."""

from __future__ import annotations

import re
import time

import pytest

from bridge import protocol
from bridge.history import Store
from livesim.host import LiveHost
from tests.bridge.harness import Client


def _done(client: Client, *args: object) -> str:
    client.send(*args)  # type: ignore[arg-type]
    _, state, _, message = client.wait_final()
    assert state == "done", message
    return str(message)


def _generate(client: Client, *args: object) -> str:
    message = _done(client, protocol.GENERATE, *args)
    found = re.search(r"\(take ([0-9a-f]{12})\)", message)
    assert found, message
    return found.group(1)


def _list(client: Client, *args: object) -> tuple[list[list[object]], int]:
    client.send(protocol.HISTORY_LIST, *args)
    takes: list[list[object]] = []
    end = time.monotonic() + 10.0
    while True:
        assert time.monotonic() < end, f"no {protocol.HISTORY_END} within 10 s after {len(takes)} takes"
        address, reply = client.recv(max(0.01, end - time.monotonic()))
        if address == protocol.HISTORY_END:
            return takes, int(reply[0])
        if address == protocol.HISTORY_TAKE:
            takes.append(reply)


def test_list_answers_one_take_per_message_newest_first(client: Client) -> None:
    first = _generate(client, "bass", "track", 1, "slot", 0, "bars", 1, "seed", 1)
    second = _generate(client, "drums", "track", 0, "slot", 0, "bars", 1, "seed", 2)
    takes, count = _list(client)
    assert count == 2 and [t[0] for t in takes] == [second, first]
    assert takes[1][1:4] == ["", "generate", "bass"] and takes[1][6] == 0
    assert len(takes[0]) == len(protocol.HISTORY_TAKE_FIELDS)
    assert _list(client, "part", "bass")[0][0][0] == first
    assert _list(client, "limit", 1)[1] == 1
    assert _list(client, "project", "another set") == ([], 0)
    client.send(protocol.HISTORY_LIST, "colour", "red")
    assert "'colour'" in client.wait_for(protocol.ERROR)[1]


def test_recall_writes_the_take_back_into_an_empty_slot(client: Client, live: LiveHost) -> None:
    take_id = _generate(client, "melody", "track", 2, "slot", 0, "bars", 2, "seed", 9)
    original = live.clip_notes(2, 0)
    message = _done(client, protocol.HISTORY_RECALL, take_id[:6])
    assert "track 3, scene 2" in message  # slot 0 holds a clip: never overwritten
    assert live.clip_notes(2, 1) == original
    _done(client, protocol.HISTORY_RECALL, take_id, "track", 3, "slot", 4)
    assert live.clip_notes(3, 4) == original


def test_fork_generates_from_the_same_settings_with_the_changes(
    client: Client, live: LiveHost, store: Store
) -> None:
    take_id = _generate(client, "drums", "track", 0, "slot", 0, "bars", 2, "seed", 4, "density", 0.3)
    message = _done(client, protocol.HISTORY_FORK, take_id, "density", 0.9)
    new_id = re.search(r"\(take ([0-9a-f]{12})\)", message)
    assert new_id and "scene 2" in message
    fork = store.get(new_id.group(1))
    assert fork.parent_id == take_id and fork.seed == 4 and fork.params["bars"] == 2
    assert fork.params["density"] == pytest.approx(0.9)
    assert len(live.clip_notes(0, 1)) > len(live.clip_notes(0, 0))  # busier, same seed and length


def test_star_message_and_project(client: Client, store: Store) -> None:
    take_id = _generate(client, "chords", "track", 3, "slot", 0, "bars", 1)
    assert "starred" in _done(client, protocol.HISTORY_STAR, take_id[:7], 1)
    _done(client, protocol.HISTORY_MESSAGE, take_id, "the keeper")
    assert store.get(take_id).starred and store.get(take_id).message == "the keeper"
    _done(client, protocol.HISTORY_PROJECT, "/sets/demo.als")
    other = _generate(client, "chords", "track", 3, "slot", 0, "bars", 1)
    assert store.get(other).project == "/sets/demo.als" and store.get(other).parent_id is None


@pytest.mark.parametrize(
    ("args", "named"),
    [
        ([protocol.HISTORY_STAR, "abc", 1], "at least 6"),
        ([protocol.HISTORY_STAR, "abcdef", 2], "0 or 1"),
        ([protocol.HISTORY_RECALL, "0123456789"], "not in the history"),
        ([protocol.HISTORY_FORK], "take id"),
        ([protocol.HISTORY_PROJECT], "one name"),
    ],
)
def test_bad_requests_fail_with_the_value_named(client: Client, args: list[object], named: str) -> None:
    client.send(*args)  # type: ignore[arg-type]
    _, state, _, message = client.wait_final()
    assert state == "failed" and named in message
