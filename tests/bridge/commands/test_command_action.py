"""Whole path: /roo/command <text> -> daemon -> real Remote Script in the in-memory Live."""

from __future__ import annotations

import json

from bridge import protocol
from livesim.host import LiveHost
from tests.bridge.harness import Client


def command(client: Client, text: str) -> tuple[dict, str, str]:
    """Send one sentence; returns the intent from /roo/result and the final state and message."""
    client.send(protocol.COMMAND, text)
    job_id, kind, payload = client.wait_for(protocol.RESULT)
    assert kind == "intent"
    final_id, state, _, message = client.wait_final()
    assert final_id == job_id
    return json.loads(payload), state, message


def test_generate_then_busier_writes_a_denser_clip_in_a_new_slot(live: LiveHost, client: Client) -> None:
    intent, state, message = command(client, "generate four bars of drums")
    assert intent["action"] == "generate" and intent["heard"] == "generate four bars of drums"
    assert state == "done", message
    assert message.startswith('heard "generate four bars of drums": drums:') and "track 1, scene 1" in message
    first = live.clip_notes(0, 0)
    assert first and max(n[1] for n in first) < 16

    intent, state, message = command(client, "make the drums busier")
    assert intent == {
        "action": "adjust",
        "part": "drums",
        "params": {"what": "density", "direction": "up"},
        "heard": "make the drums busier",
        "source": "typed",
    }
    assert state == "done" and "density 0.7" in message and "scene 2" in message, message
    assert live.clip_notes(0, 0) == first  # the original clip is kept
    assert len(live.clip_notes(0, 1)) > len(first)


def test_vary_uses_the_last_part_and_a_new_seed(live: LiveHost, client: Client) -> None:
    assert command(client, "two bars of jazz chords")[1] == "done"
    intent, state, message = command(client, "try again")
    assert intent["action"] == "vary" and intent["part"] is None
    assert state == "done" and message.startswith('heard "try again": chords:') and "scene 2" in message
    assert live.clip_notes(0, 1) and live.clip_notes(0, 1) != live.clip_notes(0, 0)


def test_a_number_of_variations_writes_that_many_takes_each_with_its_own_seed(
    live: LiveHost, client: Client
) -> None:
    assert command(client, "two bars of jazz chords")[1] == "done"
    intent, state, message = command(client, "three variations")
    assert intent["params"] == {"variations": 3} and state == "done", message
    assert [f"scene {s + 1}" in message for s in (1, 2, 3)] == [True, True, True]
    clips = [live.clip_notes(0, s) for s in range(4)]
    assert all(clips) and len({str(c) for c in clips}) == 4  # four different takes
    names = [live.clip_properties(0, s)["name"] for s in range(1, 4)]  # type: ignore[index]
    assert len(set(names)) == 3  # each name carries its own seed


def test_tempo_key_and_undo_change_live(live: LiveHost, client: Client) -> None:
    assert command(client, "tempo ninety five")[1:] == (
        "done",
        'heard "tempo ninety five": tempo set to 95 bpm',
    )
    assert live.call(lambda: live.song.tempo) == 95.0
    _, state, message = command(client, "set the key to F sharp minor")
    assert state == "done" and message.endswith("key set to F# minor")
    assert live.call(lambda: (live.song.root_note, live.song.scale_name)) == (6, "Minor")
    assert command(client, "undo that")[1] == "done"
    assert live.call(lambda: (live.song.root_note, live.song.scale_name)) == (0, "Major")
    assert live.call(lambda: live.song.tempo) == 95.0


def test_a_scale_without_a_root_keeps_lives_root(live: LiveHost, client: Client) -> None:
    """Issue 35's "set the scale to dorian": Live's root stays, only the scale changes; one undo."""
    assert command(client, "set the key to F sharp minor")[1] == "done"
    _, state, message = command(client, "set the scale to dorian")
    assert (state, message) == (
        "done",
        'heard "set the scale to dorian": scale set to Dorian (Live\'s root kept)',
    )
    assert live.call(lambda: (live.song.root_note, live.song.scale_name)) == (6, "Dorian")
    assert command(client, "change the mode to harmonic minor")[1] == "done"
    assert live.call(lambda: (live.song.root_note, live.song.scale_name)) == (6, "Harmonic Minor")
    assert command(client, "undo that")[1] == "done"
    assert live.call(lambda: (live.song.root_note, live.song.scale_name)) == (6, "Dorian")


def test_play_and_stop(live: LiveHost, client: Client) -> None:
    assert command(client, "play")[1:] == ("done", 'heard "play": playing')
    assert live.call(lambda: live.song.is_playing) is True
    assert command(client, "stop playback")[1:] == ("done", 'heard "stop playback": stopped')
    assert live.call(lambda: live.song.is_playing) is False


def test_not_understood_fails_with_suggestions_and_does_nothing(live: LiveHost, client: Client) -> None:
    intent, state, message = command(client, "order a pizza")
    assert intent["action"] == "unknown" and len(intent["params"]["suggestions"]) == 2
    assert state == "failed"
    assert message.startswith('heard "order a pizza": not understood') and "nothing was done" in message
    assert all(live.clip_properties(t, s) is None for t in range(2) for s in range(2))


def test_replacing_waits_for_yes_and_no_keeps_the_clip(live: LiveHost, client: Client) -> None:
    assert command(client, "generate one bar of drums")[1] == "done"
    first = live.clip_notes(0, 0)
    _, state, message = command(client, "replace the drums with a rock beat")
    assert state == "done" and 'say "yes" to replace it' in message
    assert live.clip_notes(0, 0) == first and live.clip_properties(0, 1) is None
    assert command(client, "no")[2].endswith(
        'kept the existing clip; "replace the drums with a rock beat" was not done'
    )
    assert command(client, "yes")[2].endswith("nothing is waiting for a yes or no")
    command(client, "replace the drums with a rock beat")
    _, state, message = command(client, "yes")
    assert state == "done" and "track 1, scene 1" in message, message
    assert live.clip_notes(0, 0) != first and live.clip_properties(0, 1) is None


def test_cancel_with_nothing_running_and_help(client: Client) -> None:
    assert command(client, "cancel")[2] == 'heard "cancel": no job is running'
    _, state, message = command(client, "what can I say")
    assert state == "done" and "make the drums busier" in message


def test_empty_command_is_refused(client: Client) -> None:
    client.send(protocol.COMMAND, "")
    _, state, _, message = client.wait_final()
    assert state == "failed" and "needs a sentence" in message
