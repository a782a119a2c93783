"""A change said over a song section (issue 44/43) is read as the change with the section as its
region, whatever section name a song's cue points may carry; the schema reads it as scope
{section: NAME}. On the code before, each was asked about ("no clip has sections yet") or, as
"transpose the chorus up a fifth", changed the whole clip."""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands.means import means_of
from bridge.commands.parser import parse


@pytest.mark.parametrize(
    ("text", "action", "part", "region"),
    [
        ("kill the hats in the breakdown", "transform", "drums", {"section": "breakdown", "nth": 1}),
        ("vary the chorus", "vary", None, {"section": "chorus", "nth": 1}),
        ("transpose the chorus up a fifth", "transform", None, {"section": "chorus", "nth": 1}),
        ("make the drums busier in the drop", "adjust", "drums", {"section": "drop", "nth": 1}),
        ("quantize the bass in verse 2", "transform", "bass", {"section": "verse", "nth": 2}),
        ("mute the snare in the second chorus", "transform", "drums", {"section": "chorus", "nth": 2}),
        ("humanize the bass in every chorus", "transform", "bass", {"section": "chorus", "nth": 0}),
        ("remove the kick in the pre-chorus", "transform", "drums", {"section": "pre chorus", "nth": 1}),
        ("swing the hats in the last chorus", "transform", "drums", {"section": "chorus", "nth": -1}),
        ("thin out the chords in the bridge", "transform", "chords", {"section": "bridge", "nth": 1}),
        ("louder bass in the intro", "transform", "bass", {"section": "intro", "nth": 1}),
        (
            "make the kick four on the floor in the build up",
            "transform",
            "drums",
            {"section": "build up", "nth": 1},
        ),
        ("vary the melody in the outro", "vary", "melody", {"section": "outro", "nth": 1}),
        ("mute the bass in the chorus", "mixer", "bass", {"section": "chorus", "nth": 1}),
        ("infill the melody in the bridge", "infill", "melody", {"section": "bridge", "nth": 1}),
    ],
)
def test_a_change_over_a_section_carries_the_section(
    text: str, action: str, part: str | None, region: dict[str, Any]
) -> None:
    intent = parse(text)
    assert (intent.action, intent.part, intent.params.get("region")) == (action, part, region), intent


def test_the_change_itself_is_read_as_without_the_section() -> None:
    assert parse("transpose the chorus up a fifth").params == {
        "kind": "transpose", "semitones": 7, "region": {"section": "chorus", "nth": 1}}  # fmt: skip
    assert parse("kill the hats in the breakdown").params == {
        "kind": "drums_remove", "voices": "hats", "region": {"section": "breakdown", "nth": 1}}  # fmt: skip


@pytest.mark.parametrize(
    "text",
    ["drop the kick", "give me a break", "another take on the hook", "make drums for the chorus",
     "filter sweep up into the chorus", "mute the hats in bar two", "a bridge between the verses"],
)  # fmt: skip
def test_sentences_that_are_no_change_over_a_section_read_as_before(text: str) -> None:
    intent = parse(text)
    assert intent.action not in ("transform", "vary", "adjust") or "region" not in intent.params, intent


def test_making_a_part_for_a_section_stays_a_generate_there() -> None:
    assert parse("make drums for the drop").as_dict()["params"] == {"region": {"section": "drop", "nth": 1}}


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("kill the hats in the breakdown", {"section": "breakdown"}),
        ("quantize the bass in verse 2", {"section": "verse", "nth": 2}),
        ("humanize the bass in every chorus", {"section": "chorus", "nth": "every"}),
        ("vary the chorus", {"section": "chorus"}),
    ],
)
def test_the_schema_reads_the_section_as_the_scope(text: str, scope: dict[str, Any]) -> None:
    assert means_of(parse(text).as_dict())["scope"] == scope


def test_a_sentence_with_a_section_and_no_change_asks_what_should_change() -> None:
    intent = parse("do something cool in the chorus")
    assert not intent.understood and intent.params["reason"].endswith("what should change in the chorus?")
    assert "vary the chorus" in intent.params["suggestions"]


def test_the_spoken_grammar_says_changes_over_sections_and_each_is_read_with_its_region() -> None:
    import random

    from bridge.commands import jsgf
    from bridge.commands.grammar import build_jsgf

    rules = jsgf.parse_jsgf(build_jsgf())
    rng = random.Random("sections")
    said = [jsgf.sample(rules, rule, rng) for rule in ("transform", "vary") for _ in range(600)]
    over = [
        t for t in said if any(f" the {s}" in f" {t} " for s in ("chorus", "breakdown", "verse", "intro"))
    ]
    assert len(over) >= 20
    assert [t for t in over if "region" not in parse(t).params] == []
