"""Cancelling a generate whose write is already on its way to Live says what Live did.

Whole paths: a client -> the real daemon -> (a relay that can hold Live's answers) -> the real
Remote Script in the in-memory Live. Either Live had not run the write when the cancel came (it is
refused: "cancelled", nothing in the slot), or it had (the job ends "done", too late to cancel,
and the take is in the history): nothing lands after "cancelled", nothing that landed is lost.
When Live does not answer at all, the job fails saying it cannot tell.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bridge import protocol
from bridge.daemon import Daemon
from bridge.history import Store, open_store
from livesim.host import LiveHost
from tests.bridge.harness import Client, running_daemon

GENERATE = ("bass", "track", 1, "slot", 5, "bars", 2, "seed", 3)


class Relay:
    """UDP between the daemon and Live; Live's datagrams to the daemon wait while ``hold`` is set."""

    def __init__(self, live_port: int) -> None:
        self.live = (protocol.HOST, live_port)
        self.front = self._socket()  # the daemon talks to this one
        self.back = self._socket()  # Live answers this one
        self.port = self.front.getsockname()[1]
        self.daemon: tuple[str, int] | None = None
        self.hold = threading.Event()
        self._held: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    @staticmethod
    def _socket() -> socket.socket:
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        sock.bind((protocol.HOST, 0))
        sock.settimeout(0.005)
        return sock

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                data, self.daemon = self.front.recvfrom(65536)
                self.back.sendto(data, self.live)
            except TimeoutError:
                pass
            try:
                self._held.append(self.back.recv(65536))
            except TimeoutError:
                pass
            while self._held and not self.hold.is_set() and self.daemon is not None:
                self.front.sendto(self._held.pop(0), self.daemon)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.front.close()
        self.back.close()


@pytest.fixture
def live() -> Iterator[LiveHost]:
    host = LiveHost(port=0).start_in_thread()
    yield host
    host.stop()
    assert host.errors == []


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path)


def until(condition: Callable[[], bool], what: str, timeout: float = 5.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, what
        time.sleep(0.005)


def started_job(client: Client, timeout_s: float = 10.0) -> int:
    end = time.monotonic() + timeout_s
    while True:
        assert time.monotonic() < end, f"no job started running within {timeout_s} s"
        args = client.wait_for(protocol.STATUS)
        if args[1] == "running":
            return int(args[0])


def writing(daemon: Daemon) -> bool:
    return bool({protocol.RS_WRITE_CLIP_FOR, protocol.RS_WRITE_CLIP_FROM} & set(daemon.live.waiting_for()))


def test_a_cancel_that_reaches_live_before_the_write_runs_refuses_it(live: LiveHost, store: Store) -> None:
    with running_daemon(live_port=live.port, history=store) as daemon:
        until(lambda: daemon.live.pushed is not None, "Live pushed no context")
        client = Client(daemon.port)
        gate = threading.Event()
        holder = threading.Thread(target=lambda: live.call(lambda: gate.wait(5), timeout=10), daemon=True)
        holder.start()  # Live's main thread is busy: the write waits in the Remote Script's socket
        try:
            client.send(protocol.GENERATE, *GENERATE)
            job = started_job(client)
            until(lambda: writing(daemon), "the write never left for Live")
            client.send(protocol.CANCEL, job)
            until(lambda: daemon.live.cancels_sent == 1, "the daemon did not ask Live to drop the write")
        finally:
            gate.set()
        final = client.wait_final()
        client.close()
        assert final[1] == "cancelled" and "nothing was written" in final[3], final
        assert live.clip_properties(1, 5) is None  # the Remote Script refused the write
        assert daemon.live.written_after_cancel == 0 and store.takes() == []


def test_a_cancel_that_reaches_live_after_the_write_ran_ends_done_and_recorded(
    live: LiveHost, store: Store
) -> None:
    relay = Relay(live.port)
    try:
        with running_daemon(live_port=relay.port, history=store) as daemon:
            until(lambda: daemon.live.pushed is not None, "Live pushed no context")
            client = Client(daemon.port)
            relay.hold.set()  # Live's answers wait: the daemon does not know yet what Live did
            try:
                client.send(protocol.GENERATE, *GENERATE)
                job = started_job(client)
                until(lambda: live.clip_properties(1, 5) is not None, "the write never ran in Live")
                client.send(protocol.CANCEL, job)
                until(lambda: daemon.live.cancels_sent == 1, "the daemon did not ask Live to drop the write")
                client.send(protocol.CANCEL, job)  # cancelled again while the daemon waits for Live
                client.send(protocol.PING)
                client.wait_for(protocol.PONG)  # answered after the second cancel was handled
            finally:
                relay.hold.clear()
            final = client.wait_final()
            client.close()
            assert final[1] == "done" and "too late to cancel" in final[3], final
            assert daemon.live.written_after_cancel == 1
            takes = store.takes()
            assert len(takes) == 1 and takes[0].summary()["take_id"] in final[3]
            assert live.clip_properties(1, 5) is not None
    finally:
        relay.close()


def test_a_cancelled_write_live_never_answers_for_fails_saying_so(
    live: LiveHost, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bridge.live.cancel.CANCEL_WAIT_S", 0.5)  # the wait is max(2 s, this)
    relay = Relay(live.port)
    try:
        with running_daemon(live_port=relay.port, history=store) as daemon:
            until(lambda: daemon.live.pushed is not None, "Live pushed no context")
            client = Client(daemon.port)
            relay.hold.set()  # Live's answers never come back while the job waits
            try:
                client.send(protocol.GENERATE, *GENERATE)
                job = started_job(client)
                until(lambda: writing(daemon), "the write never left for Live")
                client.send(protocol.CANCEL, job)
                final = client.wait_final()
            finally:
                relay.hold.clear()
            client.close()
    finally:
        relay.close()
    assert final[1] == "failed" and "did not say within 2 s whether it ran: look in Live" in final[3], final
    assert store.takes() == []  # not known to have landed: nothing recorded as if it had
