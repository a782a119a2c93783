"""Whole path for round 34's take moves (issue 55, w80): a take recalled by a count of takes back or
by its star, and a take thrown away answered without an act, through the daemon and the in-memory Live."""

from __future__ import annotations

from bridge.history import Store
from livesim.host import LiveHost
from tests.bridge.harness import Client

from .test_command_action import command
from .test_producer_commands import client, live, select, store  # noqa: F401 (fixtures)


def test_two_takes_back_and_the_starred_one_recall_that_take(
    live: LiveHost,  # noqa: F811
    client: Client,  # noqa: F811
    store: Store,  # noqa: F811
) -> None:
    select(live, 3)
    assert command(client, "generate two bars of rock drums")[1] == "done"
    assert command(client, "star this take")[1] == "done"
    assert command(client, "vary the drums")[1] == "done"
    assert command(client, "vary the drums")[1] == "done"
    first, second, third = (t.take_id for t in reversed(store.takes(part="drums", limit=3)))
    intent, state, message = command(client, "jump back two takes")
    assert intent["params"] == {"do": "recall", "which": "previous", "count": 2}
    assert state == "done" and f"recalled take {first}" in message and third in message, message
    intent, state, message = command(client, "can you bring back the one i starred")
    assert intent["params"] == {"do": "recall", "starred": True}
    assert state == "done" and f"recalled take {first}" in message, message
    assert second not in message.split(":")[0]
    _, state, message = command(client, "go back 9 takes")
    assert state == "failed" and "none is 9 takes before" in message, message


def test_a_take_thrown_away_is_answered_and_nothing_is_deleted(
    live: LiveHost,  # noqa: F811
    client: Client,  # noqa: F811
    store: Store,  # noqa: F811
) -> None:
    select(live, 3)
    assert command(client, "generate two bars of rock drums")[1] == "done"
    before = [t.take_id for t in store.takes(limit=10)]
    intent, _, message = command(client, "bin that last take")
    assert intent["action"] == "unknown" and "cannot delete one" in message, message
    assert [t.take_id for t in store.takes(limit=10)] == before


def test_the_starred_take_is_unstarred_not_the_newest(
    live: LiveHost,  # noqa: F811
    client: Client,  # noqa: F811
    store: Store,  # noqa: F811
) -> None:
    # round 35 (w82): "unstar the one i starred" took the star off the newest take (none), leaving the starred one
    select(live, 3)
    assert command(client, "generate two bars of rock drums")[1] == "done"
    assert command(client, "star this take")[1] == "done"
    assert command(client, "vary the drums")[1] == "done"
    starred, newest = (t.take_id for t in reversed(store.takes(part="drums", limit=2)))
    intent, state, message = command(client, "unstar the one i starred")
    assert intent["params"] == {"do": "unstar", "starred": True}
    assert state == "done" and f"take {starred} unstarred" in message, message
    assert not store.takes(part="drums", starred=True, limit=5)
    assert newest not in message
