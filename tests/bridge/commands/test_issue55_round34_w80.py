"""Issue 55, round 34 (w80): sentences of our own, never a blind set's lines.

- takes moved to by a count back ("go back two takes" asked undo or vary) or by their star ("bring back the
  starred one" was not read, "the one i starred" starred the newest take); a take thrown away ("delete the
  last take", "throw that take away") is answered with its own sentence (no action deletes a take), its
  examples first among the suggestions;
- a drum hit put in at a place: "put a crash at the start of the chorus" asked add or remove, "drop a crash
  on bar 17" removed the crashes, "a cymbal on the one of the drop" was not read;
- a part that should sit back: in the mix softer, alone asked (in time or in the mix; was refused);
- a vary of an instrument MuseAroo makes no part of asks which part ("vary the piano" varied the last part);
- an unknown answer's ``heard`` is the sentence as typed (it showed the readers' rewrite)."""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of
from bridge.commands.take_moves import DELETE
from tests.bridge.commands.meant import case

pytestmark = pytest.mark.usefixtures("learned_reading")  # the whole reader: rules, learned reading, gate


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("go back two takes", op="recall", target="previous", count=2),
        case("jump back 3 versions please", op="recall", target="previous", count=3),
        case("can we go back a couple of takes", op="recall", target="previous", count=2),
        case("go back two bass takes", op="recall", target="previous", count=2),
        case("the chords from two takes ago", op="recall", target="previous", count=2),
        case("go back to the previous take", op="recall", target="previous"),  # one back stays as it was
        case("bring back the starred one", op="recall", starred=True),
        case("the one I starred", op="recall", starred=True),
        case("put my starred bass take back", op="recall", target="bass", starred=True),
        case("use the take with the star on it", op="recall", starred=True),
        case("show me my starred takes", op="list_takes", starred=True),  # a list stays a list
        case(
            "put a crash at the start of the chorus",
            op="add",
            target="crash",
            scope={"bars": [1, 1], "section": "chorus"},
        ),
        case("drop a crash on bar 17", op="add", target="crash", scope={"bars": [17, 17]}),
        case("drop a clap on beat 3 of bar 8", op="add", target="claps", scope={"bars": [8, 8], "beats": 3}),
        case(
            "a cymbal on the one of the drop",
            op="add",
            target="crash",
            scope={"bars": [1, 1], "beats": 1, "section": "drop"},
        ),
        case("put a big crash on the one in the second verse", op="add", target="crash"),
        case(
            "add a crash on the first beat of the chorus", op="add", target="crash"
        ),  # was asked (make or add)
        case(
            "drop the kick on bar 4", op="remove", target="kick", scope={"bars": [4, 4]}
        ),  # "the": taken out
        case("drop a semitone", op="transpose", semitones=-1),  # no hit: a pitch
        case("get rid of the cymbal", op="remove", target="crash"),  # was not read (no voice "cymbal")
        case(
            "swing the ride cymbal 55 percent", op="swing", target="ride", amount=0.55
        ),  # no crash beside it
        case("take the ride cymbal out of the last two bars", op="remove", target="ride"),
        case("stabs on the one of the chorus", op="feel", feel="sparse_hits"),
        case("let the snare sit back in the mix", op="softer", target="snare"),
        case("the bass line should sit further back in the mix", op="softer", target="bass"),
        case("have the shaker sit back behind the vocal", op="softer", target="percussion"),
        case("let the hats sit back in the pocket", op="shift", target="hats"),
        case("vary the keys", op="vary", target="chords"),
        case("vary the piano chords", op="vary", target="chords"),
    ],
)
def test_read_as_meant(text: str, want: dict[str, Any]) -> None:
    got = means_of(parse(text).as_dict())
    assert {k: got.get(k) for k in want} == want, got


@pytest.mark.parametrize(
    "text",
    ["delete the last take", "throw that take away", "bin this version", "get rid of the previous version"],
)
def test_a_take_thrown_away_is_answered_and_nothing_done(text: str) -> None:
    intent = parse(text)
    assert not intent.understood and intent.params["reason"] == DELETE, intent
    assert intent.params["suggestions"][:2] == ["undo that", "go back to the previous take"], intent


@pytest.mark.parametrize(
    "text",
    ["make the hats sit back a bit", "the snare needs to sit back a touch", "can you make the chords sit back",
     "in the hook make the hats sit back", "nudge the hats back in the chorus"],
)  # fmt: skip
def test_sitting_back_alone_asks_time_or_mix(text: str) -> None:
    intent = parse(text)
    assert not intent.understood and str(intent.params["reason"]).endswith(
        "back in time, or back in the mix?"
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [("vary the piano", "piano"), ("a variation of the rhodes", "rhodes"), ("vary the strings", "strings"),
     ("give me two variations of the organ", "organ"), ("another version of the guitar", "guitar")],
)  # fmt: skip
def test_a_vary_of_no_part_asks_which(text: str, name: str) -> None:
    intent = parse(text)
    reason = str(intent.params.get("reason"))
    assert (
        not intent.understood and f"no {name} part" in reason and reason.endswith("which part should vary?")
    )
    assert intent.params["suggestions"][:2] == ["vary the chords", "vary the melody"], intent


@pytest.mark.parametrize(
    "text",
    ["yo make the choon go brrr", "the base is kinda mid tbh", "can u email the drumz to my manager",
     "make the hats sit back a bit", "in the hook make the hats sit back", "wot is teh weather"],
)  # fmt: skip
def test_an_unknown_answer_shows_what_was_typed(text: str) -> None:
    intent = parse(text)
    assert not intent.understood and intent.params["heard"] == text and intent.heard == text, intent
