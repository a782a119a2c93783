"""A change asked of something said before, and a likeness of a memory, are asked about (issue 55, round 24):
"Now please make the same for the other track also" made a new take of the selected clip on main, and "do that
same thing you did before to the other one" or "make it sound more like ... back in '78" were refused as not
MuseAroo's. Sentences written for this test, not from any blind set."""

from __future__ import annotations

import pytest

from bridge.commands.agree import parse
from bridge.commands.unsaid_fix import ALLUDED, LIKENESS, question

pytestmark = pytest.mark.usefixtures("learned_reading")


@pytest.mark.parametrize(
    "text",
    [
        "ok now make the same for the other one too",
        "apply the same thing we did to the other track please",
        "do that thing you just did to the other one",
    ],
)
def test_the_same_change_on_another_thing_is_asked(text: str) -> None:
    intent = parse(text)
    assert not intent.understood and intent.params["reason"] == ALLUDED, (text, intent.as_dict())


@pytest.mark.parametrize(
    "text",
    [
        "make it sound more like the records we cut back in '71",
        "make it feel more like the demos i did in 2009",
    ],
)
def test_a_year_said_of_a_likeness_is_no_value(text: str) -> None:
    intent = parse(text)
    assert not intent.understood and intent.params["reason"] == LIKENESS, (text, intent.as_dict())


@pytest.mark.parametrize(
    "text",
    [
        " make the same for the bass ",  # a part said: read as before
        " make it sound more like 8 bars of house ",  # a number of the request
    ],
)
def test_a_part_or_a_value_said_is_read_as_before(text: str) -> None:
    assert question(text) is None
