"""Issue 55, ninth round (the decision): a value the sentence says that the reading about to be acted
on does not carry (a count, a section, "starred", a take's place, a genre) is asked about, not acted
on without it. The reading that dropped the value is given as the rules' answer to the sentence
without it, so the gate is tested whatever the slot readers read; the learned reading is given as
the head would give it (no encoder). Every sentence is the engineer's own, none from a blind set."""

from __future__ import annotations

import pytest

from bridge.commands import reader
from bridge.commands.agree import agreed, op_of
from bridge.commands.carried import unsaid
from bridge.commands.means import means_of
from bridge.commands.parser import parse as rules


def _sure(op: str, target: str | None = None) -> reader.Reading:
    return reader.Reading(((op, 0.9), ("make", 0.04) if op != "make" else ("vary", 0.04)), target)


DROPPED = [  # (the sentence, the same request without the value, the op, the target, the value word)
    ("write me a bass line, three versions please", "write me a bass line", "make", "bass", "3"),
    ("could I hear five variations of the drum groove", "make a drum groove", "make", "drums", "5"),
    ("write a bass line for the bridge", "write a bass line", "make", "bass", "bridge"),
    ("carry the melody on into the outro", "continue the melody", "continue", "melody", "outro"),
    ("pull up only the takes I starred", "list my takes", "list_takes", None, "starred"),
    ("put a star on the third take", "star this take", "star", None, "third"),
    ("give me a funky bass line", "give me a bass line", "make", "bass", "funky"),
    ("shift the lead up 5 semitones", "shift the lead up a semitone", "transpose", "melody", "5"),
    ("undo that four times over", "undo that", "undo", None, "4"),
    ("chord loop for me, 2 version", "chord loop for me", "make", "chords", "2"),
    ("star the first take", "star this take", "star", None, "first"),
    ("two undos in a row", "undo that", "undo", None, "2"),
    ("vary the drums in a reggae style", "vary the drums", "vary", "drums", "reggae"),
]


@pytest.mark.parametrize(("text", "plain", "op", "target", "word"), DROPPED)
def test_a_value_said_and_not_carried_is_asked_about(
    text: str, plain: str, op: str, target: str | None, word: str
) -> None:
    dropped = rules(plain)
    assert op_of(dropped) == op  # the reading without the value is the op asked for
    intent = agreed(text, dropped, _sure(op, target))
    assert not intent.understood, intent
    reason = str(intent.params["reason"])
    assert reason.startswith("did you mean") and f"'{word}'" in reason, reason
    said = intent.params["suggestions"]
    assert said and op_of(rules(said[0])) == op  # the question offers the op itself, read by the parser


@pytest.mark.parametrize(
    "text",
    [
        "write me a bass line, three versions please",
        "make a funky bass line",
        "star the third take",
        "list my starred takes",
        "vary the chords in the chorus",
        "undo that three times",
        "no kick till bar 9",  # a bound read as the bar before it is carried
        "make a house beat, 8 bars",
        "make this one a bit louder",  # "one" is no count
        "raise the hats by 3 db",  # a level the schema keeps scaled
        "drop the bass two octaves",  # held as -24 semitones
        "quantize the hats to 1/16",  # a grid, no count
        "go back to the take before the last one",  # the previous take
        "swing the hats like an old jazz drummer would",  # a genre in a comparison (round 10: "like" is context)
    ],
)
def test_a_reading_that_carries_every_value_said_acts(text: str) -> None:
    ruled = rules(text)
    assert unsaid(text, ruled) is None
    if ruled.understood:
        assert agreed(text, ruled, _sure(str(op_of(ruled)), ruled.part)).understood


def test_a_value_in_the_reason_given_is_not_asked_about() -> None:
    plain = rules("make the drums busier")
    assert unsaid("make the drums busier so the chorus hits harder", plain) is None
    assert unsaid("make the drums busier in the chorus", plain) == "chorus"
    assert unsaid("make the drums busier and leave the chorus as it is", plain) is None  # a place kept


@pytest.mark.parametrize(
    ("text", "plain", "op"),
    [
        ("the ending could use a bit more life", "make this busier", "busier"),
        ("please make the right hand softer", "make this softer", "softer"),
        ("the ukulele track should breathe more, strip it back", "thin it out", "simpler"),
    ],
)
def test_a_level_change_with_no_part_it_reads_is_asked_about(text: str, plain: str, op: str) -> None:
    ruled = rules(plain)
    assert op_of(ruled) == op and "target" not in means_of(ruled.as_dict())
    assert not agreed(text, ruled, _sure(op)).understood


@pytest.mark.parametrize("text", ["make this busier", "thin it out", "make the clip busier"])
def test_a_level_change_on_the_clip_pointed_at_acts(text: str) -> None:
    ruled = rules(text)
    assert agreed(text, ruled, _sure(str(op_of(ruled)))).understood


@pytest.mark.parametrize(
    ("text", "plain", "op"),
    [  # the rules read another op (an audio loop); the learned reading is sure of the change
        ("in the outro, pare the piano back", "make a loop of piano", "simpler"),
        ("the guitar track could be busier in the verse", "make a loop of guitar", "busier"),
    ],
)
def test_the_reading_offered_by_a_question_is_acted_on_when_said(text: str, plain: str, op: str) -> None:
    ruled = rules(plain)
    assert op_of(ruled) == "musicgen"
    asked = agreed(text, ruled, _sure(op))
    assert not asked.understood
    said = asked.params["suggestions"][0]  # the learned reading's op, said as a sentence
    again = rules(said)
    assert op_of(again) == op, said
    assert agreed(said, again, _sure(op)).understood, said
