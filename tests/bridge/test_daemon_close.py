"""Closing the daemon with a job in flight: the job ends cancelled and no task is left pending.

Whole path: a client -> the real daemon (with a take history) -> the Remote Script in the in-memory
Live, whose main thread is held so the job's write is still on its way when the daemon closes.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import sqlite3
import threading
from pathlib import Path

import pytest

from bridge import protocol
from bridge.history import Store
from bridge.live.client import LiveClient
from livesim.host import LiveHost
from tests.bridge.harness import Client, running_daemon
from tests.bridge.test_cancel_in_flight import GENERATE, live, started_job, store, until, writing

__all__ = ["live", "store"]  # fixtures, imported for pytest


def let_live_go(live_client: LiveClient, gate: threading.Event) -> None:
    until(lambda: live_client.cancels_sent == 1, "the daemon did not ask Live to drop the write", 10)
    gate.set()


def close_with_a_write_in_flight(live: LiveHost, store: Store, client: Client) -> asyncio.AbstractEventLoop:
    """Start a generate, hold Live while its write is on the way, close the daemon; its (closed) loop."""
    gate, held = threading.Event(), threading.Event()

    def hold() -> None:
        held.set()
        gate.wait(10)

    holder = threading.Thread(target=lambda: live.call(hold, timeout=20), daemon=True)
    try:
        with running_daemon(live_port=live.port, history=store) as daemon:
            until(lambda: daemon.live.pushed is not None, "Live pushed no context")
            assert daemon.app is not None
            client.port = daemon.port
            holder.start()  # Live's main thread is busy: the write waits in the Remote Script's socket
            assert held.wait(10), "Live's main thread never ran the holder"
            client.send(protocol.GENERATE, *GENERATE)
            started_job(client)
            until(lambda: writing(daemon), "the write never left for Live")
            # leaving the block closes the daemon; Live is let go once it was asked to drop the write
            threading.Thread(target=let_live_go, args=(daemon.live, gate), daemon=True).start()
            return daemon.app.loop
    finally:
        gate.set()


def test_closing_with_a_write_in_flight_cancels_the_job_and_leaves_no_pending_task(
    live: LiveHost, store: Store, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    caplog.set_level(logging.WARNING, logger="asyncio")
    client = Client(0)
    try:
        loop = close_with_a_write_in_flight(live, store, client)
        final = client.wait_final()
    finally:
        client.close()
    left = asyncio.all_tasks(loop)  # the daemon's loop is closed: nothing may still wait on it
    gc.collect()  # a task left pending says so when it is destroyed
    pending = [r.getMessage() for r in caplog.records if "destroyed but it is pending" in r.getMessage()]
    assert final[1] == "cancelled", final
    assert live.clip_properties(1, 5) is None and store.takes() == []
    with sqlite3.connect(tmp_path / "h.db") as con:  # the pending take of the refused write is gone
        assert con.execute("SELECT take_id, pending FROM takes").fetchall() == []
    assert pending == [] and left == set(), (pending, left)
