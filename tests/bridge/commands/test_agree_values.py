"""Issue 55, round 4: a sure learned reading read again keeps the values its sentence says (the bars,
a count of versions or of steps, an interval in "semis", the part continued), and the rules'
"what should change in the drums?" (a part named, no action word of theirs) is open to it.
Sentences of our own; the learned reading is given as the head would give it."""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import reader
from bridge.commands.agree import agreed, parse
from bridge.commands.means import means_of
from bridge.commands.parser import parse as rules


def _sure(op: str, target: str | None = None, p: float = 0.92) -> reader.Reading:
    return reader.Reading(((op, p), ("make", 0.04)), target)


@pytest.mark.parametrize(
    ("text", "reading", "means"),
    [
        # the rules read a part made over the bars; the bars are the place simplified
        ("pare the bass right back over the final 2 bars", _sure("simpler", "bass"),
         {"op": "simpler", "target": "bass", "scope": {"last_bars": 2}}),
        ("a few extra claps over the last two bars", _sure("add", "claps"),
         {"op": "add", "target": "claps", "scope": {"last_bars": 2}}),
        # a count of versions said as "goes"
        ("have 3 more goes at the chords", _sure("vary", "chords"),
         {"op": "vary", "target": "chords", "versions": 3}),
        # a count of steps undone
        ("ctrl z it four times", _sure("undo"), {"op": "undo", "count": 4}),
        # an interval in semis
        ("lift the chords up 5 semis", _sure("transpose", "chords"),
         {"op": "transpose", "target": "chords", "semitones": 5}),
        # the part continued, not the selected clip
        ("keep the chords rolling for 2 more bars", _sure("continue", "chords"),
         {"op": "continue", "target": "chords", "bars": 2}),
        ("carry the melody on for 8 more bars", _sure("continue", "melody"),
         {"op": "continue", "target": "melody", "bars": 8}),
    ],
)  # fmt: skip
def test_a_sure_reading_read_again_keeps_the_values_said(
    text: str, reading: reader.Reading, means: dict[str, Any]
) -> None:
    intent = agreed(text, rules(text), reading)
    assert intent.understood, intent
    assert means_of(intent.as_dict()) == means


def test_the_rules_question_about_a_named_part_is_open_to_a_sure_reading() -> None:
    text = "lift the notes off that drum loop"  # words the rules do not read (round 33 reads "the midi off")
    assert str(rules(text).params.get("reason", "")).endswith("what should change in the drums?")
    reading = reader.Reading((("transcribe", 0.8), ("separate", 0.1)), "drums")  # sure, below OVERRIDE
    assert means_of(agreed(text, rules(text), reading).as_dict()) == {"op": "transcribe", "target": "drums"}


def test_a_question_about_a_named_part_stays_one_when_the_reading_is_unsure() -> None:
    text = "lift the notes off that drum loop"  # words the rules do not read (round 33 reads "the midi off")
    reading = reader.Reading((("transcribe", 0.45), ("separate", 0.35)), "drums")
    assert not agreed(text, rules(text), reading).understood


def test_a_value_the_rules_read_and_the_reading_drops_is_still_asked_about() -> None:
    text = "simplify the bass, 2 bars at 90 bpm"  # the tempo is not carried by a simplification
    ruled = rules(text)
    assert "tempo_bpm" in means_of(ruled.as_dict())
    assert not agreed(text, ruled, _sure("simpler", "bass")).understood


@pytest.mark.parametrize(
    ("text", "reading", "means"),
    [
        # the vocal is why the stems are wanted, not the one stem asked for
        ("break this bounce into stems so I can grab the vocals", _sure("separate", "this"),
         {"op": "separate"}),
        # a purpose clause whose words the rules read as another action ("jam")
        ("write some drums so we can jam over them", _sure("make", "drums"), {"op": "make", "target": "drums"}),
        # the rest kept is what a rewrite of some bars does; "everything" is not its target
        ("redo bars 9 to 12 and leave everything else as it is", _sure("infill", "this"),
         {"op": "infill", "scope": {"bars": [9, 12]}}),
    ],
)  # fmt: skip
def test_a_purpose_clause_or_the_rest_kept_is_not_the_request(
    text: str, reading: reader.Reading, means: dict[str, Any]
) -> None:
    # since round 4's slot readers (r55e) the rules alone cut the stem and the kept rest too; the
    # agreement must give the same meaning whichever layer reads it first
    assert means_of(agreed(text, rules(text), reading).as_dict()) == means


def test_the_rules_alone_cut_the_purpose_clause_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(reader.ENV, "off")
    assert means_of(parse("write some drums so we can jam over them").as_dict()) == {
        "op": "make",
        "target": "drums",
    }


@pytest.mark.parametrize("text", ["nudge the jam up 3 bpm", "take the jam down 5 bpm"])
def test_a_relative_tempo_change_of_the_jam_is_a_tempo_op_on_the_jam(text: str) -> None:
    """docs/intents.md: `tempo` takes target `jam` and a signed change_bpm; `jam_set` sets a tempo."""
    means = means_of(rules(text).as_dict())
    assert (means["op"], means["target"]) == ("tempo", "jam")
    assert abs(means["change_bpm"]) in (3, 5)


def test_a_question_about_a_relative_jam_tempo_offers_it() -> None:
    text = (
        "nudge the jam up 3 bpm"  # the learned reading sure of another op: asked, the rules' reading offered
    )
    intent = agreed(text, rules(text), reader.Reading((("jam_set", 0.8), ("tempo", 0.1)), None))
    assert not intent.understood
    offered = [means_of(rules(t).as_dict()) for t in intent.params["suggestions"]]
    assert {"op": "tempo", "target": "jam", "change_bpm": 3} in offered


def test_a_comparison_whose_named_takes_are_not_read_is_asked_about() -> None:
    text = "compare the last version with the older one"
    ruled = rules(text)
    assert means_of(ruled.as_dict()) == {"op": "compare"}  # "the older one" is not read
    assert not agreed(text, ruled, _sure("compare", "last")).understood
    read = "compare the latest take against the one before that"  # read since round 6 (r55k): acted on
    assert means_of(agreed(read, rules(read), _sure("compare", "last")).as_dict())["other"] == "previous"
    named = "compare the first take with the last one"  # read whole: acted on
    assert means_of(agreed(named, rules(named), _sure("compare", "first")).as_dict())["other"] == "last"


@pytest.mark.parametrize(
    ("text", "rules_op", "learned_op", "target"),
    [
        ("put more notes in the hats, they feel empty", "busier", "simpler", "hats"),
        ("bring the bass down a notch", "softer", "louder", "bass"),  # a complaint ("too loud") acts
    ],
)
def test_readings_that_contradict_each_other_ask(
    text: str, rules_op: str, learned_op: str, target: str
) -> None:
    """A sure learned reading of the opposite op ("simpler" where the rules read "busier") is a
    contradiction about what the producer wants: a question, never either act."""
    ruled = rules(text)
    assert means_of(ruled.as_dict())["op"] == rules_op
    answer = agreed(text, ruled, _sure(learned_op, target, p=0.97))
    assert not answer.understood
