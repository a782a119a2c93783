"""/roo/generate argument checking: every bad value is named with what is valid."""

from __future__ import annotations

import pytest

from bridge.actions.generate.job import parse_request
from engines.errors import InvalidValue


def test_defaults_and_typed_options() -> None:
    req = parse_request(["bass", "track", 2, "slot", 1.0, "bars", 4, "density", 1, "key", "F# minor"])
    assert (req.part, req.track, req.slot, req.bars, req.density, req.key) == (
        "bass",
        2,
        1,
        4,
        1.0,
        "F# minor",
    )
    assert req.replace is False and req.seed is None


@pytest.mark.parametrize(
    ("args", "named"),
    [
        ([], "part"),
        (["kazoo"], "'kazoo'"),
        (["drums", "bars", 0], "bars 0"),
        (["drums", "bars", 999], "bars 999"),
        (["drums", "density", 1.5], "density 1.5"),
        (["drums", "track"], "pairs"),
        (["drums", "tempo", 120], "'tempo'"),
        (["drums", "bars", "eight"], "bars = 'eight'"),
        (["drums", "track", -5], "track -5"),
    ],
)
def test_bad_arguments_are_named(args: list[object], named: str) -> None:
    with pytest.raises(InvalidValue, match=named.replace("(", r"\(")):
        parse_request(args)
