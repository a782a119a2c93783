"""Pending takes reconciled with Live when the daemon starts (issue 31 point 2).

A take is pending while its write is in flight; a daemon that dies before Live's answer is
confirmed leaves it pending. The next daemon, once Live answers, makes each one whose clip Live
holds note for note a take marked recovered, drops the others, and keeps the counts for `roo doctor`.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bridge import protocol
from bridge.history import Store, TakeDraft, note_dict, open_store, recovery
from bridge.setup import doctor
from livesim.host import LiveHost
from tests.bridge.harness import Client, running_daemon

NOT_IN_LIVE = [note_dict(40, 0.0, 0.25, 77), note_dict(41, 0.5, 0.25, 78)]


@pytest.fixture
def live() -> Iterator[LiveHost]:
    host = LiveHost(port=0).start_in_thread()
    yield host
    host.stop()


def _rows(db: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as con:
        return con.execute("SELECT take_id, pending, live, message FROM takes ORDER BY id").fetchall()


def _left_pending(live: LiveHost, store: Store, sends: list[list[Any]]) -> None:
    """Generate, but never confirm: as if the daemon died between its write and Live's answer."""

    def fail(*args: Any, **kwargs: Any) -> Any:
        raise OSError("the daemon was killed here")

    confirm_now, confirm = store.confirm_now, store.confirm
    store.confirm_now = fail  # type: ignore[method-assign]
    store.confirm = fail  # type: ignore[method-assign]
    try:
        with running_daemon(live_port=live.port, history=store) as daemon:
            client = Client(daemon.port)
            for args in sends:
                client.send(protocol.GENERATE, *args)
                _, state, _, message = client.wait_final()
                assert state == "done" and "NOT recorded" in message, message
            client.close()
    finally:
        store.confirm_now, store.confirm = confirm_now, confirm  # type: ignore[method-assign]


def _recovered(store: Store, live_port: int) -> recovery.Counts:
    with running_daemon(live_port=live_port, history=store) as daemon:
        assert daemon.recovery is not None
        end = time.monotonic() + 20
        while not daemon.recovery.done() and time.monotonic() < end:
            time.sleep(0.02)
        counts: recovery.Counts = daemon.recovery.result()
    return counts


def test_a_pending_take_live_holds_is_recovered_one_it_does_not_is_dropped(
    live: LiveHost, tmp_path: Path
) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path)
    confirmed = store.commit(TakeDraft("generate", "chords", notes=NOT_IN_LIVE))
    _left_pending(
        live,
        store,
        [
            ["bass", "track", 1, "slot", 0, "bars", 1, "seed", 3],
            ["bass", "track", 1, "slot", 0, "bars", 1, "seed", 4],  # slot 0 is full: lands in slot 1
        ],
    )
    lost = store.commit(
        TakeDraft("generate", "drums", params={"track": 0, "slot": 0}, notes=NOT_IN_LIVE), pending=True
    )
    assert [t.take_id for t in store.takes()] == [confirmed]  # nothing pending is listed
    counts = _recovered(store, live.port)
    assert (counts.recovered, counts.dropped, counts.left) == (2, 0 + 1, 0)
    takes = {t.take_id: store.get(t.take_id) for t in store.takes()}
    assert lost not in takes and len(takes) == 3
    by_slot = {(t.live["track"], t.live["slot"]): t for t in takes.values() if t.part == "bass"}
    assert sorted(by_slot) == [(1, 0), (1, 1)]
    for (track, slot), take in by_slot.items():
        assert take.live["recovered"] is True and "recovered" in take.message
        held = [n[:4] for n in live.clip_notes(track, slot)]
        assert take.notes is not None and [tuple(n.values()) for n in take.notes] == held
    assert by_slot[(1, 0)].seed == 3 and by_slot[(1, 1)].seed == 4
    assert all(pending == 0 for _, pending, _, _ in _rows(tmp_path / "h.db"))
    kept = json.loads((tmp_path / recovery.STATE_FILE).read_text())
    assert (kept["recovered"], kept["dropped"]) == (2, 1)
    store.close()


def test_a_clip_another_take_explains_is_not_claimed_twice(live: LiveHost, tmp_path: Path) -> None:
    """The same seed written twice: one take confirmed, the other's write never landed (its row
    pending). Live holds one clip, so only one take may point at it."""
    store = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path)
    with running_daemon(live_port=live.port, history=store) as daemon:
        client = Client(daemon.port)
        client.send(protocol.GENERATE, "bass", "track", 2, "slot", 0, "bars", 1, "seed", 9, "replace", 1)
        _, state, _, message = client.wait_final()
        client.close()
    assert state == "done", message
    (take,) = store.takes()
    notes = list(store.get(take.take_id).notes or [])
    twin = store.commit(
        TakeDraft("generate", "bass", params={"track": 2, "slot": 0, "replace": 1}, notes=notes), pending=True
    )
    counts = _recovered(store, live.port)
    assert (counts.recovered, counts.dropped) == (0, 1)
    assert [t.take_id for t in store.takes()] == [take.take_id] and twin not in {
        r[0] for r in _rows(tmp_path / "h.db")
    }
    store.close()


def test_nothing_is_dropped_when_live_does_not_answer(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path)
    pending = store.commit(
        TakeDraft("generate", "drums", params={"track": 0}, notes=NOT_IN_LIVE), pending=True
    )
    from tests.conftest import free_udp_port

    with running_daemon(live_port=free_udp_port(), history=store) as daemon:
        time.sleep(0.3)
        assert daemon.recovery is None  # it waits for Live's first answer
    assert [r[0] for r in _rows(tmp_path / "h.db")] == [pending]
    store.close()


def test_roo_doctor_shows_the_counts_of_the_last_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MUSEAROO_DATA_DIR", str(tmp_path))
    assert "no start" in doctor.recovery_check().detail
    recovery.save(tmp_path, recovery.Counts("2026-11-23T17:00:00.000Z", 98, 2, 0))
    check = doctor.recovery_check()
    assert check.ok and "98 recovered, 2 dropped" in check.detail and "2026-11-23" in check.detail
    quick = doctor.Check("stub", True, "")
    for slow in ("_gpu_check", "microphone_check", "musicgen_weights_check", "demucs_weights_check"):
        monkeypatch.setattr(doctor, slow, lambda: quick)
    monkeypatch.setattr(doctor, "preview_check", lambda: quick)
    monkeypatch.setattr(doctor, "_ping", lambda *args, **kwargs: False)
    assert check in doctor.checks(daemon_port=1, live_port=1)
