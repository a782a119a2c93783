"""Four small readings from round 23's open sets' kinds (issue 55, round 24), each refused, asked or read
wrong on main: a relative tempo said roughly ("up about 4 bpm"), a tone as a whole tone ("one tone down"), a
learner's "and after" before a later request, and the tape studio's "roll the tape". Sentences written for
this test, not from any blind set."""

from __future__ import annotations

import pytest

from bridge.commands.agree import parse
from bridge.commands.means import means_of

pytestmark = pytest.mark.usefixtures("learned_reading")


def _means(text: str) -> dict[str, object]:
    got = means_of(parse(text).as_dict())
    got.pop("heard", None)
    return got


@pytest.mark.parametrize(
    ("text", "change"),
    [("push the tempo up around 3 bpm", 3), ("take the tempo down roughly 5 bpm", -5)],
)
def test_a_tempo_change_said_roughly_is_that_change(text: str, change: int) -> None:
    assert _means(text) == {"op": "tempo", "target": "song", "change_bpm": change}


@pytest.mark.parametrize(
    ("text", "semitones"),
    [("bring the bass one tone down", -2), ("transpose the melody up a tone", 2)],
)
def test_a_tone_is_a_whole_tone(text: str, semitones: int) -> None:
    got = _means(text)
    assert (got.get("op"), got.get("semitones")) == ("transpose", semitones), got


def test_tone_down_is_no_interval() -> None:
    assert _means("tone down the hats").get("op") != "transpose"


def test_and_after_before_a_verb_starts_a_later_request() -> None:
    got = _means("humanize the chords and after swing them")
    assert got.get("op") == "humanize" and got.get("then") == [{"op": "swing", "target": "chords"}], got


@pytest.mark.parametrize("text", ["roll tape please", "great, name it keeper and then roll the tape"])
def test_roll_the_tape_is_play(text: str) -> None:
    got = _means(text)
    assert got.get("op") == "play" or got.get("then") == [{"op": "play"}], got


def test_deep_house_is_the_house_genre() -> None:
    got = _means("redo the chords as deep house")
    assert (got.get("op"), got.get("genre")) == ("set", "house"), got
