"""After a daemon restart the conversation continues from the take history, and "undo that" puts
the newest take's parent back when Live's own undo cannot reach it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from bridge import protocol
from bridge.history import Store, open_store
from livesim.host import LiveHost
from tests.bridge.harness import Client, running_daemon


@pytest.fixture
def live() -> Iterator[LiveHost]:
    host = LiveHost(port=0).start_in_thread()
    yield host
    host.stop()


def _run(live: LiveHost, store: Store, *requests: tuple[object, ...]) -> list[str]:
    """A fresh daemon (as after a restart) answering ``requests`` in turn; returns the done messages."""
    messages = []
    with running_daemon(live_port=live.port, history=store) as daemon:
        client = Client(daemon.port)
        for request in requests:
            client.send(*request)  # type: ignore[arg-type]
            _, state, _, message = client.wait_final()
            assert state == "done", message
            messages.append(str(message))
        client.close()
    return messages


def _take(message: str) -> str:
    found = re.search(r"\(take ([0-9a-f]{12})\)", message)
    assert found, message
    return found.group(1)


def test_busier_after_a_restart_continues_the_last_take(live: LiveHost, tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path)
    (first,) = _run(
        live, store, (protocol.GENERATE, "bass", "track", 1, "slot", 0, "bars", 2, "density", 0.4, "seed", 8)
    )
    (busier,) = _run(live, store, (protocol.COMMAND, "make it busier"))
    take = store.get(_take(busier))
    assert take.part == "bass" and take.parent_id == _take(first) and take.seed == 8
    assert take.params["density"] == pytest.approx(0.6) and take.params["bars"] == 2
    assert take.command == "make it busier"


def test_undo_after_a_restart_puts_the_parent_back(live: LiveHost, tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path)
    first, second = _run(
        live,
        store,
        (protocol.GENERATE, "melody", "track", 2, "slot", 0, "bars", 1, "seed", 1),
        (protocol.GENERATE, "melody", "track", 2, "slot", 1, "bars", 1, "seed", 2),
    )
    parent_notes = live.clip_notes(2, 0)
    assert live.clip_notes(2, 1) != parent_notes
    live.call(live.doc.clear_undo)  # Live reopened the Set: its undo history is gone
    (undone,) = _run(live, store, (protocol.COMMAND, "undo that"))
    assert _take(first) in undone and "track 3, scene 2" in undone
    assert live.clip_notes(2, 1) == parent_notes
    assert store.get(_take(second)).notes  # the undone take is kept in the history
