"""Issue 55, tenth round: the head trained on round 10's registers reads a sentence of each register
it learned (written by the engineer for this test, in words of no blind set and no corpus sentence)
that main's head at 504e8eb misread: a level said as the state a part is in, a hedged request, a
grading errand, a vague request (a question) and Nigerian Pidgin."""

from __future__ import annotations

import pytest

from bridge.reading import read

pytestmark = pytest.mark.usefixtures("encoder_wheel")

CASES = [
    # a level said as how the part sits now (504e8eb: simpler, busier)
    ("the hi-hats are much too prominent over the bridge", "softer", "hats"),
    ("I can hardly make out the bass, it's buried under the pads", "louder", "bass"),
    # a teacher's hedge (504e8eb: louder)
    ("I wonder if the chords might sit better a tone lower", "transpose", "chords"),
    # an errand MuseAroo does not run (504e8eb: make)
    ("give this composition exercise a grade out of ten", "none", "none"),
    # vague: the answer is a question (504e8eb: make)
    ("the bassline isn't working, do something", "ask", None),
    # Nigerian Pidgin (504e8eb: transpose)
    ("the bass no dey hear, raise am small", "louder", "bass"),
]


@pytest.mark.parametrize(("text", "op", "target"), CASES)
def test_reads_the_register(text: str, op: str, target: str | None) -> None:
    reading = read(text)
    assert reading.op == op, reading.ops[:3]
    if target is not None:
        assert reading.target == target, reading.targets[:3]
