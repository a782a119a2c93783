"""What a take is a child of, through the daemon and the in-memory Live over real UDP: a transform of
drums is a drums take made by the transform, a child of the clip's take (issue 30 point 5); a fork
is the forked take's child, not the newest take's; a recall is a take, the recalled take's child,
and says where it went when the slot asked for was full or past the Set's scenes (issue 30 point 7).
"""

from __future__ import annotations

import re

from bridge import protocol
from bridge.history import Store
from livesim.host import LiveHost
from tests.bridge.harness import Client
from tests.bridge.history.test_osc import _done, _generate

TAKE = re.compile(r"\(take ([0-9a-f]{12})\)")


def _take(message: str) -> str:
    found = TAKE.search(message)
    assert found, message
    return found.group(1)


def test_a_transform_of_drums_is_filed_as_drums_by_the_transform(client: Client, store: Store) -> None:
    drums = _generate(client, "drums", "track", 0, "slot", 0, "bars", 2, "seed", 3)
    _generate(client, "bass", "track", 1, "slot", 0, "bars", 2, "seed", 4)  # the newest take: not the parent
    done = _done(client, protocol.TRANSFORM, "drums_remove", "track", 0, "slot", 0, "voices", "hats")
    take = store.get(_take(done))
    assert take.action == "transform" and take.part == "drums"
    assert take.versions["engine"] == "engines.transforms:drums_remove"
    assert take.parent_id == drums
    assert store.takes(part="drums")[0].take_id == take.take_id  # `roo history --part drums`


def test_a_fork_is_the_child_of_the_take_forked_not_of_the_newest(client: Client, store: Store) -> None:
    first = _generate(client, "drums", "track", 0, "slot", 0, "bars", 1, "seed", 4)
    newest = _generate(client, "drums", "track", 0, "slot", 1, "bars", 1, "seed", 5)
    fork = store.get(_take(_done(client, protocol.HISTORY_FORK, first, "density", 0.9)))
    assert fork.parent_id == first and newest != first
    again = _generate(client, "drums", "track", 0, "slot", 3, "bars", 1, "seed", 6)
    assert store.get(again).parent_id is None  # a new generate is a root


def test_a_recall_is_a_take_and_says_where_it_went(client: Client, live: LiveHost, store: Store) -> None:
    take_id = _generate(client, "melody", "track", 2, "slot", 0, "bars", 1, "seed", 9)
    original = live.clip_notes(2, 0)
    said = _done(client, protocol.HISTORY_RECALL, take_id, "slot", 0)
    assert "scene 1 was full: moved to scene 2" in said  # the exit message says so
    recalled = store.get(_take(said))
    assert recalled.action == "recall" and recalled.part == "melody" and recalled.parent_id == take_id
    assert recalled.live["track"] == 2 and recalled.live["slot"] == 1 and live.clip_notes(2, 1) == original
    far = _done(client, protocol.HISTORY_RECALL, take_id, "track", 3, "slot", 13)  # the Set has 8 scenes
    assert "slot 13 is past the Set's 8 scenes: written in scene 8" in far
    assert live.clip_notes(3, 7) == original
    full = _done(client, protocol.HISTORY_RECALL, take_id, "track", 3, "slot", 13)  # slot 7 now full
    assert "written in scene 9" in full and live.clip_notes(3, 8) == original  # Live added a scene
