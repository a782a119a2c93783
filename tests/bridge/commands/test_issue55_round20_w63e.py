"""Issue 55, round 20 (w63e): readings that acted wrongly on round 20's writers' kinds, in sentences of our own.

- an Indian film song's parts: "the mukhda" is the chorus, "the antara" the verse, with or without "the"
  ("busier in antara"), and "portion" after a section is the section ("in the antara portion")
  (``section_words``);
- "little bit" said with no "a" is a small strength ("swing the snare little bit": 0.25) (``amount_words``);
- a word typed with a star after a slip is the word meant in its place ("solo the durms *drums")
  (``starred``);
- a part made again over a section ("regen the keys in the drop") stays a new take there when a wish for energy
  follows it ("..., need more rave energy": its reason, ``reasons``); a wish for energy of a kind, or "make it
  more energy", with no change said is asked (busier, louder or a new take?), never louder (``energy_words``).

Each test fails on the code before this change (checked on df005732)."""

from __future__ import annotations

import pytest

from bridge.commands.agree import parse
from bridge.commands.amount_words import plainly
from bridge.commands.means import means_of
from bridge.commands.section_words import sections_named
from bridge.commands.starred import corrected

pytestmark = pytest.mark.usefixtures("learned_reading")


def _asked(text: str) -> str:
    intent = parse(text)
    assert not intent.understood, (text, intent.as_dict())
    return str(intent.params["reason"])


def _means(text: str) -> dict:
    intent = parse(text)
    assert intent.understood, (text, intent.params)
    return means_of(intent.as_dict())


@pytest.mark.parametrize(
    ("text", "op", "target", "scope"),
    [
        ("write a melody for the mukhda, 4 bars", "make", "melody", {"section": "chorus"}),
        ("the snare is too loud in the antara", "softer", "snare", {"section": "verse"}),
        ("the hats should be busier in antara", "busier", "hats", {"section": "verse"}),
        ("quantize the bass in the second antara", "quantize", "bass", {"section": "verse", "nth": 2}),
        ("the chords are too quiet in the mukhda portion", "louder", "chords", {"section": "chorus"}),
        ("mute the bass in the intro portion", "mute", "bass", {"section": "intro"}),
    ],
)
def test_a_film_songs_mukhda_and_antara_are_its_chorus_and_verse(
    text: str, op: str, target: str, scope: dict
) -> None:
    got = _means(text)
    assert (got["op"], got.get("target"), got.get("scope")) == (op, target, scope), got


def test_film_song_words_are_read_only_as_whole_words() -> None:
    assert sections_named("chords for both antaras") == "chords for both verses"
    assert sections_named("antarctica sounds") == "antarctica sounds"  # no section in a longer word
    assert sections_named("a portion of the bass") == "a portion of the bass"  # "portion" alone is left


@pytest.mark.parametrize(
    ("text", "op", "target"),
    [("swing the snare little bit", "swing", "snare"), ("swing the ride tiny bit", "swing", "ride")],
)
def test_little_bit_with_no_a_is_a_small_swing(text: str, op: str, target: str) -> None:
    got = _means(text)
    assert (got["op"], got.get("target"), got.get("amount")) == (op, target, 0.25), got


def test_little_bit_with_no_a_is_a_light_humanize() -> None:
    intent = parse("humanize the chords little bit")
    assert (intent.understood, parse("humanize the chords little bit").params.get("amount")) == (True, 0.25)
    assert means_of(intent.as_dict())["op"] == "humanize"


def test_little_bit_after_a_word_that_says_which_is_left() -> None:
    assert plainly("loop this little bit of the melody") == "loop this little bit of the melody"
    assert plainly("a tiny little bit") == "a tiny little bit"


@pytest.mark.parametrize(
    ("text", "op", "target"),
    [
        ("solo the durms *drums", "solo", "drums"),
        ("mute the keys *chords", "mute", "chords"),
        ("quantize the bass *chords", "quantize", "chords"),
        ("make the bass, *kick louder", "louder", "kick"),
    ],
)
def test_a_starred_word_replaces_the_slip_before_it(text: str, op: str, target: str) -> None:
    got = _means(text)
    assert (got["op"], got.get("target")) == (op, target), got


def test_stars_that_correct_nothing_are_left_or_read_as_emphasis() -> None:
    assert corrected("make the drums *really* busy") == "make the drums really busy"
    assert corrected("a 4 * 4 grid") == "a 4 * 4 grid"
    assert corrected("*hats louder") == "hats louder"


@pytest.mark.parametrize(
    ("text", "target", "section"),
    [
        ("regenerate the chords in the bridge, we need more rave energy", "chords", "bridge"),
        ("regen the keys in the drop, need more energy", "chords", "drop"),
        ("redo the bass in the chorus, really need more angry energy", "bass", "chorus"),
    ],
)
def test_a_part_made_again_stays_a_new_take_when_energy_is_its_reason(
    text: str, target: str, section: str
) -> None:
    got = _means(text)
    assert (got["op"], got.get("target"), got.get("scope")) == ("vary", target, {"section": section}), got


@pytest.mark.parametrize(
    "text",
    ["the kick needs more rave energy", "make the chords more energy", "we need more festival energy in the drop",
     "make it more angry energy please"],
)  # fmt: skip
def test_a_wish_for_energy_with_no_change_said_is_asked(text: str) -> None:
    assert _asked(text).endswith("?")


def test_energy_asked_suggests_busier_louder_and_a_new_take_of_the_part() -> None:
    intent = parse("the kick needs more rave energy")
    ops = {
        means_of(parse(t).as_dict())["op"] for t in intent.params["suggestions"][:5] if parse(t).understood
    }
    assert {"busier", "louder", "vary"} <= ops, intent.params["suggestions"]


def test_more_energy_said_plainly_is_still_louder() -> None:
    assert _means("give the bass more energy")["op"] == "louder"
