"""Issue 44 round 4's kept quantities through the daemon into the in-memory Live."""

from __future__ import annotations

from livesim.host import LiveHost
from tests.bridge.commands.test_command_action import command
from tests.bridge.harness import Client


def test_a_meter_said_in_a_make_sets_lives_meter_then_makes_the_part(live: LiveHost, client: Client) -> None:
    intent, state, message = command(client, "write four bars of chords in 6/8")
    assert intent["params"] == {"bars": 4, "meter": "6/8"} and state == "done", message
    assert "time signature set to 6/8" in message
    assert live.call(lambda: (live.song.signature_numerator, live.song.signature_denominator)) == (6, 8)
    assert live.clip_notes(0, 0)


def test_redo_twice_redoes_two_steps(live: LiveHost, client: Client) -> None:
    tempo = live.call(lambda: live.song.tempo)
    assert command(client, "tempo ninety five")[1] == "done"
    assert command(client, "tempo one hundred")[1] == "done"
    assert command(client, "undo 2x")[1] == "done"
    assert live.call(lambda: live.song.tempo) == tempo
    intent, state, message = command(client, "redo that twice")
    assert intent["params"] == {"do": "redo", "count": 2} and state == "done", message
    assert live.call(lambda: live.song.tempo) == 100
