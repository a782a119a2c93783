"""Issue 55, round 21 (w64a): a complaint about a named place or part, or a fix asked of it, with no
change said, is a question naming the place (its examples changes the parser reads there), never a
refusal; a way, a request verb, a key, a genre or a value said beside it keeps the sentence as it was
read. Sentences of our own."""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.faulted import faulted_question
from bridge.commands.means import means_of
from bridge.commands.normalize import normalize
from bridge.commands.parser import parse as rules
from bridge.commands.unsaid_fix import question as unsaid_question


def _asked(text: str) -> str:
    got = parse(text)
    assert got.action == "unknown", got
    reason = str(got.params["reason"])
    assert reason.endswith("?"), reason
    return reason


@pytest.mark.parametrize(
    ("text", "where", "op", "scope"),
    [
        ("could you sort out the outro for me", "in the outro", "busier", {"section": "outro"}),
        (
            "the pre chorus feels kind of weak, can you fix it",
            "in the pre chorus",
            "busier",
            {"section": "pre chorus"},
        ),
        (
            "the 3rd chorus is a bit meh, do something",
            "in the third chorus",
            "busier",
            {"section": "chorus", "nth": 3},
        ),
        ("my manager isn't feeling the intro", "in the intro", "busier", {"section": "intro"}),
        (
            "the breakdown is not landing, please take a look",
            "in the breakdown",
            "busier",
            {"section": "breakdown"},
        ),
        ("bars 17 to 20 need work", "in bars 17 to 20", "busier", {"bars": [17, 20]}),
        ("something's off around bar 30, no idea what", "in bar 30", "busier", {"bars": [30, 30]}),
        (
            "the final drop is lame, do the needful",
            "in the final drop",
            "busier",
            {"section": "drop", "nth": -1},
        ),
        ("do something with measures 5 to 8", "in bars 5 to 8", "busier", {"bars": [5, 8]}),
        ("verse 3 is so so, sort it", "in verse 3", "busier", {"section": "verse", "nth": 3}),
        (
            "the outro keys are dodgy, deal with it",
            "in the keys in the outro",
            "busier",
            {"section": "outro"},
        ),
    ],
)
def test_a_fault_of_a_place_is_asked_naming_it_with_changes_read_there(
    text: str, where: str, op: str, scope: dict[str, object]
) -> None:
    reason = _asked(text)
    assert reason.endswith(f"what should change {where}?"), reason
    first = parse(text).params["suggestions"][
        0
    ]  # the question's own example first, read as that change there
    read = means_of(rules(first).as_dict())
    assert read["op"] == op and read["scope"] == scope, (first, read)


def test_a_track_by_its_number_is_asked_with_examples_that_read() -> None:
    reason = _asked("fix track 7 please")
    assert reason.endswith("what should change on track 7?"), reason
    assert all(rules(tip).understood for tip in parse("fix track 7 please").params["suggestions"][:2])


@pytest.mark.parametrize(
    "text",
    [
        "the intro is weak, make the drums busier",  # a way said: busier
        "the bridge is boring, add a crash on bar 9",  # a request verb of its own
        "fix track 7, it's too loud",  # a way said: softer
        "the verse is meh, put it in D minor",  # a key
        "the chorus is weak, make it trap",  # a genre
        "sort out bar 12, swing it",  # a request verb
        "the drop is lame, make it 8 bars longer",  # a value that is no place's number
        "the outro is fine",  # no fault, no fix
    ],
)
def test_a_fault_with_a_way_or_a_request_beside_it_is_not_this_question(text: str) -> None:
    assert faulted_question(normalize(text)[0]) is None


@pytest.mark.parametrize(
    ("text", "op"),
    [
        ("the intro is weak, make the drums busier", "busier"),
        ("bars 9 to 12 are messy, quantize them", "quantize"),
    ],
)
def test_a_fault_with_its_change_said_acts_on_the_change(text: str, op: str) -> None:
    got = parse(text)
    assert got.understood and means_of(got.as_dict())["op"] == op, got


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("could you change it for me", "which one, and what should change?"),
        ("can u move that over a little", "which one, and what should change?"),
        ("flip those round please", "which one, and what should change?"),
        ("do that same thing to the other one", "which one, and what should change?"),
        ("do what we did with the other track to this", "which one, and what should change?"),
        ("make this sound more like my old demos", "more like it how"),
        ("can you make it feel a bit more like a rainy evening", "more like it how"),
    ],
)
def test_a_change_of_something_unsaid_or_a_likeness_is_asked(text: str, asks: str) -> None:
    assert asks in _asked(text)
    assert all(rules(tip).understood for tip in parse(text).params["suggestions"][:2])


@pytest.mark.parametrize(
    ("text", "op"),
    [
        ("make it sound more like reggae", "set"),  # a genre said: read as before
        ("move it up an octave", "transpose"),  # a way said
    ],
)
def test_a_likeness_or_a_move_with_its_way_said_is_not_asked(text: str, op: str) -> None:
    got = parse(text)
    assert got.understood and means_of(got.as_dict())["op"] == op, got


@pytest.mark.parametrize(
    "text",
    ["make it sound more like reggae", "make it more like a waltz", "move it 2 bars later", "change it to D minor",
     "make it sound more like the drums in the chorus"],
)  # fmt: skip
def test_a_likeness_or_change_that_says_what_is_no_unsaid_question(text: str) -> None:
    assert unsaid_question(normalize(text)[0]) is None


def test_sort_of_is_no_fix_asked() -> None:
    assert faulted_question(normalize("duck the keys sort of like sidechain squash")[0]) is None
