"""Issue 55, round 34 (w81): styles and energy said loosely, remarks beside a command, chat shorthand joining two
requests. Sentences of our own, never a blind set's lines.

- "make the bass more jazzy in the chorus": the bass made again in jazz there (asked what should change there
  before); "make the chords more poppy", "the drums a bit more rocky": the genre a style adjective names (asked
  before); "make the hats more trappy": asked whether the drums are made again in trap (refused as no music
  before); "make the drums more dubby": asked which style (no dub preset; asked what should change before);
- "the energy should drop in the bridge", "i want the energy to rise in the last chorus": the energy dial there
  (asked before; "lift the energy in the last chorus" acted on the first chorus); "more energy" alone: asked where
  or which part, with the dial over a place as the first example;
- "push the tempo up 6 bpm, the crowd wants it faster": done (asked about "crowd" before); "make the kick louder, the
  client wants it busier": asked which (the busier was dropped); "give me three versions, the artist is
  picky": three takes (asked list-or-vary: the head's list_takes);
- "mute the conga track w solo the bass", "mute the keys + solo the vox": two requests (asked before).
"""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of
from livesim.host import LiveHost
from tests.bridge.actions.sections.test_section_changes import lay_cues
from tests.bridge.commands.meant import case
from tests.bridge.commands.test_command_action import command
from tests.bridge.harness import Client

pytestmark = pytest.mark.usefixtures("learned_reading")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a style over a place: the part made again there in it
        case(
            "make the bass more jazzy in the chorus",
            op="set",
            target="bass",
            genre="jazz",
            scope={"section": "chorus"},
        ),
        case(
            "make the drums funkier in the second verse",
            op="set",
            target="drums",
            genre="funk",
            scope={"section": "verse", "nth": 2},
        ),
        case(
            "could you make the keys a bit more latin in the last chorus",
            op="set",
            target="chords",
            genre="latin",
            scope={"section": "chorus", "nth": -1},
        ),
        # a style adjective no table lists: the genre it names
        case("make the chords more poppy", op="set", target="chords", genre="pop"),
        case("make the drums a bit more rocky", op="set", target="drums", genre="rock"),
        case("make the bass more latiny", op="set", target="bass", genre="latin"),
        case("make the melody more housey", op="set", target="melody", genre="house"),
        case("make the chords jazzier, the club crowd loves that", op="set", target="chords", genre="jazz"),
        # the energy said to move, with a place: the dial there (every part)
        case("the energy should drop in the bridge", op="softer", scope={"section": "bridge"}),
        case(
            "i want the energy to rise in the last chorus",
            op="louder",
            scope={"section": "chorus", "nth": -1},
        ),
        case("can the energy dip in verse 2", op="softer", scope={"section": "verse", "nth": 2}),
        case("lift the energy in the last chorus", op="louder", scope={"section": "chorus", "nth": -1}),
        case("the energy needs to come down a bit in the intro", op="softer", scope={"section": "intro"}),
        case("it needs more energy in the final chorus", op="louder", scope={"section": "chorus", "nth": -1}),
        case("the drums need more energy", op="louder", target="drums"),  # a part named: as before
        # a remark beside the request, naming no other change or part: the request done
        case("nudge the tempo up 2 bpm, the audience wants it faster", op="tempo", change_bpm=2),
        case("push the tempo up 6 bpm, the crowd wants it faster", op="tempo", change_bpm=6),
        case("raise the tempo by 2 bpm, the whole crowd wants it faster", op="tempo", change_bpm=2),
        case("speed it up 3 bpm, the dancers need it faster", op="tempo", change_bpm=3),
        case("make the kick louder, the client can't hear it", op="louder", target="kick"),
        case("make the hats busier, my producer wants them busier", op="busier", target="hats"),
        case("give me three versions, the artist is picky", op="vary", versions=3),
        case("give me three versions", op="vary", versions=3),
        case("i want 4 takes of this, the label wants choices", op="vary", versions=4),
        case("make the bass more funky, the band wants it", op="set", target="bass", genre="funk"),
    ],
)
def test_read_as_meant(text: str, want: dict[str, Any]) -> None:
    got = means_of(parse(text).as_dict())
    assert {k: got.get(k) for k in want} == want, got


@pytest.mark.parametrize(
    ("text", "asked", "first"),
    [
        # a drum voice wished more of a genre: the whole drums made again in it?
        ("make the hats more trappy", "should the drums be made again in trap?", "change the drums to trap"),
        ("the snare should be more housey", "made again in house?", "change the drums to house"),
        ("make the kick more jazzy please", "made again in jazz?", "change the drums to jazz"),
        # a style no preset holds: which style?
        ("make the drums more dubby", "which style is dubby?", "change the drums to reggae"),
        ("make the chords a bit more folky", "which style is folky?", "change the chords to country"),
        # the energy with no part and no place: where, or which part?
        ("more energy", "more energy where, or in which part", "more energy in the chorus"),
        ("give it more energy", "more energy where, or in which part", "more energy in the chorus"),
        ("bring the energy down", "less energy where, or in which part", "less energy in the verse"),
        ("the energy should drop", "less energy where, or in which part", "less energy in the verse"),
        # people wishing another change after the request: which of the two?
        ("make the kick louder, the client wants it busier", "did you mean", "make the kick louder"),
        ("speed it up 5 bpm, the dancers want it slower", "did you mean", "speed it up 5 bpm"),
        ("mute the bass, the singers want it busier", "did you mean", "mute the bass"),
    ],
)
def test_asked(text: str, asked: str, first: str) -> None:
    intent = parse(text)
    assert not intent.understood and asked in intent.params["reason"], intent
    assert intent.params["suggestions"][0] == first, intent
    assert parse(first).understood, first


def test_another_wish_is_offered_of_the_requests_part() -> None:
    said = parse("make the kick louder, the client wants it busier").params["suggestions"]
    assert said[:2] == ["make the kick louder", "make the kick busier"], said


@pytest.mark.parametrize(
    "text",
    [
        "make the drums more punchy",  # no genre in "punchy": as before (asked what should change)
        "make the drums more groovy",
    ],
)
def test_a_plain_adjective_names_no_genre(text: str) -> None:
    intent = parse(text)
    assert not intent.understood and "genre" not in str(intent.params.get("suggestions", [])[:1]), intent


@pytest.mark.parametrize(
    ("text", "first", "then"),
    [
        (
            "mute the conga track w solo the bass",
            {"op": "mute", "target": "track:conga"},
            {"op": "solo", "target": "bass"},
        ),
        (
            "mute the pads n solo the bass",
            {"op": "mute", "target": "track:pads"},
            {"op": "solo", "target": "bass"},
        ),
        (
            "mute the keys + solo the vox",
            {"op": "mute", "target": "chords"},
            {"op": "solo", "target": "track:vox"},
        ),
        (
            "quantize the hats w swing the snare",
            {"op": "quantize", "target": "hats"},
            {"op": "swing", "target": "snare"},
        ),
        (
            "mute the bass + make the drums busier",
            {"op": "mute", "target": "bass"},
            {"op": "busier", "target": "drums"},
        ),
    ],
)
def test_chat_shorthand_joins_two_requests(text: str, first: dict[str, Any], then: dict[str, Any]) -> None:
    got = means_of(parse(text).as_dict())
    later = got.get("then") or [{}]
    assert {k: got.get(k) for k in first} == first and len(later) == 1, got
    assert {k: later[0].get(k) for k in then} == then, got


def test_with_stays_with() -> None:  # "w" before no verb is "with": one request, as before
    intent = parse("make a drum beat w a heavy kick")
    assert "then" not in intent.params, intent


def test_the_bass_made_jazzier_in_the_chorus_lands_there(live: LiveHost, client: Client) -> None:
    assert command(client, "generate four bars of bass")[1] == "done"
    lay_cues(live, ((0.0, "intro"), (16.0, "chorus"), (32.0, "outro")))
    intent, state, message = command(client, "make the bass more jazzy in the chorus")
    assert (
        intent["params"].get("genre") == "jazz"
        and intent["params"].get("region", {}).get("section") == "chorus"
    )
    assert state == "done" and "chorus" in message, message
    starts = live.call(
        lambda: [(c.start_time, c.end_time) for t in live.song.tracks for c in t.arrangement_clips]
    )
    assert (16.0, 32.0) in starts, (starts, message)
