"""Issue 55, round 29 (w74b): what a sentence says about time and about its prompt (sentences of our own, never a
blind set's lines). A fault said before a shift ("it's coming in early, ...") is no direction: the request's own
word decides, and with none the way is asked; a fade whose way is not read is asked, never a fade in; Scots
function words are plain English; a purpose after a comma with no article leaves the MusicGen prompt; a style
that is an English word ("folk") is asked, never dropped; "it" after a statement of two things is its subject
(asked when both are parts); a time clause first is the request's scope; "the track Name" names the track."""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of
from tests.bridge.commands.meant import case

pytestmark = pytest.mark.usefixtures("learned_reading")  # the whole reader: rules, learned reading, gate


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the fault first, the fix's own way after it (a verb the shift words do not hold, "shove" / "bump")
        case("the snare is landing a touch late, bump it a sixteenth earlier", op="shift", beats=-0.25),
        case("the hats are coming in early, shove them an eighth later", op="shift", beats=0.5),
        # Scots function words and a dropped "g"
        case("take the snare oot fae bar 5 onwards", op="remove", target="snare", scope={"from_bar": 5}),
        case("bring the tempo doon 6 bpm", op="tempo", change_bpm=-6),
        case("fade the chords oot ower the last 8 bars", op="automate", target="chords", shape="fade_out"),
        case(
            "fade the chords out over the lsat 8 bars",
            op="automate",
            shape="fade_out",
            scope={"last_bars": 8},
        ),
        case(
            "an audio loop o fiddles playing a slow tune, 4 bars",
            op="musicgen",
            prompt="fiddles playing a slow tune",
        ),
        # a purpose after a comma, no article: no sound
        case(
            "audio loop of wind through a cave, 4 bars, for forest level",
            op="musicgen",
            prompt="wind through a cave",
            bars=4,
        ),
        # "it" after a statement of two things: the subject
        case("the vocal sits on top of the bass, move it an eighth later", op="shift", target="track:vocal"),
        case(
            "the pad clashes with the bass, transpose it down an octave", op="transpose", target="track:pad"
        ),
        # a time clause first: the request's scope
        case(
            "when the chorus hits, make the drums busier",
            op="busier",
            target="drums",
            scope={"section": "chorus"},
        ),
        case(
            "where the verse starts, make the bass simpler",
            op="simpler",
            target="bass",
            scope={"section": "verse"},
        ),
        # a capitalised name after "the track"
        case("mute the track Guira", op="mute", target="track:guira"),
        case("solo the track Shaker", op="solo", target="track:shaker"),
    ],
)
def test_read_as_meant(text: str, want: dict[str, Any]) -> None:
    got = means_of(parse(text).as_dict())
    assert {k: got.get(k) for k in want} == want, got


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("the bass is coming in early, nudge it a sixteenth", ""),  # the fault alone: which way?
        ("fade the chords over 8 bars", "fade in or out?"),
        ("fade the pad", "fade in or out?"),
        ("a folk bass line, 8 bars", "which style is folk?"),
        ("the drums sit on top of the bass, move it an eighth later", "the drums or the bass?"),
    ],
)
def test_asked_not_guessed(text: str, asked: str) -> None:
    intent = parse(text)
    assert not intent.understood, intent
    assert asked in intent.params.get("reason", ""), intent


@pytest.mark.parametrize(
    "text",
    ["when does the chorus start", "when is the gig?", "when the chorus hits, what happens to the drums"],
)
def test_questions_stay_unread(text: str) -> None:
    assert not parse(text).understood


def test_guards() -> None:
    """Unchanged: a fade said with its way, a plain "an" and "o" in English, a likeness to a folk song."""
    assert means_of(parse("fade the strings in over 8 bars").as_dict()).get("shape") == "fade_in"
    assert means_of(parse("move the bass a sixteenth later").as_dict()).get("beats") == 0.25
    got = means_of(parse("melody in 6/8, 8 bars, a bit like an old folk song").as_dict())
    assert got.get("op") == "make" and "genre" not in got, got
    got = means_of(parse("a loop of cinematic music for film").as_dict())
    assert got.get("prompt") == "cinematic music for film", got
