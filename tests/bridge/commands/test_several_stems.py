"""Several stems said in one split are every stem, not the first one said (issue 55)."""

from __future__ import annotations

import pytest

from bridge.commands.parser import parse


@pytest.mark.parametrize(
    "text",
    [
        "separate this into the bass, the guitar and the vocals",
        "split the track into vocals and drums please",
        "stems for piano and bass and whatever else",
    ],
)
def test_several_stems_are_every_stem(text: str) -> None:
    intent = parse(text)
    assert intent.action == "separate" and "stem" not in intent.params


def test_one_stem_is_still_that_stem() -> None:
    assert parse("separate the vocals from this").params.get("stem") == "vocals"
