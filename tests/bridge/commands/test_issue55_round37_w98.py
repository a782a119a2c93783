"""Issue 55, round 37 (w98): sets 157-158's wrong acts, in sentences of our own (never a set's line).

- a key said after a move word on a part said first ("the bass bring up to E minor") moves that part to
  the key, never makes a new one (``key_moved``);
- "X and the one before" compares X with the previous take; "what different" (no verb) is a comparison
  (``take_refs``);
- "the one I star" (no tense) is the starred take, recalled, never a new star (``take_moves``);
- a last word after a loop's bars that no English sentence says is no sound of its prompt (``musicgen_words``).
"""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of


def _means(text: str) -> dict[str, object]:
    return means_of(parse(text).as_dict())


@pytest.mark.parametrize(
    ("text", "target", "key"),
    [
        ("the bass bring up to E minor", "bass", "E minor"),
        ("the chords put it in F major, more bright", "chords", "F major"),
        ("my melody, move down to C minor", "melody", "C minor"),
    ],
)
def test_a_key_after_a_move_word_transposes_the_part(text: str, target: str, key: str) -> None:
    got = _means(text)
    assert (got["op"], got.get("target"), got.get("key")) == ("transpose", target, key)


def test_the_one_before_after_a_join_is_the_previous_take() -> None:
    got = _means("this take and the one before, what different?")
    assert (got["op"], got.get("other")) == ("compare", "previous")
    got = _means("the last take and the one before, which different")
    assert got["op"] != "compare" or got.get("other") == "previous"


@pytest.mark.parametrize("text", ["please bring back the one we star", "put back the one i star"])
def test_the_one_i_star_is_recalled(text: str) -> None:
    got = _means(text)
    assert (got["op"], got.get("starred")) == ("recall", True)


def test_a_particle_after_the_bars_is_no_prompt_word() -> None:
    assert (
        parse("make a loop of temple bells and gongs, 4 bar ka").params["prompt"] == "temple bells and gongs"
    )
    assert parse("make a loop of rain, 4 bars reggae").params["prompt"] == "rain reggae"
