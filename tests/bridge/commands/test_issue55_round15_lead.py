"""Round 15 (lead): readings that leaned on the learned head before the retrain on writers 1-76.

A take named by its place beside a change the reading acts on the selected clip asks, whatever the
learned table says of the ordinal; notes locked onto the grid are quantized by the rules themselves."""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.parser import parse as rules
from tests.bridge.commands.meant import read


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    "text",
    [
        "make the first version busier",
        "transpose the second take up an octave",
        "swing the hats on the third take",
        "quantize the bass, the second variation",
    ],
)
def test_a_take_by_its_place_that_the_change_would_not_touch_asks(text: str) -> None:
    assert not parse(text).understood, parse(text)


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "which"),
    [("star the second take", "second"), ("recall the third version", "third")],
)
def test_a_take_op_still_reads_the_take_by_its_place(text: str, which: str) -> None:
    intent = parse(text)
    assert intent.understood and intent.params.get("which") == which, intent


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    "text",
    ["lock my notes onto the grid", "snap the notes onto the grid", "please pull all my notes to the grid"],
)
def test_notes_onto_the_grid_are_quantized_by_the_rules(text: str) -> None:
    assert rules(text).params.get("kind") == "quantize", rules(text)
    assert read(text)["op"] == "quantize"


def test_notes_said_without_a_grid_are_no_quantize() -> None:
    assert rules("add some notes on the grid").params.get("kind") != "quantize"


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the head on 1-100 asked about these two; read again since v67 (``explain.names_only``)
        ("reverse the bass", "retrograde"),
        ("flip the chords backwards", "retrograde"),
        ("reverse that", "undo"),
        ("reverse the last change", "undo"),
    ],
)
def test_an_unsure_op_that_takes_no_part_never_stops_the_rules_reading_of_one(text: str, want: str) -> None:
    """The head trained on writers 1-76 reads "reverse the bass" as undo (0.34): undo takes no part."""
    intent = parse(text)
    assert intent.understood, intent
    assert (intent.params.get("kind") or intent.action) == want, intent
