"""A part that follows the selected clip said with the clip's kind ("the selected MIDI clip") follows it
(issue 55, round 24): on main the kind word sent the learned reading to a transcription and the sentence was
asked, or read a track named "highlighted midi". Sentences written for this test, not from any blind set."""

from __future__ import annotations

import pytest

from bridge.commands.agree import parse
from bridge.commands.means import means_of
from bridge.commands.statements import for_reading

pytestmark = pytest.mark.usefixtures("learned_reading")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("make a melody that follows the selected MIDI clip, 4 bars", "melody"),
        ("chords that follow the highlighted midi clip", "chords"),
    ],
)
def test_the_selected_clip_is_followed(text: str, target: str) -> None:
    got = means_of(parse(text).as_dict())
    assert (got.get("op"), got.get("target"), got.get("follow")) == ("make", target, "this"), (text, got)


def test_the_learned_reading_sees_the_clip_without_its_kind() -> None:
    assert (
        for_reading("a bass that follows the selected MIDI clip") == "a bass that follows the selected clip"
    )


def test_a_transcription_of_the_selected_clip_still_is_one() -> None:
    assert means_of(parse("turn the selected audio clip into midi").as_dict()).get("op") == "transcribe"
