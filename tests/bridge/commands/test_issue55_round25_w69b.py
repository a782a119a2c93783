"""Issue 55, round 25 (w69b): the kinds of sentence behind round 24's useless refusals and halves in sets
114 and 116. A fill's count said with no unit before the part ("fill every 4 on the drums") and a roll that
recurs ("a drum roll every 8 bars", which the learned reading takes for 8 bars made); a part redone in a
genre ("redo the chords as trap": set, never a variation); a style named in an errand ("what time does the
techno night start"): refused, never asked which part to make; a likeness said last ("think ...", "that ...
pump") names no value; the chords a topline goes over are the clip followed, no second target; "from bar 9 on
the offbeats" keeps both. Sentences of our own, never a blind set's lines."""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import parse, rephrase
from bridge.commands.asides import without_asides
from bridge.commands.means import means_of
from bridge.commands.normalize import normalize
from bridge.commands.parser import parse as rules
from bridge.commands.weighing import NOT_OURS
from tests.bridge.commands.meant import case, read

pytestmark = pytest.mark.usefixtures("learned_reading")  # the whole reader: rules, learned reading, gate


def _has(got: dict[str, Any], want: dict[str, Any]) -> bool:
    return {k: got.get(k) for k in want} == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("fill every 4 on the drums please", op="fill", target="drums", every=4),
        case("a fill every 8 in the drums", op="fill", target="drums", every=8),
        case("a drum roll every 8 bars please", op="fill", target="drums", every=8),
        case("a drum roll every 4 bars, we need it for the changes", op="fill", target="drums", every=4),
    ],
)
def test_a_fill_that_recurs_is_a_fill(text: str, want: dict[str, Any]) -> None:
    got = read(text)
    assert _has(got, want), got


@pytest.mark.parametrize(
    "text", ["8 bars of drums with a roll every 4 bars", "eight bars of drums with a drum roll every 4 bars"]
)
def test_bars_made_beside_a_recurring_roll_are_no_fill(text: str) -> None:
    got = parse(text)
    assert not got.understood or means_of(got.as_dict()).get("op") != "fill", got  # 8 bars made: never lost


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("redo the chords as trap", op="set", target="chords", genre="trap"),
        case("redo the drums in a trap style", op="set", target="drums", genre="trap"),
    ],
)
def test_a_part_redone_in_a_genre_is_set(text: str, want: dict[str, Any]) -> None:
    got = read(text)
    assert _has(got, want), got


@pytest.mark.parametrize(("target", "genre"), [("bass", "trap"), ("chords", "jazz"), ("drums", "house")])
def test_a_restyle_suggested_is_acted_on_as_set(target: str, genre: str) -> None:
    text = rephrase.sentence_for("set", target, f" redo the {target} as {genre} ", None, {"genre": genre})
    assert text is not None
    got = read(text)  # the suggestion, typed back, is done (the scorer and the producer both read it so)
    assert _has(got, {"op": "set", "target": target, "genre": genre}), (text, got)


@pytest.mark.parametrize(
    "text", ["what time does the techno night start", "what time the house party start tonight"]
)
def test_a_style_named_in_an_errand_is_refused(text: str) -> None:
    got = parse(text)
    assert not got.understood and got.params["reason"] == NOT_OURS, got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case(
            "a techno beat 8 bars at 130, think Chicago House Records stuff",
            op="make",
            target="drums",
            bars=8,
        ),
        case("duck the chords on every beat, that french house pump", op="automate", target="chords"),
    ],
)
def test_a_likeness_said_last_names_no_value(text: str, want: dict[str, Any]) -> None:
    got = read(text)
    assert _has(got, want) and got.get("genre") in (None, "techno"), got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("a topline over these chords please, 2 options", op="make", target="melody", versions=2),
        case("write a topline over these chords, give me 4 versions", op="make", target="melody", versions=4),
    ],
)
def test_the_chords_a_topline_goes_over_are_followed(text: str, want: dict[str, Any]) -> None:
    got = read(text)
    assert _has(got, {**want, "follow": "this"}), got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("bring in a shaker from bar 9 on the offbeats", scope={"beats": "offbeats", "from_bar": 9}),
        case("add claps from bar 5 on the upbeats", scope={"beats": "offbeats", "from_bar": 5}),
    ],
)
def test_from_a_bar_on_the_offbeats_keeps_both(text: str, want: dict[str, Any]) -> None:
    got = read(text)
    assert _has(got, {"op": "add", **want}), got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("the bass is doing too much, strip it back", op="simpler", target="bass"),
        case("the chords are way too much in the chorus, pare them back", op="simpler", target="chords"),
    ],
)
def test_a_part_complained_of_then_stripped_back_is_simpler(text: str, want: dict[str, Any]) -> None:
    got = rules(text)  # "strip it back": the part said before it, as "strip the bass back" is
    assert got.understood and _has(dict(means_of(got.as_dict())), want), got


@pytest.mark.parametrize(
    "text",
    [
        "8 bars of chords for the verse, something the vocal can sit on",
        "a bass line for the drop, something the chords can ride on",
    ],
)
def test_what_a_new_part_is_for_is_an_aside(text: str) -> None:
    cut = without_asides(normalize(text)[0])
    assert "something" not in cut and cut.split()[:2] == normalize(text)[0].split()[:2], cut


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("8 bars of drums for verse 2, keep it minimal", op="make", target="drums", bars=8),
        case("chords for verse 1, 8 bars, keep them sparse", op="make", target="chords", bars=8),
    ],
)
def test_how_a_new_part_is_kept_is_no_change(text: str, want: dict[str, Any]) -> None:
    got = read(text)
    assert _has(got, want), got


def test_keep_it_minimal_after_a_complaint_is_still_simpler() -> None:
    got = read("the verse drums are busy, keep it minimal")  # no new part asked: the drums there thinned
    assert _has(got, {"op": "simpler", "target": "drums"}), got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case(
            "a bass line for the chorus, something the vocal can sit on, in D minor", op="make", key="D minor"
        ),
        case("4 bars of chords, something the singer can float over, in G major", op="make", key="G major"),
    ],
)
def test_a_key_after_what_a_part_is_for_is_kept(text: str, want: dict[str, Any]) -> None:
    got = read(text)  # the aside ends before the key said after it
    assert _has(got, want), got
