"""The one input check for the JSON doors (issue 53), value by value: each refusal names the input,
the value as JSON and what was expected; what fits passes unchanged."""

from __future__ import annotations

import math
from typing import Any

import pytest

from bridge.actions.inputs import check_object, check_value
from engines.errors import InvalidValue

INDEX = {"type": "integer", "minimum": 0, "maximum": 2**31 - 1}
SCHEMA = {
    "type": "object",
    "properties": {
        "track": INDEX,
        "beats": {"type": "number", "exclusiveMinimum": 0},
        "name": {"type": "string"},
        "folder": {"type": "string", "format": "path", "maxLength": 4096},
        "notes": {"type": "array", "items": {"type": "object", "required": ["pitch"],
                                             "properties": {"pitch": {"type": "integer"}}}},
        "on": {"type": "boolean"},
    },
    "required": ["track"],
    "additionalProperties": False,
}  # fmt: skip


@pytest.mark.parametrize(
    ("values", "said"),
    [
        (
            {"track": True},
            "t: track true is not valid: expected a whole number written without a decimal point",
        ),
        ({"track": -0.0}, "t: track -0.0 is not valid"),
        ({"track": 2.0}, "t: track 2.0 is not valid"),
        ({"track": -1}, "t: track -1 is out of range: expected 0..2147483647"),
        (
            {"track": 0, "beats": math.nan},
            "t: beats NaN is not a number: expected a finite number more than 0",
        ),
        ({"track": 0, "beats": math.inf}, "t: beats Infinity is not a number"),
        ({"track": 0, "beats": 0}, "t: beats 0 is out of range: expected more than 0"),
        (
            {"track": 0, "name": "x" * 70_000},
            "(70,000 characters) is too long: expected at most 2,000 characters",
        ),
        (
            {"track": 0, "name": None},
            "t: name null is not valid: expected a string of at most 2,000 characters "
            "(leave it out for its default)",
        ),
        ({"track": 0, "folder": False}, "t: folder false is not valid"),
        ({"track": 0, "folder": "a\0b"}, "is not a path"),
        ({"track": 0, "notes": [{"pitch": "x"}]}, 't: notes[0].pitch "x" is not valid'),
        ({"track": 0, "notes": [{}]}, "t: notes[0] {} is not valid: pitch is missing"),
        ({"track": 0, "on": 1}, "t: on 1 is not valid: expected true or false"),
        ({}, "t: track is missing"),
        ({"track": 0, "trak": 1}, 't: "trak" is not an input: expected one of track, beats'),
    ],
)
def test_a_bad_value_is_refused_naming_it(values: dict[str, Any], said: str) -> None:
    with pytest.raises(InvalidValue) as refused:
        check_object("t", SCHEMA, values)
    assert said in str(refused.value)


def test_what_fits_passes_unchanged() -> None:
    values = {
        "track": 3,
        "beats": 0.5,
        "name": "Bass",
        "folder": "/tmp/x",
        "notes": [{"pitch": 60}],
        "on": True,
    }
    assert check_object("t", SCHEMA, values) == values


def test_a_value_of_several_types() -> None:
    spec = {"type": ["number", "string", "boolean"]}
    for fits in (0.5, "Bass", True):
        check_value("t", "value", fits, spec)
    with pytest.raises(InvalidValue, match="value NaN is not a number"):
        check_value("t", "value", math.nan, spec)
