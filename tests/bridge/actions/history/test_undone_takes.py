"""Issue 47: a take that Live's undo took back is marked undone in the history, and a redo clears
the mark; the slot's current take is the one now there. Through the real daemon and Remote Script
in the in-memory Live, with /live/song/undo and /live/song/redo sent to Live as a client would."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bridge import protocol
from bridge.cli import main
from bridge.history import Store, open_store
from livesim.host import LiveHost
from livesim.live_set import SetDesc, TrackDesc
from tests.bridge.harness import Client, running_daemon

SONG_REDO = "/live/song/redo"


@pytest.fixture
def live() -> Iterator[LiveHost]:
    host = LiveHost(SetDesc(tracks=(TrackDesc("midi", "Bass"),)), port=0).start_in_thread()
    yield host
    host.stop()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path / "files")
    yield s
    s.close()


def generate(client: Client, seed: int) -> str:
    client.send(protocol.GENERATE, "bass", "track", 0, "slot", 0, "bars", 2, "seed", seed)
    _, state, _, message = client.wait_final(30)
    assert state == "done", message
    return str(message)


def marks(store: Store) -> dict[str, bool]:
    return {t.take_id: t.undone for t in store.takes()}


def until(store: Store, want: dict[str, bool], timeout_s: float = 10.0) -> dict[str, bool]:
    """The marks once they are ``want`` (Live pushes the slot a timer tick after the undo)."""
    end = time.monotonic() + timeout_s
    while (now := marks(store)) != want and time.monotonic() < end:
        time.sleep(0.02)
    return now


def test_undo_marks_the_take_redo_clears_it_and_the_slots_new_take_is_current(
    live: LiveHost,
    store: Store,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with running_daemon(live_port=live.port, history=store) as daemon:
        client = Client(daemon.port)
        try:
            generate(client, 1)
            first = store.takes()[0].take_id
            assert live.clip_properties(0, 0) is not None and marks(store) == {first: False}
            client.send(protocol.SONG_UNDO, port=live.port)
            assert until(store, {first: True}) == {first: True}
            assert live.clip_properties(0, 0) is None  # Live took the clip back
            client.send(SONG_REDO, port=live.port)
            assert until(store, {first: False}) == {first: False}
            client.send(protocol.SONG_UNDO, port=live.port)
            assert until(store, {first: True}) == {first: True}
            generate(client, 2)  # the empty slot takes the new take
            second = store.takes()[0].take_id
            assert until(store, {first: True, second: False}) == {first: True, second: False}
        finally:
            client.close()
    summaries = {t.take_id: t.summary() for t in store.takes()}
    assert summaries[first]["undone"] is True and summaries[second]["undone"] is False
    assert summaries[first]["slot"] == summaries[second]["slot"] == 0
    monkeypatch.setenv("MUSEAROO_DB", f"sqlite:///{tmp_path / 'h.db'}")
    monkeypatch.setenv("MUSEAROO_DATA_DIR", str(tmp_path / "files"))
    capsys.readouterr()
    assert main(["history"]) == 0
    out = capsys.readouterr().out.splitlines()
    line_of = {take: next(line for line in out if take[:12] in line) for take in (first, second)}
    assert "(undone)" in line_of[first] and "(undone)" not in line_of[second], out
