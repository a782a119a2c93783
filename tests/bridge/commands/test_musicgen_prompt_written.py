"""A MusicGen prompt after "a loop of" / "a sample of" is the sentence's own words (issue 55, lead, round 24).

Before: the words after the trigger were taken from the normalised sentence, so a part word of another tongue
was said in English inside the prompt ("a loop of berimbau and pandeiro" asked MusicGen for "berimbau and
percussion") and the writer's commas were lost ("koto and shakuhachi sparse and slow"). Now the prompt is
taken as written after the last trigger, while the learned reading still sees the parts in English (so the
sentence is still read as MusicGen). Sentences are the lead's own, none from a blind set.
"""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.borrowed_words import borrowed
from bridge.commands.means import means_of
from bridge.commands.statements import for_reading


@pytest.mark.parametrize(
    ("text", "prompt", "bars"),
    [
        ("make a loop of berimbau and pandeiro, 4 bars", "berimbau and pandeiro", 4),
        ("a loop of koto and shakuhachi, sparse and slow, 8 bars", "koto and shakuhachi, sparse and slow", 8),
        ("could you make a loop of rain on a tin roof, 4 bars, please?", "rain on a tin roof", 4),
        ("can i get a loop of cuica and caixa, dry, 2 bars", "cuica and caixa, dry", 2),
        # read as MusicGen only because the learned reading sees "percussion" (for_reading)
        (
            "make a loop of shaker and pandeiro with beach ambience, 8 bars",
            "shaker and pandeiro with beach ambience",
            8,
        ),
    ],
)
def test_the_prompt_after_a_loop_of_is_as_written(text: str, prompt: str, bars: int) -> None:
    got = parse(text)
    assert got.action == "musicgen", got.as_dict()
    assert got.params["prompt"] == prompt
    assert got.params["bars"] == bars


def test_the_learned_reading_still_sees_the_part_in_english() -> None:
    text = "make a loop of berimbau and pandeiro, 4 bars"
    assert borrowed(text) == text  # the rules keep the prompt's words
    assert "percussion" in for_reading(text)  # the reading sees what it was trained on


@pytest.mark.parametrize(
    ("text", "op", "part"),
    [
        ("make o baixo busier in the chorus", "busier", "bass"),  # no MusicGen: the part said in English
        ("mute a bateria", "mute", "drums"),
    ],
)
def test_a_part_of_another_tongue_outside_musicgen_is_still_read(text: str, op: str, part: str) -> None:
    read = means_of(parse(text).as_dict())
    assert (read.get("op"), read.get("target")) == (op, part), read
