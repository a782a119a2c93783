"""A take id of digits alone arrives as an OSC int from roo send and Max's message boxes: read as its digits."""

from __future__ import annotations

import pytest

from bridge import protocol
from bridge.actions.history import request
from engines.errors import InvalidValue


def test_an_id_of_digits_sent_as_a_number_is_read_as_its_digits() -> None:
    assert request.star([782045, 1]) == ("782045", True)
    assert request.recall([123456789012, "track", 2]) == ("123456789012", {"track": 2})
    assert request.take_id(["7820ab"], protocol.HISTORY_STAR) == "7820ab"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        ([12345, 1], "take id 12345 (sent as a number): expected at least 6 hex"),
        ([-123456, 1], "needs a take id first"),
        ([True, 1], "needs a take id first"),
        ([1.5e6, 1], "needs a take id first"),
        (["78204z", 1], "take id '78204z': expected at least 6 hex"),
    ],
)
def test_what_is_no_take_id_is_refused_naming_it(args: list[object], said: str) -> None:
    with pytest.raises(InvalidValue, match=said.replace("(", r"\(").replace(")", r"\)")):
        request.star(args)
