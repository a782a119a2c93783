"""Issue 55, round 33 (w78): lists of parts, "everything but", a bass locked to the kick, nudges in time.
Sentences of our own, never a blind set's lines.

- one change on three or more parts or tracks listed ("make the bass, chords and melody quieter", "mute keys,
  pads and strings") is that change on each (asked before: the rules read one or two);
- "keep everything but the bass" takes the bass out (asked about "the all" before), "keep everything but the
  kick" the kick (it kept the kick alone before); "get rid of everything except the chords" asks solo or the
  other parts taken out (no one op takes three parts out);
- "make the bassline follow the kick", "lock the bass to the kick drum": a bass that follows the drums (the kick
  was dropped);
- "push the snare later" is a small move later (asked how far before); "nudge the hats 10 ms earlier" moves
  them 10 ms (a 32nd before: the milliseconds dropped); "nudge the bass back" asks in time or in the mix
  (made softer before).
"""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of
from livesim.host import LiveHost
from tests.bridge.commands.meant import case
from tests.bridge.commands.test_command_action import command
from tests.bridge.harness import Client


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("make the bass, chords and melody quieter", op="softer", target=["bass", "chords", "melody"]),
        case("turn the drums, the bass and the keys down", op="softer", target=["drums", "bass", "chords"]),
        case("quantize the bass, the keys and the lead", op="quantize", target=["bass", "chords", "melody"]),
        case("make the drums, bass, chords busier", op="busier", target=["drums", "bass", "chords"]),
        case("mute keys, pads and strings", op="mute", target=["chords", "track:pads", "track:strings"]),
        case(
            "solo the piano, the strings and the bass",
            op="solo",
            target=["track:piano", "track:strings", "bass"],
        ),
        case("humanize the hats, snare and kick", op="humanize", target=["hats", "snare", "kick"]),
        case("keep everything but the bass", op="remove", target="bass"),
        case("keep it all except the drums", op="remove", target="drums"),
        case(
            "please keep everything apart from the bass and the chords",
            op="remove",
            target=["bass", "chords"],
        ),
        case("keep everything but the kick", op="remove", target="kick"),
        case("keep all of it except the hats and the snare", op="remove", target=["hats", "snare"]),
        case("get rid of everything except the snare", op="keep_only", target="snare"),
        case("make the bassline follow the kick", op="make", target="bass", follow="drums"),
        case("lock the bass to the kick drum", op="make", target="bass", follow="drums"),
        case("write a bass line that locks in with my drums", op="make", target="bass", follow="drums"),
        case("make the bassline follow the chords", op="make", target="bass", follow="chords"),
        case("push the snare later", op="shift", target="snare"),
        case("push the clap a little earlier", op="shift", target="claps"),
        case("move the kick a 16th later", op="shift", target="kick", beats=0.25),
        case("nudge the hats back a 16th", op="shift", target="hats", beats=0.25),
        case("pull the bass back a bit", op="softer", target="bass"),
        case("nudge the kick back in the mix", op="softer", target="kick"),
    ],
)
def test_read_as_meant(text: str, want: dict[str, Any]) -> None:
    got = means_of(parse(text).as_dict())
    assert {k: got.get(k) for k in want} == want, got


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "ms"),
    [
        ("nudge the hats 10 ms earlier", -10.0),
        ("shift the chords 15ms later", 15.0),
        ("push the bass 20 milliseconds later", 20.0),
    ],
)
def test_milliseconds_said_are_kept(text: str, ms: float) -> None:
    intent = parse(text)
    assert intent.params.get("kind") == "shift" and intent.params.get("offset_ms") == ms, intent
    assert "offset" not in intent.params, intent  # no step of the parser's own in their place


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("get rid of everything except the chords", "solo the chords", "remove the drums"),
        ("delete it all except the bass and the melody", "solo the bass and the melody", "remove the drums"),
    ],
)
def test_everything_but_parts_taken_out_asks(text: str, first: str, second: str) -> None:
    intent = parse(text)
    assert not intent.understood and intent.params["suggestions"][:2] == [first, second], intent
    assert "soloed, or every other part" in intent.params["reason"], intent


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "examples"),
    [
        ("nudge the bass back a bit", ["nudge the bass a little later", "make the bass softer"]),
        ("nudge the snare back", ["nudge the snare a little later", "make the snare softer"]),
        ("push the chords forward a touch", ["nudge the chords a little earlier", "make the chords louder"]),
    ],
)
def test_a_nudge_back_asks_time_or_mix(text: str, examples: list[str]) -> None:
    intent = parse(text)
    assert not intent.understood and intent.params["suggestions"][:2] == examples, intent
    for example in examples:  # each example is read as what it offers
        assert parse(example).understood, example


def test_the_hats_move_by_the_milliseconds_at_lives_tempo(live: LiveHost, client: Client) -> None:
    assert command(client, "tempo 120")[1] == "done"
    assert command(client, "generate one bar of drums")[1] == "done"
    before = live.clip_notes(0, 0)
    intent, state, message = command(client, "nudge the kick 50 ms later")
    assert intent["params"].get("offset_ms") == 50.0 and state == "done", message
    after = live.clip_notes(0, 1)
    kicks = sorted(n[1] for n in before if n[0] == 36)
    moved = sorted(n[1] for n in after if n[0] == 36)
    assert kicks and len(moved) == len(kicks), (before, after)
    # 50 ms at 120 bpm is a tenth of a beat (a note past the clip's end wraps or stays: the first kicks tell)
    assert moved[0] == pytest.approx(kicks[0] + 0.1, abs=1e-3), (kicks, moved)


def test_a_bass_that_follows_the_kick_follows_the_drum_clip(live: LiveHost, client: Client) -> None:
    assert command(client, "generate two bars of drums")[1] == "done"
    _, state, message = command(client, "generate two bars of chords")
    assert state == "done" and "track 7, scene 1" in message, message
    live.call(  # the chords selected: the drum clip is found as the drums' last take, not as the selection
        lambda: setattr(live.song.view, "highlighted_clip_slot", live.song.tracks[6].clip_slots[0])
    )
    intent, state, message = command(client, "make the bassline follow the kick")
    assert intent["params"].get("source") == "drums" and state == "done", message
    assert "locked to the kick of track 1, scene 1" in message, message
