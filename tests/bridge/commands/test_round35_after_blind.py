"""Round 35, after the blind measurement (tuned on sets 151-153's kinds, in sentences of our own): a stem said
after the recording it is in, with a word or two naming the recording ("this memphis sample, vocal into midi"
heard the whole sample as a melody), and "a couple more" with its unit unsaid or said after it (one variation was
made of "a couple more maybe so i can pick"; "a couple more bars" and "times" were dropped)."""

from __future__ import annotations

import pytest

from bridge.commands.means import means_of
from bridge.commands.parser import parse as rules


@pytest.mark.parametrize(
    ("text", "stem"),
    [
        ("this memphis sample, vocal into midi pls", "vocals"),
        ("that dusty old record, the bass into midi", "bass"),
        ("this sample, the vocal into midi", "vocals"),
    ],
)
def test_a_stem_said_after_its_recording(text: str, stem: str) -> None:
    intent = rules(text)
    assert intent.action == "transcribe" and intent.params.get("stem") == stem, intent


def test_the_recording_alone_is_no_stem() -> None:
    intent = rules("turn this old soul record into midi")
    assert intent.action == "transcribe" and "stem" not in intent.params, intent


@pytest.mark.parametrize(
    ("text", "op", "field"),
    [
        (
            "could you have another go at the chords, a couple more maybe so i can choose",
            "vary",
            "versions",
        ),
        ("have another go at the drums, a couple more please", "vary", "versions"),
        ("continue the chords for a couple more bars", "continue", "bars"),
        ("undo a couple more times", "undo", "count"),
    ],
)
def test_a_couple_more_is_two(text: str, op: str, field: str) -> None:
    got = means_of(rules(text).as_dict())
    assert got["op"] == op and got.get(field) == 2, got
