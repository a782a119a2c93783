"""What an audio loop is for, said last, is no prompt word (issue 55)."""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of

pytestmark = pytest.mark.usefixtures("learned_reading")  # the whole reader: rules, learned reading, gate


@pytest.mark.parametrize(
    ("text", "prompt"),
    [
        ("make an audio loop of seagulls and waves for my school project", "seagulls and waves"),
        ("audio loop of a marching snare, 4 bars, for the warm up bit", "marching snare"),
    ],
)
def test_what_the_loop_is_for_is_left_out(text: str, prompt: str) -> None:
    assert means_of(parse(text).as_dict()).get("prompt") == prompt


def test_a_sound_played_for_someone_in_the_prompt_stays() -> None:
    assert means_of(parse("make an audio loop of a music box for a lullaby").as_dict()).get("prompt") == (
        "music box for a lullaby"
    )
