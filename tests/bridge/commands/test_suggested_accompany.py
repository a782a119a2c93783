"""A question's suggestion to play along with the selected clip is a sentence the whole reader reads as
that (issue 55: each suggestion is a sentence the parser itself reads as its action). The head on blind
1-80 read "a bass line that fits this" as make 0.75 and asked, and "a drum beat that fits this" as a new
drum beat made from nothing."""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.rephrase import sentence_for

pytestmark = pytest.mark.usefixtures("learned_reading")  # the whole reader: rules, learned reading, gate


@pytest.mark.parametrize("part", ["drums", "bass", "chords", "melody"])
def test_the_suggestion_to_play_along_reads_as_accompany_of_that_part(part: str) -> None:
    said = sentence_for("accompany", part, f"something for the {part} with this")
    assert said is not None
    intent = parse(said)
    assert (intent.action, intent.part) == ("accompany", part), (said, intent)
