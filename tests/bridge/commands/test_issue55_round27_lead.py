"""Issue 55, round 27 (lead): kinds of sentence behind round 26's wrong acts (sentences of our own, never a
blind set's lines): an analysis asked as a question whose findings are joined by "and" and closed by the
question's own words ("what key and chords it's in"), read as the analysis alone, never as a part to make."""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of

pytestmark = pytest.mark.usefixtures("learned_reading")  # the whole reader: rules, learned reading, gate


@pytest.mark.parametrize(
    "text",
    [
        "play this demo and tell me what key and chords it's in",
        "can you check this loop and tell me which chords and key it uses",
        "have a listen to the bounce and say what tempo and key it is",
    ],
)
def test_findings_asked_after_and_are_the_analysis_not_a_part_made(text: str) -> None:
    got = means_of(parse(text).as_dict())
    assert got.get("op") == "analyze", got
    assert "then" not in got, got


def test_a_part_asked_for_after_the_analysis_is_still_made() -> None:
    got = means_of(parse("analyse the loop and then write chords for it").as_dict())
    assert got.get("op") == "analyze", got
    assert [t.get("op") for t in got.get("then", [])] == ["make"], got
