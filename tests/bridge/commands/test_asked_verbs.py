"""A sure learned reading does not answer the rules' own question about the sentence's verb with an op
that leaves the verb unexplained (issue 55, round 16: "double that" undid the last change). The learned
reading is given as the head would give it, so the gate is tested whatever head is installed."""

from __future__ import annotations

import pytest

from bridge.commands import reader
from bridge.commands.agree import agreed, op_of
from bridge.commands.asked_verbs import answered_by, offered_ops
from bridge.commands.parser import parse as rules


def _sure(op: str, p: float = 0.95, target: str | None = None) -> reader.Reading:
    return reader.Reading(((op, p), ("none", 0.02)), target)


@pytest.mark.parametrize(
    ("text", "op"),
    [("double that", "undo"), ("halve those", "undo"), ("double the chords", "vary"),
     ("halve it", "tempo"), ("double this one", "make")],
)  # fmt: skip
def test_a_sure_reading_the_verb_does_not_explain_leaves_the_question(text: str, op: str) -> None:
    asked = rules(text)
    assert not asked.understood and str(asked.params["reason"]).endswith("?")
    intent = agreed(text, asked, _sure(op))
    assert not intent.understood
    assert "double or halve" in str(intent.params["reason"])


def test_a_sure_reading_the_question_offers_still_acts() -> None:
    text = "put it back"  # asked: "undo the last change, or go back to which take?"
    assert not rules(text).understood
    assert op_of(agreed(text, rules(text), _sure("undo"))) == "undo"
    assert not agreed(text, rules(text), _sure("vary")).understood  # no reading the question offers


def test_a_sure_undo_said_as_undo_still_acts() -> None:
    for text in ("undo that", "undo the last thing"):
        assert op_of(agreed(text, rules(text), _sure("undo"))) == "undo"


def test_the_ops_a_question_offers_are_its_examples_read_by_the_rules() -> None:
    reason = str(rules("double that").params["reason"])
    assert offered_ops(reason) == {"feel", "transpose"}
    assert not answered_by(reason, "undo")
    assert answered_by(reason, "transpose")
    assert offered_ops("no command was recognised") is None
    assert answered_by("that is not something MuseAroo does (it makes and changes music in Live)", "undo")
