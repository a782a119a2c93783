"""A transcription of a track said by name or number ("convert the guitar track to midi", "turn the loop on
track 3 into midi") is that track's clip (`track_name`, target `track:guitar`), never the selected clip; a stem
of a recording ("the bass track of this song as midi") stays the stem (round 35)."""

from __future__ import annotations

import pytest

from bridge.commands.means import means_of
from bridge.commands.parser import parse as rules


@pytest.mark.parametrize(
    ("text", "track", "target"),
    [
        ("convert the guitar track to midi", "guitar", "track:guitar"),
        ("turn the vocal track into midi please", "vocal", "track:vocal"),
        ("turn the loop on track 3 into midi", "track 3", "track:3"),
        ("can you make midi notes of the rhodes channel", "rhodes", "track:rhodes"),
    ],
)
def test_the_track_said_is_transcribed(text: str, track: str, target: str) -> None:
    intent = rules(text)
    assert intent.action == "transcribe" and intent.params.get("track_name") == track, intent
    assert means_of(intent.as_dict())["target"] == target


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("give me the bass track of this song as midi", "bass"),  # a stem of the recording
        ("turn this into midi", "this"),
        ("turn the audio track into midi", "this"),  # "the audio track": no name
        ("convert the selected track to midi", "this"),
    ],
)
def test_no_track_named_is_the_stem_or_the_clip(text: str, target: str) -> None:
    intent = rules(text)
    assert intent.action == "transcribe" and "track_name" not in intent.params, intent
    assert means_of(intent.as_dict())["target"] == target
