"""A quantize's grid said before its share ("quantize the drums to 1/16 at 75% strength") keeps both (round 35,
lead: the share went unread past the grid's words, and the sentence asked about "75")."""

from __future__ import annotations

import pytest

from bridge.commands.parser import parse as rules


@pytest.mark.parametrize(
    ("text", "grid", "strength"),
    [
        ("Quantize the drums to 1/16 at 75% strength", 0.25, 0.75),  # it asked about "75"
        ("quantize the hats to 8ths at 60 percent", 0.5, 0.6),
        ("quantize the drums 50%", None, 0.5),
    ],
)
def test_a_quantize_grid_and_its_strength_said_together(
    text: str, grid: float | None, strength: float
) -> None:
    """Round 35 (lead): a grid said before the share ("to 1/16 at 75%") keeps both."""
    intent = rules(text)
    assert intent.action == "transform" and intent.params["kind"] == "quantize", intent
    assert intent.params.get("grid") == grid and intent.params["strength"] == strength, intent
