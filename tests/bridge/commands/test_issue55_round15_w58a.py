"""Issue 55, round 15 (w58a): where in the song, said the producer's way.

"the hook" is the chorus where a place is meant ("in the hook", "for the hook", "the second hook"),
"the refrain" is the chorus and "the middle 8" the bridge; "the hook" said as a thing stays the
melody. A fade said after "I'd like the X to" keeps its direction (it was a removal, then a fade in);
a section's length said after it ("the intro, 4 bars") is no ordinal. German part, loudness and
please/again words are read ("Schlagzeug", "Akkorde", "leiser", "lauter", "noch mal", "bitte").
Every sentence is the engineer's own, none from a blind set.
"""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands.agree import heard_as
from bridge.commands.borrowed_words import borrowed
from bridge.commands.means import means_of
from bridge.commands.parser import parse as rules
from bridge.commands.section_words import sections_named


def ruled(text: str) -> dict[str, Any]:
    return dict(means_of(rules(heard_as(text)[0]).as_dict()))


@pytest.mark.parametrize(
    ("text", "section", "nth"),
    [
        ("write some chords for the hook", "chorus", None),
        ("the snare is way too loud in the hook", "chorus", None),
        ("add a bass line to the second hook", "chorus", 2),
        ("mute the hats in the last hook", "chorus", -1),
        ("quantize the drums in hook 2", "chorus", 2),
        ("a melody for the refrain", "chorus", None),
        ("make the bass simpler in the middle 8", "bridge", None),
        ("mute the chords during the middle eight", "bridge", None),
    ],
)
def test_a_section_said_the_producers_way_is_the_scope(text: str, section: str, nth: int | None) -> None:
    scope = ruled(text).get("scope")
    assert scope == ({"section": section} if nth is None else {"section": section, "nth": nth}), ruled(text)


@pytest.mark.parametrize(
    "text",
    ["vary the hook", "another take on the hook", "make the hook louder", "the hook needs more swing",
     "please refrain from touching the drums"],
)  # fmt: skip
def test_the_hook_said_as_a_thing_stays_the_melody(text: str) -> None:
    assert sections_named(text) == text


@pytest.mark.parametrize(
    ("text", "shape", "bars"),
    [
        ("I'd like the strings to fade out over the last six bars", "fall", 6),
        ("i would like the bass to fade out across the closing 4 bars", "fall", 4),
        ("I want the pad to fade in over the first 2 bars", "rise", 2),
    ],
)
def test_a_fade_wanted_keeps_its_direction(text: str, shape: str, bars: int) -> None:
    intent = rules(text)
    assert intent.action == "automate" and intent.params["shape"] == shape, intent
    assert intent.params["scope"] in ({"last_bars": bars}, {"first_bars": bars}), intent


def test_a_sections_length_is_no_ordinal() -> None:
    intent = rules("a bass line for the outro, 8 bars")
    assert intent.params["region"] == {"section": "outro", "nth": 1} and intent.params["bars"] == 8, intent


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("Schlagzeug busier in the drop", "drums busier in the drop"),
        ("make das Schlagzeug simpler", "make the drums simpler"),
        ("die Akkorde up an octave bitte", "the chords up an octave please"),
        ("hats leiser", "hats quieter"),
        ("snare lauter in the chorus", "snare louder in the chorus"),
        ("nochmal the bass", "again the bass"),
        ("noch mal die Melodie", "again the melody"),
    ],
)
def test_german_part_and_loudness_words_are_read(text: str, english: str) -> None:
    assert borrowed(text) == english


@pytest.mark.parametrize(
    "text",
    ["let the bass die in the outro", "the melody der", "a dem version", "lauterbach bass", "bitter chords"],
)
def test_english_is_never_read_as_german(text: str) -> None:
    assert borrowed(text) == text


def test_a_german_part_keeps_its_part() -> None:
    assert ruled("Schlagzeug double time for the first 4 bars").get("target") == "drums"


@pytest.mark.parametrize(
    "text",
    [
        "mach das Schlagzeug lauter im Refrain",
        "Schlagzeug mit mehr Swing bitte",
        "die Akkorde und der Bass leiser",
    ],
)
def test_a_sentence_more_german_than_that_is_kept_to_be_asked(text: str) -> None:
    assert borrowed(text) == text
