"""RemoteJam.set_tempo (issue 44): the playing jam's clock to a new tempo; nothing plays, nothing starts."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from bridge.jam.clock import FreeClock
from bridge.jam.remote import RemoteJam
from engines.errors import InvalidValue, RooError


def remote_with(clock: Any) -> RemoteJam:
    remote = RemoteJam(lambda *args: None)
    remote.session = SimpleNamespace(jam=SimpleNamespace(stopped=lambda: False), clock=clock)  # type: ignore[assignment]
    return remote


def test_a_playing_jams_clock_takes_the_new_tempo() -> None:
    clock = FreeClock(100.0)
    remote = remote_with(clock)
    assert remote.tempo_now() == 100.0
    assert remote.set_tempo(128.0) == 100.0
    assert clock.sample()[2] == 128.0


def test_no_jam_playing_and_a_bad_tempo_are_refused() -> None:
    with pytest.raises(RooError, match="no jam is playing"):
        RemoteJam(lambda *args: None).set_tempo(128.0)
    with pytest.raises(InvalidValue, match="jam tempo 5 bpm"):
        remote_with(FreeClock(100.0)).set_tempo(5.0)


def test_an_outside_midi_clock_keeps_its_tempo() -> None:
    fixed = SimpleNamespace(sample=lambda: (0.0, 0.0, 90.0))
    with pytest.raises(InvalidValue, match="outside MIDI clock"):
        remote_with(fixed).set_tempo(120.0)
