"""/roo/jam/start, /roo/jam/set and /roo/jam/stop through the real daemon, ports read over JACK."""

from __future__ import annotations

import json
import random
import threading
import time
from collections.abc import Iterator

import pytest

from bridge import protocol
from tests.bridge.harness import Client, running_daemon
from tests.bridge.jam.conftest import Reader, note_ons
from tests.conftest import free_udp_port


@pytest.fixture
def client(jack: str) -> Iterator[Client]:
    with running_daemon(live_port=free_udp_port()) as daemon:
        c = Client(daemon.port)
        yield c
        c.close()


def state(client: Client, event: str, timeout: float = 10.0) -> dict[str, object]:
    """The facts of the next /roo/jam/state ``event`` within ``timeout`` seconds overall."""
    deadline = time.monotonic() + timeout
    while True:
        assert time.monotonic() < deadline, f"no /roo/jam/state {event} within {timeout} s"
        address, args = client.recv(max(0.01, deadline - time.monotonic()))
        if address != protocol.JAM_STATE:
            continue
        got, facts = args
        if got == event:
            return dict(json.loads(facts))
        assert got != "failed", facts


def stuck(events: list[tuple[float, str, list[int]]]) -> dict[tuple[str, int], int]:
    """Notes switched on and never off. (The reader may join after the first notes, so an off
    whose on it missed is not counted.)"""
    count: dict[tuple[str, int], int] = {}
    for _, part, msg in events:
        key = (part, msg[1])
        if msg[0] & 0xF0 == 0x90 and msg[2] > 0:
            count[key] = count.get(key, 0) + 1
        elif msg[0] & 0xF0 == 0x80 and count.get(key, 0) > 0:
            count[key] -= 1
    return {k: v for k, v in count.items() if v}


def flood_then_stop(client: Client, parts: list[str]) -> list[tuple[float, str, list[int]]]:
    """A jam started, about 2,000 /roo/jam/set a second for a second, then stopped: what a second
    process heard through JACK."""
    reader = Reader(parts, wait=False)  # it waits for the ports that /roo/jam/start opens
    client.send(protocol.JAM_START, "midi", "jack", "tempo", 300.0, "genre", "rock", "key", "A minor")
    reader.wait_ready()
    assert state(client, "started")["parts"] == ",".join(parts)
    rng = random.Random(3)
    controls = [("density", "0.9"), ("intensity", "0.2"), ("fill", "1"), ("break", "1"), ("drop", "1"),
                ("bass", "0"), ("bass", "1"), ("key", "D minor"), ("genre", "jazz"), ("swing", "0.6")]  # fmt: skip
    flooding = threading.Event()

    def flood() -> None:  # a paced flood (about 2,000 a second): a UDP burst beyond the socket
        while not flooding.is_set():  # buffer would drop the stop itself, not test the jam
            for _ in range(10):
                client.send(protocol.JAM_SET, *rng.choice(controls))
            time.sleep(0.005)

    sender = threading.Thread(target=flood)
    sender.start()
    try:
        time.sleep(1.0)
        client.send(protocol.JAM_STOP)
        assert state(client, "stopped")["bars_played"] >= 1  # type: ignore[operator]
    finally:
        flooding.set()
        sender.join()
    return reader.events()


def silenced(events: list[tuple[float, str, list[int]]]) -> list[int]:
    """The parts' channels that heard all-notes-off (controller 123)."""
    return [ch for ch in (9, 0, 1, 2) if any(msg == [0xB0 | ch, 123, 0] for _, _, msg in events)]


def test_a_flood_of_osc_controls_then_stop_leaves_no_note_sounding(client: Client) -> None:
    parts = ["drums", "bass", "chords", "melody"]
    events = flood_then_stop(client, parts)
    assert note_ons(events)
    assert stuck(events) == {}
    # all-notes-off on every part's channel: the last messages before the ports close, lost in about
    # 1 run of 5 while the ports closed before JACK had run the cycles that deliver them (issue 31)
    assert silenced(events) == [9, 0, 1, 2]


def test_jam_set_without_a_jam_and_a_bad_value_are_refused_by_name(client: Client) -> None:
    client.send(protocol.JAM_SET, "density", "0.5")
    address, message = client.wait_for(protocol.ERROR)
    assert address == protocol.JAM_SET and "no jam is playing" in message
    client.send(protocol.JAM_START, "sync", "sideways")
    address, message = client.wait_for(protocol.ERROR)
    assert "'sideways'" in message and "link" in message
    reader = Reader(["drums"], wait=False)
    client.send(protocol.JAM_START, "midi", "jack", "parts", "drums", "tempo", 300.0, "bars", 4)
    reader.wait_ready()
    state(client, "started")
    client.send(protocol.JAM_SET, "density", "7")
    _, message = client.wait_for(protocol.ERROR)
    assert "density 7.0 is out of range" in message
    assert state(client, "stopped")["bars_played"] == 4
    assert stuck(reader.events()) == {}


def test_a_stop_while_the_jam_is_still_starting_stops_it_once_up(client: Client) -> None:
    client.send(protocol.JAM_START, "midi", "jack", "parts", "drums", "tempo", 300.0)
    client.send(protocol.JAM_START, "midi", "jack", "parts", "drums")  # a double press: refused by name
    address, message = client.wait_for(protocol.ERROR)
    assert address == protocol.JAM_START and "already starting" in message, message
    client.send(protocol.JAM_STOP)  # before its ports are open: kept for the moment they are
    deadline, seen = time.monotonic() + 30, []
    while "stopped" not in seen:
        assert time.monotonic() < deadline, f"no /roo/jam/state stopped after a stop while starting: {seen}"
        address, args = client.recv(max(0.01, deadline - time.monotonic()))
        if address == protocol.JAM_STATE:
            seen.append(args[0])
            facts = json.loads(args[1])
        assert address != protocol.ERROR, args  # the stop was taken, not answered "no jam is playing"
    assert "started" not in seen and "failed" not in seen
    assert facts["bars_played"] == 0  # stopped before its first bar (every note off: test_jam_sender)
    client.send(protocol.JAM_SET, "density", "0.5")  # and it is not playing on
    address, message = client.wait_for(protocol.ERROR)
    assert address == protocol.JAM_SET and "no jam is playing" in message
