"""Issue 55, round 35 (w83): plain requests that asked, each acted on or asked clearly. Sentences of our own,
never a blind set's lines.

- "chords for this melody, 4 bars, three versions": chords played along with the clip in hand (`accompany`), its
  bars and takes carried (asked make-or-vary before), the takes passed on to /roo/accompany;
- "this take of the chords is lovely, please mark it with a star", "... can you put a star on it": the take in hand
  starred, the part saying what it is (as the labelled sets read "this take of the ...": target ``this``; asked
  star-or-list before);
- "the song needs more energy": asked where or in which part (before: "louder or busier" of the song, both
  suggestions the dial of part ``song``, which makes a new song);
- "a dub beat", "make me a dub beat": asked which style, reggae the first example (plain drums before); "a trappy
  beat" is a trap beat (plain drums before);
- "put a beat over the last chorus", the last cue point: as long as the chorus before it (the part's default
  before);
- ``heard`` is what was typed, understood or not ("make the drums more trappy" showed "... more trap"), and a
  clause left undone is named in its typed words.
"""

from __future__ import annotations

import asyncio
from typing import Any, cast

import pytest

from bridge.actions.intents.clip import neural_args
from bridge.app import App
from bridge.commands import Intent, parse
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
        # a new part for the clip in hand, which is another part: played along with it
        case("chords for this melody, 4 bars, three versions", op="accompany", target="chords", bars=4, versions=3),
        case("i need some chords under this melody, 8 bars", op="accompany", target="chords", bars=8),
        case("write a melody for these chords, two takes please", op="accompany", target="melody", versions=2),
        case("a bass line for this beat", op="accompany", target="bass"),
        # a take praised, then starred: the take in hand (no part: the selected take)
        case("this take of the chords is lovely, please mark it with a star", op="star", target=None),
        case("that version of the melody is gorgeous, can you put a star on it", op="star", target=None),
        case("this version of the bass is so good, put a star on it", op="star", target=None),
        # a style said as an adjective before the part made
        case("make a trappy beat", op="make", target="drums", genre="trap"),
        case("some housey chords please", op="make", target="chords", genre="house"),
    ],
)  # fmt: skip
def test_a_plain_request_is_done(text: str, want: dict[str, Any]) -> None:
    intent = parse(text)
    assert intent.understood, intent
    got = means_of(intent.as_dict())
    assert {k: got.get(k) for k in want} == want, got


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("the song needs more energy", "more energy where, or in which part"),
        ("the whole song could use less energy", "less energy where, or in which part"),
        ("a dub beat", "which style is dub?"),
        ("make me a dub beat", "which style is dub?"),
        ("give me a dub bassline, 8 bars", "which style is dub?"),
    ],
)
def test_what_lacks_a_way_is_asked_clearly(text: str, asked: str) -> None:
    intent = parse(text)
    assert not intent.understood and asked in str(intent.params.get("reason")), intent


def test_a_dub_beat_offers_the_nearest_style_first() -> None:
    assert parse("make me a dub beat").params["suggestions"][:2] == [
        "make me a reggae beat",
        "make me a beat",
    ]


def test_every_part_given_energy_is_still_done() -> None:  # the whole song said is no place; every part is
    intent = parse("give every part more energy")
    assert intent.action == "adjust" and intent.part == "all", intent


@pytest.mark.parametrize(
    "text",
    ["make the drums more trappy", "can u make the drumz louder pls", "the beat needs to be more trappy"],
)
def test_an_answer_shows_what_was_typed(text: str) -> None:
    intent = parse(text)
    assert intent.understood and intent.heard == text, intent


def test_a_clause_left_undone_is_named_as_typed() -> None:
    intent = parse("mute the bass and make it half time and more trappy")
    assert intent.params.get("not_done") == ["make it half time and more trappy"], intent


def test_the_takes_said_go_to_accompany() -> None:
    intent = Intent("accompany", "chords", {"variations": 3, "bars": 4})
    args = asyncio.run(neural_args(cast(App, None), "accompany", intent))
    assert args == ["chords", "variations", 3]


def test_a_beat_over_the_last_chorus_is_as_long_as_a_chorus(live: LiveHost, client: Client) -> None:
    lay_cues(live, ((0.0, "intro"), (16.0, "chorus"), (48.0, "verse"), (64.0, "chorus")))
    intent, state, message = command(client, "put a beat over the last chorus")
    assert (
        intent["params"].get("region") == {"section": "chorus", "nth": -1} and "bars" not in intent["params"]
    )
    assert state == "done", message
    spans = live.call(
        lambda: [(c.start_time, c.end_time) for t in live.song.tracks for c in t.arrangement_clips]
    )
    assert spans == [(64.0, 96.0)], (spans, message)  # 8 bars, as the chorus at beat 16 (the default is 4)
