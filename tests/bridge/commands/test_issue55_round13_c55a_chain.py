"""Issue 55, round 13 (c55a), whole path: a sentence with several requests through /roo/command into
the in-memory Live. Each request is done in order, each its own step; a failing later step keeps what
was done and names the step that failed and those not tried; a step that needs a "yes" holds the whole
chain, and the "yes" runs it all."""

from __future__ import annotations

from typing import Any

from bridge import protocol
from livesim.host import LiveHost
from tests.bridge.commands.test_command_action import command
from tests.bridge.harness import Client


def tempo(live: LiveHost) -> Any:
    return live.call(lambda: live.song.tempo)


def test_two_requests_are_both_done_in_order(live: LiveHost, client: Client) -> None:
    assert command(client, "generate one bar of drums")[1] == "done"
    first = live.clip_notes(0, 0)
    text = "set the tempo to 101 and then make the drums busier"
    client.send(protocol.COMMAND, text)
    steps: list[str] = []
    while (status := client.wait_for(protocol.STATUS, timeout=60.0))[1] not in protocol.FINAL_STATES:
        steps.append(str(status[-1]))
    state, message = status[1], str(status[-1])
    assert state == "done", message
    assert tempo(live) == 101.0
    assert (
        "tempo set to 101 bpm; then density up (density 0.7): drums:" in message and "scene 2" in message
    ), message
    assert len(live.clip_notes(0, 1)) > len(first) and live.clip_notes(0, 0) == first
    said = f'heard "{text}": set tempo: tempo_bpm 101; then adjust drums: direction up, what density'
    assert said in steps and any("step 2 of 2" in s for s in steps), steps  # each step said


def test_a_failing_later_request_keeps_the_first_and_names_what_was_not_done(
    live: LiveHost, client: Client
) -> None:
    _, state, message = command(
        client, "set the tempo to 99, then quantize the bass and then make the drums busier"
    )
    assert tempo(live) == 99.0  # the first request stays done
    assert state == "failed"
    assert (
        "tempo set to 99 bpm; then step 2 (transform bass: kind quantize) failed: there is no bass clip"
        in message
    )
    assert "not tried: 'adjust drums: direction up, what density'" in message, message
    assert live.clip_properties(0, 0) is None  # nothing was written for the steps not done


def test_a_replace_in_a_later_request_holds_the_whole_chain_until_yes(live: LiveHost, client: Client) -> None:
    assert command(client, "generate one bar of drums")[1] == "done"
    first = live.clip_notes(0, 0)
    before = tempo(live)
    _, state, message = command(client, "set the tempo to 97, then replace the drums with a rock beat")
    assert state == "done" and 'say "yes" to replace it' in message and "a yes runs every step" in message
    assert tempo(live) == before and live.clip_notes(0, 0) == first  # nothing done while it waits
    _, state, message = command(client, "yes")
    assert state == "done", message
    assert tempo(live) == 97.0 and live.clip_notes(0, 0) != first  # the yes ran both steps
