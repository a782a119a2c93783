"""An audio loop asked for with its sound said after a comma, a colon or a dash (issue 55, round 38): "make an audio
loop, gulls over a harbour" is a prompt of the sound alone, never "loop, gulls ..."; a loop word said with a sound
before it ("a dusty drum audio loop") stays the sound's."""

from __future__ import annotations

import pytest

from bridge.commands.means import means_of
from bridge.commands.parser import parse as rules


@pytest.mark.parametrize(
    ("text", "prompt"),
    [
        ("audio loop, gulls over a windy harbour, 8 bars", "gulls over a windy harbour"),
        (
            "could you do me an audio loop please, kettle whistling in a kitchen",
            "kettle whistling in a kitchen",
        ),
        ("make me an audio loop - slow cello drone, 16 bars", "slow cello drone"),
    ],
)
def test_the_sound_after_the_frame_is_the_prompt(text: str, prompt: str) -> None:
    got = means_of(rules(text).as_dict())
    assert got["op"] == "musicgen" and got["prompt"] == prompt, got


def test_a_sound_said_before_audio_loop_keeps_its_loop_word() -> None:
    got = means_of(rules("a crunchy breakbeat audio loop, 4 bars").as_dict())
    assert got["prompt"] == "crunchy breakbeat loop", got
