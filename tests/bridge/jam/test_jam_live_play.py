"""Live play said in other words is a jam (issue 30): "play some drums live at ninety bpm" starts the
jam with the drums only at 90 BPM, where it used to set the tempo and write a clip."""

from __future__ import annotations

from bridge.daemon import Daemon
from tests.bridge.harness import Client

from .test_jam_commands import command, daemon, wait_until, with_live

__all__ = ["daemon", "with_live"]  # the fixtures used here


def test_play_some_drums_live_starts_a_drums_only_jam_at_that_tempo(daemon: tuple[Daemon, Client]) -> None:
    running, client = daemon
    intent, state, message = command(client, "play some drums live at ninety bpm")
    assert intent["action"] == "jam" and state == "done", message
    assert intent["params"] == {"do": "start", "parts": "drums", "tempo_bpm": 90}
    assert "parts drums" in message and "tempo 90" in message, message
    wait_until(running.jam.playing)
    assert running.jam.session is not None
    assert running.jam.session.options.parts == "drums"
    assert set(running.jam.session.jam.timeline[0][1].parts) == {"drums"}  # the bass, chords, melody rest
    assert running.jam.session.start_tempo == 90.0
    assert command(client, "keep playing")[1:] == ("done", 'heard "keep playing": the jam keeps playing')
    _, state, message = command(client, "stop the jam")
    assert state == "done", message
