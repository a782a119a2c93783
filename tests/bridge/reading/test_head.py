"""The trained head reads sentences of the failure kinds of issue 55 (written by the engineer for
this test, in words of neither the blind sets nor the corpus templates)."""

from __future__ import annotations

import pytest

from bridge.reading import read, read_many

pytestmark = pytest.mark.usefixtures("encoder_wheel")

CASES = [
    # a keyword must not decide the action
    ("that second take deserves a star", "star", "second"),
    ("the organ is too loud in the mix, bring it down", "softer", "track"),
    ("draw some automation on the brass", "automate", "track"),
    ("silence the tambourine track", "mute", "track"),
    # contrast and negation
    ("don't change the hats, just simplify the bassline", "simpler", "bass"),
    ("put a shuffle on the ride but keep the kick straight", "feel", "ride"),
    # meaning kept whole
    ("keep going with this for eight more bars", "continue", "this"),
    # plain requests
    ("can I get the vocals on their own from this recording", "separate", "this"),
    ("is this loop in 4/4?", "analyze", "this"),
    # out of scope
    ("upload the bounce to bandcamp", "none", "none"),
    ("write me some lyrics for the hook", "none", "none"),
]


# targets the head shipped now reads wrong (the parser's slot readers and scoped clauses must carry
# them); strict: a head that reads one right makes its test fail until it is taken off this list
TARGET_NOT_YET = {
    # the head on blind sets 1 to 88 (round 18): no target 0.52, a track 0.45 (the parse asks)
    "draw some automation on the brass",
    # the head on blind sets 1 to 68 (round 13) names the melody as a lyrics request's target (op none, 0.92: refused)
    "write me some lyrics for the hook",
    "don't change the hats, just simplify the bassline",
    # since the head trained on blind sets 1 to 23 (round 8's corpus): "this" read as no target said
    # (the head on 1 to 34 reads "is this loop in 4/4?" and "silence the tambourine track" right again)
    "can I get the vocals on their own from this recording",
}


# actions the head shipped now reads wrong; strict, as above
OP_NOT_YET: set[str] = (
    set()
)  # the head on 1 to 40 read "can I get the vocals on their own ..." as none; 1 to 48 does not


@pytest.mark.parametrize(
    ("text", "op", "target"),
    [
        pytest.param(*case, marks=pytest.mark.xfail(strict=True, reason="action misread by this head"))
        if case[0] in OP_NOT_YET
        else case
        for case in CASES
    ],
)
def test_reads_the_action(text: str, op: str, target: str) -> None:
    reading = read(text)
    assert reading.op == op, reading.ops[:3]


@pytest.mark.parametrize(
    ("text", "op", "target"),
    [
        pytest.param(*case, marks=pytest.mark.xfail(strict=True, reason="target misread by this head"))
        if case[0] in TARGET_NOT_YET
        else case
        for case in CASES
    ],
)
def test_reads_the_target(text: str, op: str, target: str) -> None:
    reading = read(text)
    assert reading.target == target, reading.targets[:3]


def test_a_scope_of_bars_is_read_as_bars() -> None:
    reading = read("re-write only bars 9 to 12 using the AI model")
    assert (reading.op, reading.scope) == ("infill", "bars")


def test_probabilities_are_sorted_and_sum_to_one() -> None:
    (reading,) = read_many(["mute the snare in the second half"])
    ps = [p for _, p in reading.ops]
    assert ps == sorted(ps, reverse=True) and abs(sum(ps) - 1.0) < 1e-4
    assert reading.op_p == ps[0] and abs(reading.op_margin - (ps[0] - ps[1])) < 1e-6
    assert reading.scope == reading.scopes[0][0] and abs(sum(p for _, p in reading.scopes) - 1.0) < 1e-4
    assert reading.target == reading.targets[0][0] == "snare"
