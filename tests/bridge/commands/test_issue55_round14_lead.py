"""Round 14 (lead): a fade of every part at once is asked about, never drawn on the selected track."""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of


@pytest.mark.parametrize(
    "text",
    [
        "fade the whole band out across the last eight bars",
        "fade everything out",
        "fade all the instruments out over 4 bars",
        "fade everybody in over the first 4 bars",
        "fade the whole song out at the end",
    ],
)
def test_a_fade_of_every_part_is_asked_about(text: str) -> None:
    """Each was drawn on whatever track was selected (the envelope lives in one track's clip)."""
    intent = parse(text)
    assert not intent.understood, intent
    assert intent.params["reason"].endswith("?") and "every part" in intent.params["reason"]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("fade the drums out", "drums"),
        ("fade out the pad track over the last 8 bars", "track:pad"),
        ("fade the bass out, everything else stays", "bass"),
    ],
)
def test_a_fade_of_one_part_is_still_drawn(text: str, target: str) -> None:
    intent = parse(text)
    assert intent.understood and means_of(intent.as_dict())["target"] == target, intent
