"""Jam mode without Link: following MIDI clock from a port, and sending our own MIDI clock."""

from __future__ import annotations

import threading
import time

import pytest
import rtmidi

from bridge.jam.launch import JamOptions, launch
from tests.bridge.jam.conftest import Reader, hanging, note_ons

# timing asserted against the wall clock: run alone, never beside other workers (Makefile)
pytestmark = pytest.mark.realtime


def open_jack(kind: type, name: str, port: str) -> object:
    """A JACK MIDI port of this test connected to the jam's port called ``port``."""
    end = time.monotonic() + 5
    while True:
        midi = kind(rtapi=rtmidi.API_UNIX_JACK, name=name)
        match = [i for i, n in enumerate(midi.get_ports()) if n.endswith(port)]
        if match:
            midi.open_port(match[0], name)
            return midi
        midi.delete()
        assert time.monotonic() < end, f"{port} did not appear"
        time.sleep(0.05)


def test_the_jam_follows_midi_clock_and_plays_the_bars_asked(jack: str) -> None:
    reader = Reader(["drums"], wait=False)
    session = launch(JamOptions(sync="clock", parts="drums", bars=2, midi="jack", tempo_bpm=90.0))
    sender = open_jack(rtmidi.MidiOut, "roo-test-clock", "MuseAroo clock")
    reader.wait_ready()
    ticking = threading.Event()

    def tick() -> None:  # 240 BPM: 24 ticks a beat, every 10.4 ms
        sender.send_message([0xFA])  # type: ignore[attr-defined]
        start = time.monotonic()
        n = 0
        while not ticking.is_set():
            n += 1
            time.sleep(max(0.0, start + n * 60 / 240 / 24 - time.monotonic()))
            sender.send_message([0xF8])  # type: ignore[attr-defined]

    thread = threading.Thread(target=tick)
    thread.start()
    try:
        time.sleep(1.0)
        tempo = session.clock.sample()[2]
        assert session.jam.wait(20)
    finally:
        ticking.set()
        thread.join()
        session.close()
    assert abs(tempo - 240.0) < 12.0  # the clock's tempo, not the 90 BPM we started from
    assert session.jam.bars_played() == 2
    events = reader.events()
    assert note_ons(events, "drums") and hanging(events) == {}


def test_our_own_clock_sends_start_24_ticks_a_beat_and_stop(jack: str) -> None:
    session = launch(JamOptions(sync="own", parts="drums", bars=2, midi="jack", tempo_bpm=300.0))
    listener = open_jack(rtmidi.MidiIn, "roo-test-listen", "MuseAroo clock")
    listener.ignore_types(timing=False)  # type: ignore[attr-defined]
    try:
        assert session.jam.wait(20)
        time.sleep(0.2)
    finally:
        session.close()
    got = []
    while (item := listener.get_message()) is not None:  # type: ignore[attr-defined]
        got.append(item[0][0])
    ticks = got.count(0xF8)
    assert got[-1] == 0xFC
    assert 2 * 4 * 24 - 24 <= ticks <= 2 * 4 * 24 + 1  # the listener may join a little late
