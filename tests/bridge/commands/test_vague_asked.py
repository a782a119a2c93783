"""Issue 55, round 18 (w61b): vague requests answered with a question (op unknown, a reason ending in "?")
whose examples are readings for the part or section named, not a refusal; and mixing or mastering jobs
still refused outright. Sentences of our own."""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.mixing_jobs import ANSWER
from bridge.commands.normalize import normalize
from bridge.commands.parser import parse as rules
from bridge.commands.unsaid_fix import no_way_said


def _asked(text: str) -> str:
    got = parse(text)
    assert got.action == "unknown", got
    reason = str(got.params["reason"])
    assert reason.endswith("?"), reason
    for tip in got.params["suggestions"]:  # every suggestion is a sentence the rules act on
        assert rules(tip).understood, tip
    return reason


@pytest.mark.parametrize(
    ("text", "example"),
    [
        # round 37: no part said, each example names one ("make it softer" alone is itself asked which part)
        ("make it sit better in the mix", "make the drums louder"),
        ("make the bass sit better in the mix", "make the bass louder"),
        ("could you make the chords sit right in the mix please", "make the chords softer"),
        ("make it bounce more", "swing it more"),
        ("make the drums bounce a bit more", "swing the drums more"),
        ("the song needs to be exactly 30 seconds", "make the song 8 bars long"),
        ("make the drums a minute long", "make the drums 8 bars long"),
        ("the song needs to be 30 seconds, its for an advert", "set the tempo to 120"),  # a reason after it
        ("make it sound more polished idk", "give me another one"),
        ("can you fix the odd bit near the end", "give me another one"),
        ("the chorus sucks, fix it", "vary the chorus"),
        ("the intro is trash, sort it out", "make the drums busier in the intro"),
        ("the hats are awful, fix them", "make the hats simpler"),
    ],
)
def test_a_vague_request_is_asked_with_readings_for_what_is_named(text: str, example: str) -> None:
    assert f"'{example}'" in _asked(text)


@pytest.mark.parametrize(
    "text",
    [
        "put a glue comp on the mix bus, 4:1, fast attack",
        "stick a bus comp on the drums",
        "add a noise gate to the snare",
        "mix and master the whole track for me",
        "can you mix and master my tune",
    ],
)
def test_a_mixing_or_mastering_job_is_refused_not_asked(text: str) -> None:
    got = parse(text)
    assert got.action == "unknown"
    assert not str(got.params["reason"]).endswith("?")


def test_an_effect_on_a_part_gets_the_mixing_answer() -> None:
    assert parse("stick a bus comp on the drums").params["reason"] == ANSWER


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("make the song 8 bars long", "generate"),  # bars said: no question
        ("make the tune busier", "adjust"),  # a way said of the melody
        ("make the drums louder in the mix", "transform"),  # a way said: not asked
        ("an audio loop of rain, 15 seconds", "musicgen"),  # a length of a new sound
    ],
)
def test_a_way_or_a_length_in_bars_is_read_as_before(text: str, action: str) -> None:
    assert parse(text).action == action


def test_a_groove_wished_for_keeps_the_learned_guess_out() -> None:
    assert no_way_said(normalize("get the drums to bop a bit more")[0])
    assert not no_way_said(normalize("make the drums busier")[0])


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    "text",
    [
        "make the pads sit better in the mix",
        "get the drums to bop a bit more",
        "this needs to be exactly 20 seconds",
        "can you fix the strange part in the middle",
        "the drop sucks, fix it",
        "make it sound more professional tbh",
    ],
)
def test_vague_requests_are_asked_with_the_learned_reading(text: str) -> None:
    _asked(text)


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    "text", ["slap a glue comp on the mix bus, 2:1", "pls mix and master the whole song"]
)
def test_mixing_jobs_are_refused_with_the_learned_reading(text: str) -> None:
    got = parse(text)
    assert got.action == "unknown" and not str(got.params["reason"]).endswith("?")
