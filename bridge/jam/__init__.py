"""Jam mode: parts played live as MIDI, one port per part, locked to Link, MIDI clock or our own clock.

The public face: ``Jam`` (start, set, stop, hooks), the clocks (``LinkClock``, ``MidiClockIn``,
``FreeClock``), ``Outputs`` (the ``MuseAroo <part>`` ports), ``ProcessOutputs`` (the same ports in a
real-time sender process of their own, what ``roo jam`` uses) and ``Recorder`` (``--record``).
The music comes from ``engines.jam``; the daemon and the CLI only wire these together.
"""

from __future__ import annotations

from bridge.jam.clock import Clock, FreeClock, LinkClock, MidiClockIn
from bridge.jam.controls import NAMES
from bridge.jam.ports import Outputs, port_name
from bridge.jam.record import Recorder
from bridge.jam.sender import ProcessOutputs
from bridge.jam.session import Jam, PhraseHook

__all__ = [
    "NAMES",
    "Clock",
    "FreeClock",
    "Jam",
    "LinkClock",
    "MidiClockIn",
    "Outputs",
    "PhraseHook",
    "ProcessOutputs",
    "Recorder",
    "port_name",
]
