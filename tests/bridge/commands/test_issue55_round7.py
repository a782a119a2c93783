"""Issue 55, seventh round: words and values the writers of blind sets 18 to 20 used, read as the
schema says (docs/intents.md). Sentences of our own, never a blind set's lines; each failed on 3da4f17."""

from __future__ import annotations

import pytest

from bridge.commands import reader
from bridge.commands.agree import agreed
from bridge.commands.means import means_of
from bridge.commands.parser import parse as rules
from tests.bridge.commands.test_issue55_round6_r55k import meant


# Part words that are not English part names: "el bajo" is the bass, "the dembow" the drums
@pytest.mark.parametrize(
    ("text", "op", "target"),
    [
        ("solo el bajo", "solo", "bass"),
        ("make el bajo louder", "louder", "bass"),
        ("my bajo an octave up", "transpose", "bass"),
        ("mute the dembow", "mute", "drums"),
        ("make the dembow louder", "louder", "drums"),
    ],
)
def test_other_tongue_part_words_are_parts(text: str, op: str, target: str) -> None:
    got = meant(text)
    assert (got["op"], got["target"]) == (op, target), got


def test_dembow_and_boom_bap_before_a_beat_are_genres() -> None:
    assert meant("make a dembow beat")["genre"] == "reggae"
    assert meant("eight bars of boombap drums")["genre"] == "hip-hop"
    assert meant("give me a boom bap beat, 4 bars")["genre"] == "hip-hop"


# Values: a swing percentage, "a lil", a tempo after "@", "N bars more", takes "with a star", "vs"
@pytest.mark.parametrize(
    ("text", "amount"),
    [("swing the drums 70%", 0.7), ("swing the hats 55 %", 0.55), ("swing the ride a lil bit", 0.25)],
)
def test_swing_amounts_said_as_percent_or_slang(text: str, amount: float) -> None:
    got = meant(text)
    assert (got["op"], got.get("amount")) == ("swing", amount), got


def test_tempo_after_an_at_sign() -> None:
    got = meant("4 bars of house drums @ 124")
    assert (got["op"], got.get("tempo_bpm"), got.get("bars")) == ("make", 124, 4), got


@pytest.mark.parametrize(
    ("text", "bars"), [("continue the bass 8 bars more", 8), ("extend the chords 2 more bars", 2)]
)
def test_continue_counts_bars_said_after_more(text: str, bars: int) -> None:
    got = meant(text)
    assert (got["op"], got.get("bars")) == ("continue", bars), got


@pytest.mark.parametrize("text", ["list the takes with stars", "show me the versions that have a star"])
def test_takes_with_a_star_are_the_starred_ones(text: str) -> None:
    got = meant(text)
    assert (got["op"], got.get("starred")) == ("list_takes", True), got


@pytest.mark.parametrize(
    "text", ["diff the third take against the first", "compare the 3rd version vs the 1st"]
)
def test_the_take_after_against_or_vs_is_the_other(text: str) -> None:
    got = meant(text)
    assert (got["op"], got["target"], got.get("other")) == ("compare", "third", "first"), got


# A complaint names the fix's direction, whatever the learned reading leans to
@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "op"),
    [
        ("the snare's too hot, pull it down a couple dB", "softer"),
        ("the snare is way too loud, pull it down 3 dB", "softer"),
        ("the drums are too bare, more notes please", "busier"),
    ],
)
def test_a_complaint_sets_the_direction(text: str, op: str) -> None:
    got = meant(text)
    assert (got["op"], got["target"]) == (op, text.split()[1].removesuffix("'s")), got


@pytest.mark.parametrize(
    ("text", "learned_op", "op"),
    [
        ("bring the bass down, it's far too loud", "louder", "softer"),
        ("the chords are too empty, put more notes in", "simpler", "busier"),
        ("the melody is too busy, thin it out", "busier", "simpler"),
    ],
)
def test_a_complaint_settles_a_contradiction(text: str, learned_op: str, op: str) -> None:
    """A sure learned reading of the opposite op gives way to the direction a complaint names."""
    answer = agreed(text, rules(text), reader.Reading(((learned_op, 0.97), ("make", 0.01)), None))
    assert means_of(answer.as_dict())["op"] == op, answer


def test_two_complaints_in_opposite_directions_still_ask() -> None:
    text = "the kick is too loud and the snare is too quiet, fix it"
    assert not agreed(text, rules(text), reader.Reading((("louder", 0.97), ("make", 0.01)), None)).understood


# Filler after a mixer target or a sidechained track never becomes a track's name
@pytest.mark.parametrize(
    ("text", "op", "target"),
    [
        ("solo the chords un momento", "solo", "chords"),
        ("mute the pads one sec", "mute", "track:pads"),
        ("duck the organ in the drop, sidechain style", "automate", "track:organ"),
        ("duck the strings on every beat, sidechain vibe", "automate", "track:strings"),
    ],
)
def test_filler_after_a_target_is_no_track_name(text: str, op: str, target: str) -> None:
    got = meant(text)
    assert (got["op"], got["target"]) == (op, target), got
