"""What an analysis finds, named after the action, is no request left undone (round 22, lead): "analyze this
clip: tempo, key and chords" analysed the clip and said "chords" was not done, though an analysis reads them."""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.audio_words import analysis_findings


@pytest.mark.parametrize(
    "text",
    [
        "analyze this clip: tempo, key and chords",
        "analyze this clip for tempo, key and chord progression",
        "analyse this loop, the bpm and the time signature",
    ],
)
def test_an_analysis_with_its_findings_named_is_done_whole(text: str) -> None:
    intent = parse(text)
    assert intent.action == "analyze", intent
    assert "not_done" not in intent.params, intent


@pytest.mark.parametrize(
    ("clause", "found"),
    [("tempo, key and chords", True), ("the chord progression", True), ("make the chords louder", False),
     ("and solo the bass", False), ("chords", True)],
)  # fmt: skip
def test_only_the_findings_of_an_analysis_are_explained(clause: str, found: bool) -> None:
    assert analysis_findings(clause) is found
